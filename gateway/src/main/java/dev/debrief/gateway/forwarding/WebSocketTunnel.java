package dev.debrief.gateway.forwarding;

import dev.debrief.gateway.http.GatewayProblems;
import dev.debrief.gateway.resilience.Upstream;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * WebSocket upgrades, tunnelled here rather than by Vert.x's reverse proxy, which answers a bare 502 when
 * the upstream cannot be reached and never tells the breaker. An unreachable upstream is answered 503,
 * a silent one 504 and an open breaker 503 with Retry-After, all problem+json like the HTTP routes;
 * once the upstream answers 101 the two connections are joined by two Vert.x pipes, with back-pressure.
 */
final class WebSocketTunnel {

    private WebSocketTunnel() {
    }

    static boolean isUpgrade(HttpServerRequest request) {
        return request.method() == HttpMethod.GET
                && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    static void open(RoutingContext rc, Upstream upstream) {
        if (OpenBreaker.refuses(rc, upstream)) {
            return;
        }
        HttpServerRequest incoming = rc.request();
        incoming.pause();
        // the handshake gets the gateway's upstream timeout; the open tunnel may stay quiet as long as it likes
        AtomicBoolean answered = new AtomicBoolean();
        long timer = rc.vertx().setTimer(upstream.timeoutMillis(), t -> {
            if (answered.compareAndSet(false, true)) {
                upstream.breaker().failed(System.nanoTime());
                incoming.resume();
                GatewayProblems.send(rc, 504, "upstream-timeout", "Gateway timeout",
                        upstream.name() + "-service did not answer within " + upstream.timeoutMillis() + " ms");
            }
        });
        upstream.client().request(upstream.requestOptions(false).setMethod(HttpMethod.GET).setURI(incoming.uri()))
                .compose(request -> handshake(incoming, request))
                .onComplete(result -> {
                    rc.vertx().cancelTimer(timer);
                    if (!answered.compareAndSet(false, true)) {
                        if (result.succeeded()) {
                            result.result().request().connection().close(); // answered 504 already
                        }
                        return;
                    }
                    incoming.resume();
                    if (result.succeeded()) {
                        upstream.breaker().succeeded();
                        relay(rc, result.result());
                    } else if (!rc.response().closed()) {
                        upstream.breaker().failed(System.nanoTime());
                        GatewayProblems.send(rc, 503, "upstream-unavailable", "Service unavailable",
                                upstream.name() + "-service cannot be reached");
                    }
                });
    }

    /** Sends the client's handshake on, with the headers the gateway set and without the client's Host. */
    private static Future<HttpClientResponse> handshake(HttpServerRequest incoming, HttpClientRequest request) {
        for (Map.Entry<String, String> header : incoming.headers()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase(HttpHeaders.CONNECTION.toString())) {
                // browsers may send "keep-alive, Upgrade": the upstream gets the plain upgrade
                request.headers().set(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE);
            } else if (!name.equalsIgnoreCase(HttpHeaders.HOST.toString())) {
                request.headers().add(name, header.getValue());
            }
        }
        Future<HttpClientResponse> response = request.connect();
        incoming.handler(request::write);
        incoming.endHandler(v -> request.end());
        return response;
    }

    /** 101 joins the connections; any other answer (the service's own 401, 404...) goes back as it came. */
    private static void relay(RoutingContext rc, HttpClientResponse upstream) {
        HttpServerRequest incoming = rc.request();
        HttpServerResponse response = rc.response();
        if (upstream.statusCode() != 101) {
            upstream.body().onComplete(body -> {
                response.setStatusCode(upstream.statusCode());
                String type = upstream.getHeader(HttpHeaders.CONTENT_TYPE);
                if (type != null) {
                    response.putHeader(HttpHeaders.CONTENT_TYPE, type);
                }
                if (body.succeeded()) {
                    response.end(body.result());
                } else {
                    response.end();
                }
            });
            return;
        }
        response.setStatusCode(101);
        response.headers().addAll(upstream.headers());
        incoming.toNetSocket().onComplete(client -> {
            NetSocket service = upstream.netSocket();
            if (client.failed()) {
                service.close();
                return;
            }
            // Vert.x pipes: each side pauses while the other cannot take more, and the end or failure of one
            // side ends the other
            client.result().pipeTo(service);
            service.pipeTo(client.result());
        });
    }
}
