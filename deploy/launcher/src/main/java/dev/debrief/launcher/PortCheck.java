package dev.debrief.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/** Before anything starts: every port the stack wants must be free, or the launcher says which one and why. */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(Map<Integer, String> wanted) {
        wanted.forEach((port, who) -> {
            if (!isFree(port)) {
                throw new StackException("port " + port + " (wanted by " + who + ") is already in use: stop what"
                        + " listens there (ss -ltnp 'sport = :" + port + "') or choose another port (see --help)");
            }
        });
    }

    /** Binding the wildcard address fails if anything listens on the port on any local address. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // like the servers themselves: connections in TIME_WAIT do not block a restart
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
