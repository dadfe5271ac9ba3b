package dev.debrief.kit.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Expiry at exp and ttl, failed verifications never kept, key rotation, the size bound; on a fake clock. */
class VerifiedTokenCacheTest {

    private static final long EPOCH_MILLIS = 1_800_000_000_000L;
    private final AtomicLong nanos = new AtomicLong();

    private long nowSeconds() {
        return TimeUnit.MILLISECONDS.toSeconds(EPOCH_MILLIS + TimeUnit.NANOSECONDS.toMillis(nanos.get()));
    }

    private VerifiedTokenCache<String> cache(long max, Duration ttl) {
        return new VerifiedTokenCache<>(max, ttl, nanos::get,
                () -> EPOCH_MILLIS + TimeUnit.NANOSECONDS.toMillis(nanos.get()));
    }

    private void pass(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void shouldForgetATokenAtItsExpiry() {
        VerifiedTokenCache<String> cache = cache(100, Duration.ofMinutes(5));
        cache.put("token-a", "alice", nowSeconds() + 60);
        assertEquals("alice", cache.get("token-a"));
        pass(Duration.ofSeconds(59));
        assertEquals("alice", cache.get("token-a"));
        pass(Duration.ofSeconds(1));
        assertNull(cache.get("token-a"));
    }

    @Test
    void shouldForgetATokenAfterTheTtlEvenBeforeItsExpiry() {
        VerifiedTokenCache<String> cache = cache(100, Duration.ofSeconds(30));
        cache.put("token-a", "alice", nowSeconds() + 3600);
        pass(Duration.ofSeconds(29));
        assertEquals("alice", cache.get("token-a"));
        pass(Duration.ofSeconds(1));
        assertNull(cache.get("token-a"));
    }

    @Test
    void shouldNeverKeepATokenThatFailedVerificationOrHasNoExpiry() {
        VerifiedTokenCache<String> cache = cache(100, Duration.ofMinutes(5));
        AtomicInteger verifications = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            assertThrows(SecurityException.class, () -> cache.verified("forged", t -> {
                verifications.incrementAndGet();
                throw new SecurityException("bad signature");
            }, v -> nowSeconds() + 60));
        }
        assertEquals(2, verifications.get(), "the failed token was verified again, not served from the cache");
        assertNull(cache.get("forged"));
        cache.put("no-exp", "bob", 0);
        cache.put("expired", "carol", nowSeconds() - 1);
        assertNull(cache.get("no-exp"));
        assertNull(cache.get("expired"));
        assertEquals(0, cache.size());
    }

    @Test
    void shouldVerifyOnceWhileCachedThenAgain() {
        VerifiedTokenCache<String> cache = cache(100, Duration.ofMinutes(5));
        AtomicInteger verifications = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertEquals("alice", cache.verified("token-a", t -> {
                verifications.incrementAndGet();
                return "alice";
            }, v -> nowSeconds() + 10));
        }
        assertEquals(1, verifications.get());
        pass(Duration.ofSeconds(10));
        cache.verified("token-a", t -> "alice-again", v -> nowSeconds() + 10);
        assertEquals("alice-again", cache.get("token-a"));
    }

    @Test
    void shouldVerifyAgainAfterAKeyRotationWithdrewTheOldKey() {
        VerifiedTokenCache<String> cache = cache(100, Duration.ofMinutes(5));
        Set<String> publishedKeys = new HashSet<>(Set.of("key-1"));
        // a token names its key: "<kid>:<subject>"; verification accepts only published keys
        java.util.function.Function<String, String> verify = token -> {
            String kid = token.substring(0, token.indexOf(':'));
            if (!publishedKeys.contains(kid)) {
                throw new SecurityException("unknown key " + kid);
            }
            return token.substring(token.indexOf(':') + 1);
        };
        assertEquals("alice", cache.verified("key-1:alice", verify, v -> nowSeconds() + 600));

        publishedKeys.clear();   // rotation: key-2 in, key-1 withdrawn
        publishedKeys.add("key-2");
        cache.forgetAll();
        assertThrows(SecurityException.class, () -> cache.verified("key-1:alice", verify, v -> nowSeconds() + 600));
        assertEquals("bob", cache.verified("key-2:bob", verify, v -> nowSeconds() + 600));
        assertNull(cache.get("key-1:alice"));
        assertEquals("bob", cache.get("key-2:bob"));
    }

    @Test
    void shouldStayWithinItsBound() {
        VerifiedTokenCache<String> cache = cache(50, Duration.ofMinutes(5));
        for (int i = 0; i < 1_000; i++) {
            cache.put("token-" + i, "user-" + i, nowSeconds() + 600);
        }
        assertEquals(50, cache.size());
    }
}
