package dev.debrief.gateway.resilience;

import java.time.Duration;

/**
 * Opens after {@code threshold} consecutive failures; while open it refuses at once, and every
 * {@code openFor} it lets one trial request through: a success closes it, a failure keeps it open.
 * A trial whose outcome is never reported (an abandoned WebSocket upgrade) just waits for the next window.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final long openForNanos;
    private int failures;
    private boolean open;
    private long nextTrialAt;

    public CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = Math.max(1, threshold);
        this.openForNanos = openFor.toNanos();
    }

    /** May a request go to the upstream now? */
    public synchronized boolean allow(long nowNanos) {
        if (!open) {
            return true;
        }
        if (nowNanos - nextTrialAt >= 0) {
            nextTrialAt = nowNanos + openForNanos;
            return true;
        }
        return false;
    }

    public synchronized void succeeded() {
        failures = 0;
        open = false;
    }

    public synchronized void failed(long nowNanos) {
        failures++;
        if (open || failures >= threshold) {
            open = true;
            nextTrialAt = nowNanos + openForNanos;
        }
    }

    /** Seconds until the next trial, for Retry-After. */
    public synchronized long secondsUntilTrial(long nowNanos) {
        return open ? Math.max(1, (long) Math.ceil((nextTrialAt - nowNanos) / 1e9)) : 0;
    }

    public synchronized boolean isOpen() {
        return open;
    }
}
