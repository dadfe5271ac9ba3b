package dev.debrief.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Tokens verified a moment ago, with what their verification produced (an identity, facts read from the
 * claims), so a client repeating its token is not verified again on every request: a signature check and
 * two JSON parses cost more CPU than a small read. One implementation for the gateway and the services.
 * <ul>
 * <li>Keyed by the SHA-256 of the token: the cache never holds a bearer token itself.</li>
 * <li>An entry lives until the token's {@code exp}, and at most {@code ttl}: the ttl bounds how long a token
 * signed with a withdrawn key (a rotation that removes the old key) is still honoured here; a token
 * without {@code exp} is never kept.</li>
 * <li>Only what verification returned is kept: a token that fails verification is never cached.</li>
 * <li>Bounded in entries (Caffeine's size eviction): a flood of distinct tokens only costs verification.</li>
 * </ul>
 *
 * @param <V> what a verified token stands for
 */
public final class VerifiedTokenCache<V> {

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final Cache<ByteBuffer, Entry<V>> entries;
    private final long ttlMillis;
    private final LongSupplier wallClockMillis;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public VerifiedTokenCache(long maxEntries, Duration ttl) {
        this(maxEntries, ttl, Ticker.systemTicker(), System::currentTimeMillis);
    }

    /** With a given time (tests): {@code ticker} drives expiry, {@code wallClockMillis} is compared with exp. */
    public VerifiedTokenCache(long maxEntries, Duration ttl, Ticker ticker, LongSupplier wallClockMillis) {
        this.ttlMillis = ttl.toMillis();
        this.wallClockMillis = wallClockMillis;
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).ticker(ticker)
                .expireAfter(Expiry.<ByteBuffer, Entry<V>>creating((key, e) ->
                        Duration.ofMillis(Math.max(0, e.expiresAtMillis() - wallClockMillis.getAsLong()))))
                .build();
    }

    /** What this token was verified as, or null if it is not (or no longer) here. */
    public V get(String token) {
        if (ttlMillis <= 0) {
            return null;
        }
        Entry<V> e = entries.getIfPresent(key(token));
        if (e == null || e.expiresAtMillis() <= wallClockMillis.getAsLong()) {
            misses.increment();
            return null;
        }
        hits.increment();
        return e.value();
    }

    /**
     * Keeps what a successful verification returned, until the token's expiry ({@code exp}, seconds since the
     * epoch; ≤ 0 when it has none: not kept) or the ttl, whichever comes first.
     */
    public void put(String token, V verified, long expEpochSeconds) {
        long now = wallClockMillis.getAsLong();
        if (ttlMillis <= 0 || expEpochSeconds <= 0) {
            return;
        }
        long until = Math.min(now + ttlMillis, TimeUnit.SECONDS.toMillis(expEpochSeconds));
        if (until > now) {
            entries.put(key(token), new Entry<>(verified, until));
        }
    }

    /**
     * The cached verification, or {@code verify}'s (kept with the expiry {@code exp} reads from it). When
     * {@code verify} throws, nothing is kept and the exception goes to the caller.
     */
    public V verified(String token, Function<String, V> verify, ToLongFunction<V> exp) {
        V known = get(token);
        if (known != null) {
            return known;
        }
        V fresh = verify.apply(token);
        put(token, fresh, exp.applyAsLong(fresh));
        return fresh;
    }

    /** Drops every entry: after the signing keys were withdrawn, every token is verified again. */
    public void forgetAll() {
        entries.invalidateAll();
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    private static ByteBuffer key(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
