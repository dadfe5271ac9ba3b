package dev.debrief.gateway.resilience;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;

import java.net.URI;

/**
 * One upstream service: where it is, its connection pools, its timeout and its circuit breaker.
 * <p>
 * Each event loop has its own client, so a request and its upstream connection live on the same thread:
 * with one shared pool, a connection opened by another event loop hands every event of the exchange
 * across threads (a task queue and a selector wake-up each time), which cost more CPU than the proxying.
 */
public final class Upstream {

    private final String name;
    private final URI base;
    private final HttpClient shared;
    private final ThreadLocal<HttpClient> perEventLoop;
    private final CircuitBreaker breaker;
    private final long timeoutMillis;
    /** The last readiness probe's verdict (only replicas of an upstream with several are probed). */
    private volatile boolean ready = true;

    public Upstream(String name, URI base, Vertx vertx, HttpClientOptions options, CircuitBreaker breaker,
            long timeoutMillis) {
        this.name = name;
        this.base = base;
        this.shared = vertx.createHttpClient(options);
        this.perEventLoop = ThreadLocal.withInitial(() -> vertx.createHttpClient(options));
        this.breaker = breaker;
        this.timeoutMillis = timeoutMillis;
    }

    public String name() {
        return name;
    }

    public URI base() {
        return base;
    }

    /** The calling event loop's own client; other threads (health checks, schedules) share one. */
    public HttpClient client() {
        return Context.isOnEventLoopThread() ? perEventLoop.get() : shared;
    }

    public boolean ready() {
        return ready;
    }

    void markReady(boolean ready) {
        this.ready = ready;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /** How long the upstream may stay silent before the gateway answers 504. */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    public String host() {
        return base.getHost();
    }

    public int port() {
        return base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
    }

    /** Where a request to this upstream goes; with {@code idleTimeout} it fails after the gateway's timeout. */
    public RequestOptions requestOptions(boolean idleTimeout) {
        RequestOptions options = new RequestOptions().setHost(host()).setPort(port())
                .setSsl("https".equals(base.getScheme()));
        return idleTimeout ? options.setIdleTimeout(timeoutMillis) : options;
    }
}
