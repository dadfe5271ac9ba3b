package dev.debrief.gateway.ratelimit;

import dev.debrief.gateway.config.GatewayConfig;
import dev.debrief.gateway.security.TokenFacts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The buckets counted on a clock that stands still: no request is let through by time passing. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RateLimiter limiter = new RateLimiter(config(true, 5, 7, 12), new TenantPlans(null), now::get);

    @Test
    void shouldSpendOnlyTheBurstingUsersBudget() {
        TokenFacts alice = web("alice", "northwind");
        assertEquals(5, admittedInARow(alice, 50));
        assertEquals("user", limiter.admit(alice).orElseThrow().scope());

        assertTrue(limiter.admit(web("bob", "northwind")).isEmpty(), "a colleague of the same firm");
        assertTrue(limiter.admit(web("carol", "summit")).isEmpty(), "a user of another firm");
        assertTrue(limiter.admit(web("dave", null)).isEmpty(), "a user of no firm");
    }

    @Test
    void shouldLimitAnIntegrationClientAcrossItsSubjects() {
        int admitted = 0;
        for (int i = 0; i < 20; i++) {
            var caller = new TokenFacts("sa-" + i, Optional.of("northwind-integration"), Optional.of("northwind"),
                    Optional.of("northwind-integration"));
            if (limiter.admit(caller).isEmpty()) {
                admitted++;
            } else {
                assertEquals("client", limiter.admit(caller).orElseThrow().scope());
            }
        }
        assertEquals(7, admitted);
        assertTrue(limiter.admit(new TokenFacts("sa-x", Optional.of("summit-integration"), Optional.of("summit"),
                Optional.of("summit-integration"))).isEmpty());
    }

    @Test
    void shouldLimitAFirmAcrossItsUsersWhenItsBudgetIsSpent() {
        int admitted = 0;
        for (int i = 0; i < 4; i++) {
            admitted += admittedInARow(web("user-" + i, "northwind"), 5);
        }
        assertEquals(12, admitted);
        assertEquals("tenant", limiter.admit(web("late", "northwind")).orElseThrow().scope());
        assertTrue(limiter.admit(web("late", "summit")).isEmpty());
    }

    @Test
    void shouldRefillWithTime() {
        TokenFacts alice = web("alice", "northwind");
        admittedInARow(alice, 50);
        long retryAfter = limiter.admit(alice).orElseThrow().retryAfterSeconds();
        now.addAndGet(Duration.ofSeconds(retryAfter).toNanos());
        assertTrue(limiter.admit(alice).isEmpty());
    }

    private int admittedInARow(TokenFacts caller, int max) {
        int admitted = 0;
        while (admitted < max && limiter.admit(caller).isEmpty()) {
            admitted++;
        }
        return admitted;
    }

    private static TokenFacts web(String subject, String firm) {
        return new TokenFacts(subject, Optional.of("debrief-web"), Optional.ofNullable(firm), Optional.empty());
    }

    private static GatewayConfig.RateLimit config(boolean enabled, int userBurst, int clientBurst, int tenantBurst) {
        return new GatewayConfig.RateLimit() {
            public boolean enabled() {
                return enabled;
            }

            public GatewayConfig.Bucket user() {
                return bucket(userBurst);
            }

            public GatewayConfig.Bucket client() {
                return bucket(clientBurst);
            }

            public GatewayConfig.Bucket tenant() {
                return bucket(tenantBurst);
            }

            public Duration planRefresh() {
                return Duration.ofSeconds(30);
            }
        };
    }

    private static GatewayConfig.Bucket bucket(int burst) {
        return new GatewayConfig.Bucket() {
            public int requestsPerMinute() {
                return 60;
            }

            public int burst() {
                return burst;
            }
        };
    }
}
