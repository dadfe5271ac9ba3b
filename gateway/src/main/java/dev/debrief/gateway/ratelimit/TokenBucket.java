package dev.debrief.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled continuously at {@code requestsPerMinute};
 * each request takes one.
 */
final class TokenBucket {

    private final int burst;
    private final int requestsPerMinute;
    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long stamp;
    private long lastUsed;

    TokenBucket(int burst, int requestsPerMinute, long nowNanos) {
        this.burst = burst;
        this.requestsPerMinute = requestsPerMinute;
        this.capacity = Math.max(1, burst);
        this.tokensPerNano = Math.max(1, requestsPerMinute) / 60e9;
        this.tokens = capacity;
        this.stamp = nowNanos;
        this.lastUsed = nowNanos;
    }

    boolean hasBudget(int burst, int requestsPerMinute) {
        return this.burst == burst && this.requestsPerMinute == requestsPerMinute;
    }

    /** Takes a token: 0 when granted, otherwise the nanoseconds until one will be there. */
    synchronized long take(long nowNanos) {
        refill(nowNanos);
        lastUsed = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    /** Full and unused for a while: safe to forget, since a new bucket would be the same. */
    synchronized boolean idleAndFull(long nowNanos, long idleNanos) {
        refill(nowNanos);
        return tokens >= capacity && nowNanos - lastUsed >= idleNanos;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - stamp;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            stamp = nowNanos;
        }
    }
}
