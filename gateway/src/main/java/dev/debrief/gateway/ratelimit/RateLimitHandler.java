package dev.debrief.gateway.ratelimit;

import dev.debrief.gateway.http.GatewayHeaders;
import dev.debrief.gateway.http.GatewayProblems;
import dev.debrief.gateway.security.TokenFacts;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** After authentication: 429 problem+json with Retry-After when the client's or the firm's budget is spent. */
@ApplicationScoped
public class RateLimitHandler implements Handler<RoutingContext> {

    private final RateLimiter limiter;
    private final MeterRegistry registry;

    public RateLimitHandler(RateLimiter limiter, MeterRegistry registry) {
        this.limiter = limiter;
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext rc) {
        TokenFacts caller = rc.get(GatewayHeaders.KEY_FACTS);
        var refusal = limiter.admit(caller);
        if (refusal.isPresent()) {
            // per budget scope and firm (each firm has its plan); a firm's count of tags is small
            registry.counter("debrief.gateway.rate.limited", "scope", refusal.get().scope(),
                    "tenant", caller == null ? "none" : caller.tenant().orElse("none")).increment();
            GatewayProblems.tooManyRequests(rc, refusal.get().retryAfterSeconds(),
                    "The " + refusal.get().scope() + " request budget is spent; retry after "
                            + refusal.get().retryAfterSeconds() + " s");
            return;
        }
        rc.next();
    }
}
