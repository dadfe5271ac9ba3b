package dev.debrief.kit.http;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may open one more connection: anyone up to the bound, past it only light clients, within the reserve. */
class ConnectionCountsTest {

    private final ConnectionCounts counts = new ConnectionCounts(3, 2);

    @Test
    void shouldRefuseAFloodingClientPastTheBoundButLetALightOneIn() {
        ConnectionCounts counts = new ConnectionCounts(3, 10);   // a reserve that is not what refuses here
        for (int port = 1; port <= 3; port++) {
            assertTrue(counts.admit(flood(port)), "within the bound");
        }
        assertFalse(counts.admit(flood(4)), "past the bound, a client holding three is refused");

        assertTrue(counts.admit(probe(1)), "a client holding none gets in past the bound");
        assertTrue(counts.admit(probe(2)), "and with one open, still light");
        assertFalse(counts.admit(probe(3)), "with two open it is no longer light");
        assertEquals(5, counts.open(), "a refusal takes no slot");
    }

    @Test
    void shouldStopLightClientsAtTheReserve() {
        for (int port = 1; port <= 3; port++) {
            counts.admit(flood(port));
        }
        assertTrue(counts.admit(client("10.0.0.1", 1)));
        assertTrue(counts.admit(client("10.0.0.2", 1)));
        assertFalse(counts.admit(client("10.0.0.3", 1)), "the reserve of two is spent");
    }

    @Test
    void shouldGiveASlotBackWhenAConnectionCloses() {
        for (int port = 1; port <= 3; port++) {
            counts.admit(flood(port));
        }
        assertFalse(counts.admit(flood(4)));
        counts.release(flood(1));
        assertTrue(counts.admit(flood(5)), "the flood's own closed slot comes back to it");
        counts.release(flood(2));
        counts.release(flood(3));
        counts.release(flood(5));
        assertEquals(0, counts.open());
        assertTrue(counts.admit(probe(1)) && counts.admit(probe(2)) && counts.admit(probe(3)),
                "a client that was light is counted from zero again, up to the bound");
    }

    private static InetSocketAddress flood(int port) {
        return client("10.0.0.9", port);
    }

    private static InetSocketAddress probe(int port) {
        return client("10.0.0.7", port);
    }

    private static InetSocketAddress client(String ip, int port) {
        return new InetSocketAddress(ip, port);
    }
}
