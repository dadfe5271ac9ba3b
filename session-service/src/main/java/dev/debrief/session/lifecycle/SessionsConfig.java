package dev.debrief.session.lifecycle;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The session rules an operator may tune ({@code debrief.sessions.*}). */
@ConfigMapping(prefix = "debrief.sessions")
public interface SessionsConfig {

    /** The most questions one session may snapshot. */
    @WithDefault("40")
    int maxQuestions();

    /** A live session nobody touched for this long is expired by the idle job. */
    @WithDefault("PT2H")
    Duration idleTimeout();

    /** Period of the idle-expiry job ({@code off} disables it). */
    @WithDefault("1m")
    String expiryEvery();

    /** Period of the self-practice interjection tick ({@code off} disables it). */
    @WithDefault("1s")
    String tickEvery();

    /** The largest request body accepted (413 problem+json beyond); the HTTP layer's limit is set above it. */
    @WithDefault("256K")
    MemorySize maxBodySize();

    /** Period of the live push's catch-up sweep ({@code off} disables it). */
    @WithDefault("2s")
    String liveSweepEvery();
}
