package dev.debrief.session.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {

    private final RetrySchedule defaults = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofDays(1));

    @Test
    void shouldDoubleTheDelayAfterEachFailureUpToTheCap() {
        assertEquals(Duration.ofSeconds(30), defaults.delayAfter(1));
        assertEquals(Duration.ofSeconds(60), defaults.delayAfter(2));
        assertEquals(Duration.ofSeconds(120), defaults.delayAfter(3));
        assertEquals(Duration.ofMinutes(64), defaults.delayAfter(8));
        assertEquals(Duration.ofHours(2), defaults.delayAfter(9));
        assertEquals(Duration.ofHours(2), defaults.delayAfter(1000));
    }

    @Test
    void shouldKeepRetryingForADayAndThenGiveUp() {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        Instant now = start;
        int attempts = 1; // the first try, at start
        Optional<Instant> next;
        while ((next = defaults.next(attempts, start, now)).isPresent()) {
            assertTrue(next.get().isAfter(now));
            now = next.get();
            attempts++;
        }
        assertTrue(!now.isAfter(start.plus(Duration.ofDays(1))), "the last attempt is inside the day");
        assertTrue(now.plus(defaults.delayAfter(attempts)).isAfter(start.plus(Duration.ofDays(1))));
        // 30 s, 1, 2, 4, 8, 16, 32, 64 min (about 2 h 7 min), then every 2 h while inside the day
        assertEquals(19, attempts);
    }

    @Test
    void shouldScaleWithAConfiguredBaseSoTestsNeedNotWait() {
        RetrySchedule fast = new RetrySchedule(Duration.ofMillis(100), Duration.ofHours(2), Duration.ofDays(1));

        assertEquals(Duration.ofMillis(100), fast.delayAfter(1));
        assertEquals(Duration.ofMillis(400), fast.delayAfter(3));
    }

    @Test
    void shouldRefuseASenselessSchedule() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofHours(2), Duration.ofHours(1), Duration.ofDays(1)));
    }
}
