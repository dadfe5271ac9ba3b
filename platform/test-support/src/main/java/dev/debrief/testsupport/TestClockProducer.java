package dev.debrief.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** In tests every service reads time from one {@link MutableClock}: inject it to move time. */
@Singleton
public class TestClockProducer {

    private final MutableClock clock = new MutableClock();

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    Clock clock() {
        return clock;
    }

    @Produces
    @Singleton
    MutableClock mutableClock() {
        return clock;
    }
}
