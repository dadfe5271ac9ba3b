package dev.debrief.session.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhook delivery settings ({@code debrief.webhooks.*}). */
@ConfigMapping(prefix = "debrief.webhooks")
public interface WebhooksConfig {

    /**
     * Lets endpoints be {@code http://localhost} (loopback only): for the demo realm, where receivers run on the
     * developer's machine. Off by default; the local stack's launcher turns it on.
     */
    @WithDefault("false")
    boolean allowHttpLocalhost();

    /** The first retry's delay; each further one doubles, up to {@link #retryMaxDelay()}. */
    @WithDefault("PT30S")
    Duration retryBase();

    @WithDefault("PT2H")
    Duration retryMaxDelay();

    /** How long after the first attempt (or a resend) a failing delivery is still retried. */
    @WithDefault("P1D")
    Duration retryWindow();

    /** Connect and whole-request timeout of one attempt. */
    @WithDefault("PT10S")
    Duration timeout();

    /** How long the previous secret keeps signing after a rotation, unless the rotation names its own. */
    @WithDefault("P1D")
    Duration rotationOverlap();

    /** Period of the dispatcher that sends due deliveries ({@code off} disables it). */
    @WithDefault("1s")
    String dispatchEvery();

    /** Deliveries one dispatcher run claims at most. */
    @WithDefault("20")
    int batchSize();

    /** A claimed delivery is another replica's to retry if its sender has not reported within this. */
    @WithDefault("PT2M")
    Duration claimLease();

    /** Endpoints one firm may register (409 beyond). */
    @WithDefault("50")
    int maxEndpointsPerFirm();
}
