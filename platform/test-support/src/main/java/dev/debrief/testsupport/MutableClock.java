package dev.debrief.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand. It follows the system clock until a test {@link #freeze}s or
 * {@link #advance}s it, and {@link #reset} hands it back to the system clock.
 */
public class MutableClock extends Clock {

    private volatile Instant frozen;
    private volatile Duration offset = Duration.ZERO;

    public void freeze() {
        frozen = instant();
    }

    public void advance(Duration by) {
        if (frozen != null) {
            frozen = frozen.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    public void reset() {
        frozen = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant now = frozen;
        return now != null ? now : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Debrief runs on UTC");
    }
}
