package dev.debrief.gateway.forwarding;

import dev.debrief.gateway.http.GatewayProblems;
import dev.debrief.gateway.resilience.Upstream;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Passes an API request to its upstream and the answer back, both bodies streamed, guarded: an open
 * breaker answers 503 at once, an unreachable upstream 503, a silent one 504 (problem+json), and each
 * outcome tells the breaker. A client that hangs up cancels the upstream call without blaming the upstream.
 * <p>
 * Written on the Vert.x client directly rather than through vertx-http-proxy, which copies every header
 * map twice, parses and formats dates and chains futures per request: on two shared cores that cost more
 * than the forwarding itself.
 */
final class HttpForwarder {

    /** Bodies up to this size are read whole and written at once; larger ones are streamed. */
    private static final long WHOLE_BODY_LIMIT = 64 * 1024;

    private HttpForwarder() {
    }

    static void forward(RoutingContext rc, Upstream upstream) {
        if (OpenBreaker.refuses(rc, upstream)) {
            return;
        }
        HttpServerRequest incoming = rc.request();
        incoming.pause();
        upstream.client().request(upstream.requestOptions(true).setMethod(incoming.method()).setURI(incoming.uri()))
                .onComplete(opened -> {
                    if (opened.failed()) {
                        failed(rc, upstream, opened.cause());
                    } else {
                        send(rc, upstream, opened.result());
                    }
                });
    }

    private static void send(RoutingContext rc, Upstream upstream, HttpClientRequest outgoing) {
        HttpServerRequest incoming = rc.request();
        copyHeaders(incoming.headers(), outgoing.headers(), true);
        // the client hung up: cancel the call, which frees the upstream connection
        incoming.response().exceptionHandler(e -> outgoing.reset(0, e));
        outgoing.response().onComplete(answered -> {
            if (answered.failed()) {
                failed(rc, upstream, answered.cause());
            } else {
                upstream.breaker().succeeded();
                relay(rc, answered.result());
            }
        });
        // the gateway refuses bodies without a Content-Length, so a body here always has one
        String length = incoming.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || "0".equals(length)) {
            incoming.resume();
            outgoing.end();
        } else {
            incoming.pipeTo(outgoing);
        }
    }

    private static void relay(RoutingContext rc, HttpClientResponse answer) {
        answer.pause(); // until the body has somewhere to go
        HttpServerResponse response = rc.response();
        if (response.closed()) {
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        copyHeaders(answer.headers(), response.headers(), false);
        long length = contentLength(answer);
        boolean http10 = rc.request().version() == HttpVersion.HTTP_1_0;
        if (length >= 0 && length <= WHOLE_BODY_LIMIT || length < 0 && http10) {
            // a small body in one write (no stream plumbing per chunk); HTTP/1.0 clients cannot take chunks
            answer.body().onComplete(body -> {
                if (body.succeeded()) {
                    response.end(body.result());
                } else {
                    response.reset();
                }
            });
            answer.resume();
            return;
        }
        if (length < 0) {
            response.setChunked(true);
        }
        answer.pipeTo(response).onFailure(e -> response.reset());
    }

    private static long contentLength(HttpClientResponse answer) {
        String length = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void failed(RoutingContext rc, Upstream upstream, Throwable cause) {
        HttpServerResponse response = rc.response();
        if (response.closed()) {
            return; // the client went away (and the call was cancelled): not the upstream's fault
        }
        upstream.breaker().failed(System.nanoTime());
        if (response.headWritten()) {
            response.reset();
        } else if (cause instanceof TimeoutException) {
            GatewayProblems.send(rc, 504, "upstream-timeout", "Gateway timeout",
                    upstream.name() + "-service did not answer within " + upstream.timeoutMillis() + " ms");
        } else {
            GatewayProblems.send(rc, 503, "upstream-unavailable", "Service unavailable",
                    upstream.name() + "-service cannot be reached");
        }
    }

    /** All but the hop-by-hop headers (and the client's Host: the upstream gets its own). */
    private static void copyHeaders(MultiMap from, MultiMap to, boolean request) {
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (!hopByHop(name) && !(request && name.equalsIgnoreCase("host"))) {
                to.add(name, header.getValue());
            }
        }
    }

    static boolean hopByHop(String name) {
        return switch (name.length()) {
            case 2 -> name.equalsIgnoreCase("te");
            case 7 -> name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
            case 10 -> name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
            case 17 -> name.equalsIgnoreCase("transfer-encoding");
            case 18 -> name.equalsIgnoreCase("proxy-authenticate");
            case 19 -> name.equalsIgnoreCase("proxy-authorization");
            default -> false;
        };
    }
}
