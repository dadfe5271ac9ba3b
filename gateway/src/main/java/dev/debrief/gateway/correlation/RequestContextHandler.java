package dev.debrief.gateway.correlation;

import dev.debrief.gateway.config.GatewayConfig;
import dev.debrief.gateway.http.GatewayHeaders;
import dev.debrief.gateway.http.GatewayProblems;
import dev.debrief.gateway.security.TokenFacts;
import dev.debrief.kit.telemetry.Traceparents;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * First on every API request: gives it a correlation id and trace context, drops the headers only the
 * gateway may set (the tenant, forwarding headers), refuses bodies over the limit and writes the access
 * log line when the response ends. Never logs the token.
 */
@ApplicationScoped
public class RequestContextHandler implements Handler<RoutingContext> {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final long maxBodySize;
    private final boolean accessLogEnabled;
    private final AccessLog accessLog;

    public RequestContextHandler(GatewayConfig config, AccessLog accessLog) {
        this.maxBodySize = config.limits().maxBodySize().asLongValue();
        this.accessLogEnabled = config.accessLog().enabled();
        this.accessLog = accessLog;
    }

    @Override
    public void handle(RoutingContext rc) {
        long start = System.nanoTime();
        HttpServerRequest request = rc.request();
        MultiMap headers = request.headers();

        String incomingId = headers.get(GatewayHeaders.REQUEST_ID);
        String requestId = incomingId != null && SAFE_ID.matcher(incomingId).matches()
                ? incomingId
                : randomId();
        // with tracing on, the gateway's own server span (in the caller's trace) is the parent of what follows
        String traced = Traceparents.current();
        String traceparent = traced != null ? traced : TraceContext.next(headers.get(GatewayHeaders.TRACEPARENT));
        String host = authorityOf(request);

        dropReservedHeaders(headers);
        headers.set(GatewayHeaders.REQUEST_ID, requestId);
        headers.set(GatewayHeaders.TRACEPARENT, traceparent);
        headers.set("X-Forwarded-For", request.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", request.scheme());
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        rc.response().putHeader(GatewayHeaders.REQUEST_ID, requestId);
        rc.put(GatewayHeaders.KEY_REQUEST_ID, requestId);
        if (accessLogEnabled) {
            rc.addEndHandler(done -> log(rc, start, requestId));
        }

        if (!request.path().equals(rc.normalizedPath())) {
            GatewayProblems.send(rc, 400, "path-not-normalized", "Bad request",
                    "The path must not contain dot segments, empty segments or encoded separators");
            return;
        }
        if (bodyRefused(rc, headers)) {
            return;
        }
        rc.next();
    }

    /** A version-4 UUID from a fast, non-cryptographic source: an id to correlate logs, not a secret. */
    private static String randomId() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private boolean bodyRefused(RoutingContext rc, MultiMap headers) {
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long size;
            try {
                size = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                GatewayProblems.send(rc, 400, "bad-content-length", "Bad request", "Content-Length is not a number");
                return true;
            }
            if (size > maxBodySize) {
                GatewayProblems.send(rc, 413, "too-large", "Content too large",
                        "The request body has " + size + " bytes; the limit is " + maxBodySize);
                return true;
            }
            return false;
        }
        String encoding = headers.get(HttpHeaders.TRANSFER_ENCODING);
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            // a streamed body of unknown size cannot be checked against the limit before it is passed on
            GatewayProblems.send(rc, 411, "length-required", "Length required",
                    "Send the body with a Content-Length (at most " + maxBodySize + " bytes)");
            return true;
        }
        return false;
    }

    /** Tenant and client headers are the gateway's; forwarding headers are set from the real connection. */
    private static void dropReservedHeaders(MultiMap headers) {
        List<String> reserved = null; // almost always none: no copy of the names unless one is found
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (startsWithIgnoreCase(name, GatewayHeaders.RESERVED_PREFIX) || name.equalsIgnoreCase("forwarded")
                    || startsWithIgnoreCase(name, "x-forwarded-") || name.equalsIgnoreCase("x-real-ip")) {
                if (reserved == null) {
                    reserved = new ArrayList<>(2);
                }
                reserved.add(name);
            }
        }
        if (reserved != null) {
            reserved.forEach(headers::remove);
        }
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** Built by hand rather than through a format string: it runs for every request. */
    private void log(RoutingContext rc, long start, String requestId) {
        TokenFacts facts = rc.get(GatewayHeaders.KEY_FACTS);
        long micros = (System.nanoTime() - start) / 1_000;
        long fraction = micros % 1000;
        StringBuilder line = new StringBuilder(160)
                .append(rc.request().method().name()).append(' ').append(rc.request().path()).append(' ')
                .append(rc.response().getStatusCode()).append(' ')
                .append(micros / 1000).append('.').append(fraction < 100 ? (fraction < 10 ? "00" : "0") : "")
                .append(fraction).append("ms client=")
                .append(facts == null ? "-" : facts.client().orElse(facts.subject()))
                .append(" tenant=").append(facts == null ? "-" : facts.tenant().orElse("-"))
                .append(" request=").append(requestId);
        accessLog.write(line);
    }

    /**
     * Where the client called the gateway, as host[:port]. From the request's authority, not the Host header:
     * an HTTP/2 request (Java's HttpClient upgrades to h2c) has no Host header, only {@code :authority}.
     */
    static String authorityOf(HttpServerRequest request) {
        io.vertx.core.net.HostAndPort authority = request.authority();
        if (authority == null) {
            return request.headers().get(HttpHeaders.HOST);
        }
        return authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
    }
}
