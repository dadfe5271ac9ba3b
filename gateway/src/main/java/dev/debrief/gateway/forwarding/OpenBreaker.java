package dev.debrief.gateway.forwarding;

import dev.debrief.gateway.http.GatewayProblems;
import dev.debrief.gateway.resilience.Upstream;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** An upstream whose breaker is open is answered 503 with Retry-After at once, without calling it. */
final class OpenBreaker {

    private OpenBreaker() {
    }

    static boolean refuses(RoutingContext rc, Upstream upstream) {
        long now = System.nanoTime();
        if (upstream.breaker().allow(now)) {
            return false;
        }
        rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(upstream.breaker().secondsUntilTrial(now)));
        GatewayProblems.send(rc, 503, "upstream-unavailable", "Service unavailable", upstream.name() + "-service is failing; retry later");
        return true;
    }
}
