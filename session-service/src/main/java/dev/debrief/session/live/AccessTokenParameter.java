package dev.debrief.session.live;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Browsers cannot set headers on a WebSocket: on the live endpoint's upgrade only, an
 * {@code access_token} query parameter becomes the Authorization header (when none is sent), before
 * authentication reads it. (The other browser route is the subprotocol header, see docs.)
 */
@ApplicationScoped
public class AccessTokenParameter {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            HttpServerRequest request = rc.request();
            if (request.path().endsWith("/live") && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                String token = request.getParam("access_token");
                if (token != null && !token.isBlank()) {
                    request.headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
                }
            }
            rc.next();
        }, 100);
    }
}
