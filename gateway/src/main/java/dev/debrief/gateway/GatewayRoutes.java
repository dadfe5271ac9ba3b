package dev.debrief.gateway;

import dev.debrief.gateway.config.GatewayConfig;
import dev.debrief.gateway.correlation.RequestContextHandler;
import dev.debrief.gateway.forwarding.Forwarding;
import dev.debrief.gateway.http.GatewayProblems;
import dev.debrief.gateway.openapi.OpenApiHandler;
import dev.debrief.gateway.ratelimit.RateLimitHandler;
import dev.debrief.gateway.resilience.Upstreams;
import dev.debrief.gateway.security.AuthenticationHandler;
import io.quarkus.security.AuthenticationException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.TreeMap;

/**
 * The gateway's router: every API request passes correlation and limits, the token and role check and
 * the rate limits, then goes to its upstream (WebSocket upgrades through a tunnel). Anything the gateway
 * answers itself is problem+json. It sits above the feature packages and wires them: none of them sees it.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    private static final String API = "/api/*";
    /**
     * Right after the CORS filter (route order -300, SecurityHandlerPriorities.CORS) and before the HTTP
     * layer's authentication (-200) and authorization (-100) handlers.
     */
    private static final int API_ORDER = -250;

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final RequestContextHandler requestContext;
    private final AuthenticationHandler authentication;
    private final RateLimitHandler rateLimit;
    private final OpenApiHandler openApi;

    public GatewayRoutes(GatewayConfig config, Upstreams upstreams, RequestContextHandler requestContext,
            AuthenticationHandler authentication, RateLimitHandler rateLimit, OpenApiHandler openApi) {
        this.config = config;
        this.upstreams = upstreams;
        this.requestContext = requestContext;
        this.authentication = authentication;
        this.rateLimit = rateLimit;
        this.openApi = openApi;
    }

    void mount(@Observes Router router) {
        router.get("/openapi").handler(openApi);
        router.get("/q/openapi").handler(openApi);

        // API requests are the gateway's own from CORS on: the HTTP layer's lazy authentication and permission
        // handlers (nothing to do here, yet a Mutiny pipeline per request) are not in their way
        router.route(API).order(API_ORDER).handler(requestContext);
        router.route(API).order(API_ORDER + 1).handler(authentication);
        router.route(API).order(API_ORDER + 2).handler(rateLimit);
        new TreeMap<>(config.routes()).forEach((name, prefixes) -> {
            upstreams.named(name); // fails at start-up if the route names no upstream
            for (String prefix : prefixes) {
                // a replica per request: the upstream may have several (Upstreams balances over the ready ones)
                router.route(prefix).order(API_ORDER + 3).handler(rc -> Forwarding.forward(rc, upstreams.named(name)));
                router.route(prefix + "/*").order(API_ORDER + 3).handler(rc -> Forwarding.forward(rc, upstreams.named(name)));
            }
        });
        router.route(API).order(API_ORDER + 4).handler(GatewayProblems::notFound);
        router.route(API).failureHandler(GatewayRoutes::failed);
    }

    private static void failed(RoutingContext rc) {
        if (rc.failure() instanceof AuthenticationException) {
            // quarkus-oidc fails the route itself when a token does not verify
            GatewayProblems.unauthorized(rc, "The bearer token is not valid (signature, issuer, audience or expiry)");
            return;
        }
        int status = rc.statusCode() > 0 ? rc.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf(rc.failure(), "Gateway failure on %s %s", rc.request().method(), rc.request().path());
            GatewayProblems.send(rc, 500, "internal", "Internal error", "Something went wrong in the gateway");
        } else {
            GatewayProblems.send(rc, status, "http-" + status, "Request failed", "The gateway refused the request");
        }
    }
}
