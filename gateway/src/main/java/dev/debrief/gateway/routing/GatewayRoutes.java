package dev.debrief.gateway.routing;

import dev.debrief.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.List;

/** Mounts the public API of each service on the gateway's router, proxied by Vert.x's HTTP proxy. */
@ApplicationScoped
public class GatewayRoutes {

    void mount(@Observes Router router, Vertx vertx, GatewayConfig config) {
        var client = vertx.createHttpClient();
        route(router, client, config.upstream().question(), List.of("/api/questions", "/api/loops"));
        route(router, client, config.upstream().session(), List.of("/api/sessions"));
        route(router, client, config.upstream().scoring(), List.of("/api/rubrics", "/api/scores",
                "/api/scorecards", "/api/debriefs", "/api/calibration", "/api/progress"));
    }

    private static void route(Router router, io.vertx.core.http.HttpClient client, URI upstream, List<String> prefixes) {
        HttpProxy proxy = HttpProxy.reverseProxy(client).origin(upstream.getPort(), upstream.getHost());
        ProxyHandler handler = ProxyHandler.create(proxy);
        for (String prefix : prefixes) {
            router.route(prefix).handler(handler);
            router.route(prefix + "/*").handler(handler);
        }
    }
}
