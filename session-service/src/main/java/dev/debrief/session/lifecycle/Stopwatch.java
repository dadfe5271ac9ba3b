package dev.debrief.session.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Server-side running time: what has accumulated plus the segment running now, if any. */
@Embeddable
public class Stopwatch {

    @Column(name = "active_millis", nullable = false)
    public long activeMillis;

    @Column(name = "running_since")
    public Instant runningSince;

    public void start(Instant now) {
        if (runningSince == null) {
            // the database keeps microseconds (rounded): whole milliseconds round-trip exactly
            runningSince = now.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    public void stop(Instant now) {
        if (runningSince != null) {
            activeMillis += Math.max(0, Duration.between(runningSince, now).toMillis());
            runningSince = null;
        }
    }

    public boolean running() {
        return runningSince != null;
    }

    public Duration elapsed(Instant now) {
        long running = runningSince == null ? 0 : Math.max(0, Duration.between(runningSince, now).toMillis());
        return Duration.ofMillis(activeMillis + running);
    }

    /** When the running time reaches {@code mark}, if the watch keeps running; null when stopped. */
    public Instant reaches(Duration mark) {
        return runningSince == null ? null : runningSince.plusMillis(mark.toMillis() - activeMillis);
    }
}
