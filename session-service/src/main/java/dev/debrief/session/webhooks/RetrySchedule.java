package dev.debrief.session.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code base × 2^(n-1)} after the n-th failed attempt, at most
 * {@code maxDelay} apart, for as long as the next try still falls inside {@code window} from the first
 * (a day). With the defaults (30 s, 2 h) that is 30 s, 1 min, 2, 4, 8, 16, 32, 64 min, then every 2 h: 17
 * attempts in 24 h. After that the delivery has failed; a resend opens a new window.
 */
public record RetrySchedule(Duration base, Duration maxDelay, Duration window) {

    public RetrySchedule {
        if (base.isNegative() || base.isZero() || maxDelay.compareTo(base) < 0 || window.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= maxDelay and base <= window");
        }
    }

    /** The delay after the given number of failed attempts (1 for the first failure). */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            return Duration.ZERO;
        }
        // doubling past 2^30 overflows long nanos long before it matters: the cap has taken over by then
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** The next attempt after a failure at {@code now}, or empty when it would fall outside the window. */
    public Optional<Instant> next(int failedAttempts, Instant windowStart, Instant now) {
        Instant next = now.plus(delayAfter(failedAttempts));
        return next.isAfter(windowStart.plus(window)) ? Optional.empty() : Optional.of(next);
    }
}
