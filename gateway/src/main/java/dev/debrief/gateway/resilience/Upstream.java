package dev.debrief.gateway.resilience;

import dev.debrief.gateway.routing.GatewayProblems;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyResponse;

import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * One upstream service behind Vert.x's reverse proxy, guarded: a request that gets no answer within the
 * timeout is answered 504, an unreachable upstream 503, and after repeated failures its circuit breaker
 * answers 503 at once, without touching the other upstreams. All three as problem+json.
 */
public final class Upstream {

    private final String name;
    private final URI base;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final long timeoutMillis;
    private final HttpProxy proxy;

    public Upstream(String name, URI base, HttpClient client, CircuitBreaker breaker, long timeoutMillis) {
        this.name = name;
        this.base = base;
        this.client = client;
        this.breaker = breaker;
        this.timeoutMillis = timeoutMillis;
        // WebSocket upgrades go through the gateway's own tunnel, which answers problem+json when this fails
        this.proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(this::open)
                .addInterceptor(new Guard());
    }

    public String name() {
        return name;
    }

    public URI base() {
        return base;
    }

    public HttpClient client() {
        return client;
    }

    public HttpProxy proxy() {
        return proxy;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public String host() {
        return base.getHost();
    }

    public int port() {
        return base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** Where a request to this upstream goes; with {@code idleTimeout} it fails after the gateway's timeout. */
    public RequestOptions requestOptions(boolean idleTimeout) {
        RequestOptions options = new RequestOptions().setHost(host()).setPort(port())
                .setSsl("https".equals(base.getScheme()));
        return idleTimeout ? options.setIdleTimeout(timeoutMillis) : options;
    }

    private Future<HttpClientRequest> open(ProxyContext context) {
        return client.request(requestOptions(true));
    }

    private final class Guard implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            long now = System.nanoTime();
            if (!breaker.allow(now)) {
                return Future.succeededFuture(problem(context, 503, "upstream-unavailable",
                        "Service unavailable", name + "-service is failing; retry later",
                        breaker.secondsUntilTrial(now)));
            }
            return context.sendRequest().transform(result -> {
                if (result.succeeded()) {
                    breaker.succeeded();
                    return Future.succeededFuture(result.result());
                }
                if (context.request().proxiedRequest().response().closed()) {
                    // the client went away (and the proxy cancelled the call): not the upstream's fault
                    return Future.failedFuture(result.cause());
                }
                breaker.failed(System.nanoTime());
                if (result.cause() instanceof TimeoutException) {
                    return Future.succeededFuture(problem(context, 504, "upstream-timeout", "Gateway timeout",
                            name + "-service did not answer within " + timeoutMillis + " ms", 0));
                }
                return Future.succeededFuture(problem(context, 503, "upstream-unavailable", "Service unavailable",
                        name + "-service cannot be reached", 0));
            });
        }
    }

    private static ProxyResponse problem(ProxyContext context, int status, String slug, String title, String detail,
            long retryAfter) {
        Buffer body = GatewayProblems.body(status, slug, title, detail, context.request().proxiedRequest().path());
        ProxyResponse response = context.request().release().response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .setBody(Body.body(body));
        if (retryAfter > 0) {
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        return response;
    }
}
