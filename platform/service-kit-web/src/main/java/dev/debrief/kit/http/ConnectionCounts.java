package dev.debrief.kit.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open connections, in all and per client address, and whether one more may open. Up to the bound anyone may.
 * Past it, a client that holds fewer than {@link #LIGHT} connections still may, within a small reserve: a flood
 * from one client fills the bound and is refused past it, while a probe (the kubelet's, one connection at a time
 * from the node's address) or a metrics scrape still gets in. Only many light clients at once exhaust the reserve.
 * <p>
 * {@link #admit} runs on the acceptor thread, {@link #release} on whichever event loop closes the connection.
 */
final class ConnectionCounts {

    /** A client holding fewer connections than this is light. */
    static final int LIGHT = 2;

    private static final Object NOT_AN_IP = new Object();

    private final int bound;
    private final int reserve;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<Object, Integer> byClient = new ConcurrentHashMap<>();

    ConnectionCounts(int bound, int reserve) {
        this.bound = bound;
        this.reserve = reserve;
    }

    /** Takes a slot for a connection from {@code client} and says true, or takes nothing and says false. */
    boolean admit(SocketAddress client) {
        Object key = key(client);
        int total = open.incrementAndGet();
        int held = byClient.merge(key, 1, Integer::sum) - 1;
        if (total <= bound || held < LIGHT && total <= bound + reserve) {
            return true;
        }
        release(key);
        return false;
    }

    void release(SocketAddress client) {
        release(key(client));
    }

    int open() {
        return open.get();
    }

    int bound() {
        return bound;
    }

    private void release(Object key) {
        open.decrementAndGet();
        byClient.computeIfPresent(key, (k, held) -> held == 1 ? null : held - 1);
    }

    /** The client's IP address: its ports differ from one connection to the next. */
    private static Object key(SocketAddress client) {
        return client instanceof InetSocketAddress ip && ip.getAddress() != null ? ip.getAddress() : NOT_AN_IP;
    }
}
