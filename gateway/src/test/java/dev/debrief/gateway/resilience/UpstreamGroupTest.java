package dev.debrief.gateway.resilience;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the gateway spreads requests over the replicas of one upstream. */
class UpstreamGroupTest {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Test
    void shouldTakeTurnsBetweenReadyReplicas() {
        Upstream a = replica(1);
        Upstream b = replica(2);
        UpstreamGroup group = new UpstreamGroup(List.of(a, b));

        assertEquals(Set.of(a, b), picks(group, 4));
    }

    @Test
    void shouldSkipAReplicaThatIsNotReadyOrWhoseBreakerIsOpen() {
        Upstream a = replica(1);
        Upstream b = replica(2);
        Upstream c = replica(3);
        UpstreamGroup group = new UpstreamGroup(List.of(a, b, c));

        a.markReady(false);
        for (int i = 0; i < 5; i++) {
            c.breaker().failed(System.nanoTime());
        }
        assertEquals(Set.of(b), picks(group, 6));

        a.markReady(true);
        assertEquals(Set.of(a, b), picks(group, 6));
    }

    @Test
    void shouldStillTryEveryReplicaWhenNoneIsReady() {
        Upstream a = replica(1);
        Upstream b = replica(2);
        a.markReady(false);
        b.markReady(false);

        assertEquals(Set.of(a, b), picks(new UpstreamGroup(List.of(a, b)), 4));
    }

    private static Set<Upstream> picks(UpstreamGroup group, int times) {
        Set<Upstream> picked = new HashSet<>();
        for (int i = 0; i < times; i++) {
            picked.add(group.pick());
        }
        return picked;
    }

    private static Upstream replica(int n) {
        return new Upstream("session", URI.create("http://localhost:1808" + n), vertx, new HttpClientOptions(),
                new CircuitBreaker(5, Duration.ofSeconds(10)), 1000);
    }
}
