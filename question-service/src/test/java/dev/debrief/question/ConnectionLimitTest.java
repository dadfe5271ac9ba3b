package dev.debrief.question;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service kit's bound on open connections, on a real service (ConnectionBoundOfThree): with three connections
 * open from one client, a fourth from it is closed as it is accepted, before it has sent a byte, while a client
 * holding none still gets in; the three are served; closing one makes room for a new one; and the refusals are
 * counted. Only raw sockets here: a pooled HTTP client would hold
 * connections of its own against the bound.
 */
@QuarkusTest
@TestProfile(ConnectionBoundOfThree.class)
class ConnectionLimitTest {

    @TestHTTPResource("/")
    URL server;

    @Test
    void shouldCloseConnectionsPastTheBoundAsTheyAreAcceptedAndTakeANewOneWhenOneCloses() throws IOException {
        // the bound goes on once the HTTP server listens (Quarkus tells it asynchronously): wait for its gauge
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics().contains("debrief_http_connections_max 3.0"));
        List<Socket> held = new ArrayList<>();
        try {
            // three open connections, each served and kept open (a retry if the metrics call's connection was not
            // yet counted out when they came)
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                closeAll(held);
                for (int i = 0; i < 3; i++) {
                    held.add(connect());
                }
                for (Socket connection : held) {
                    assertEquals("HTTP/1.1 200 OK", firstLine(connection, "/q/health/live"));
                }
            });
            try (Socket fourth = connect()) {
                assertTrue(closedByTheServer(fourth), "a fourth connection is closed before it sends a byte");
            }
            // another client, holding none (as the kubelet's probe would be), still gets in past the bound
            try (Socket probe = connectFrom("127.0.0.2")) {
                assertEquals("HTTP/1.1 200 OK", response(probe, "/q/health/live").lines().findFirst().orElse(""),
                        "a client holding no connection is served while another fills the bound");
            }

            held.removeFirst().close();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                try (Socket replacement = connect()) {
                    assertEquals("HTTP/1.1 200 OK", response(replacement, "/q/health/live").lines().findFirst().orElse(""),
                            "a closed connection's slot comes back");
                }
            });
            closeAll(held);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(metrics().lines().anyMatch(
                    l -> l.startsWith("debrief_http_connections_refused_total") && !l.endsWith(" 0.0")), "refusals are counted"));
        } finally {
            closeAll(held);
        }
    }

    private String metrics() throws IOException {
        try (Socket socket = connect()) {
            return response(socket, "/q/metrics");
        }
    }

    private Socket connect() throws IOException {
        return connectFrom("127.0.0.1");
    }

    /** From an address of the loopback network (Linux answers for all of 127/8): a client of its own. */
    private Socket connectFrom(String localAddress) throws IOException {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), server.getPort(), InetAddress.getByName(localAddress), 0);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** The server closed it without being sent anything: end of stream, or a reset. */
    private static boolean closedByTheServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** The status line of one request on a connection that stays open (keep-alive). */
    private static String firstLine(Socket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** One request on the connection, which the server then closes (Connection: close), and all it answered. */
    private static String response(Socket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }
}
