package dev.debrief.kit.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the requests one instance holds at once ({@code debrief.http.max-in-flight}). Past the bound a request
 * is answered at once, before authentication or routing: 503 problem+json, type {@code overloaded}, with
 * Retry-After, so work past capacity is refused rather than queued in the worker pool and the heap. With few
 * workers and a bound on connections kept at accept time ({@link ConnectionLimit}) it kept question-service up at
 * two and three times its capacity; without it, it ran out of memory (docs/reliability.md, "Overload").
 * <p>
 * A request counts from its headers until its response is written or its connection closes. Not counted:
 * {@code /q/} (probes and metrics must answer an overloaded instance, or the platform restarts a healthy one)
 * and WebSocket upgrades to the suite's live endpoints ({@link LiveUpgrades}: a live socket lasts a session; it is
 * not work in progress). Only those: an Upgrade header on any other path is counted like the rest.
 */
@ApplicationScoped
public class InFlightLimit {

    /** Before every other filter: a refused request should cost as little as possible. */
    static final int PRIORITY = RequestLineGuard.PRIORITY + 10_000;

    static final String RETRY_AFTER_SECONDS = "1";

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InFlightLimit(@ConfigProperty(name = "debrief.http.max-in-flight", defaultValue = "256") int limit,
            MeterRegistry registry) {
        if (limit < 1) {
            throw new IllegalArgumentException("debrief.http.max-in-flight must be at least 1, not " + limit);
        }
        this.limit = limit;
        Gauge.builder("debrief.http.requests.in.flight", inFlight, AtomicInteger::get)
                .description("Requests this instance holds now; past debrief.http.max-in-flight they are answered 503")
                .register(registry);
    }

    void register(@Observes Filters filters) {
        filters.register(this::admit, PRIORITY);
    }

    void admit(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.path().startsWith("/q/") || LiveUpgrades.isLiveUpgrade(request)) {
            rc.next();
            return;
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            refuse(rc);
            return;
        }
        // Vert.x Web runs the context's end handlers once: on the response's end, its failure or its connection's close
        rc.addEndHandler(done -> inFlight.decrementAndGet());
        rc.next();
    }

    private void refuse(RoutingContext rc) {
        rc.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        RequestLineGuard.send(rc, 503, "overloaded", "Service overloaded", "This instance is at its bound of " + limit
                + " requests in progress; nothing was done. Retry after " + RETRY_AFTER_SECONDS + " second.");
    }
}
