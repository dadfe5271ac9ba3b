package dev.debrief.gateway.http;

import dev.debrief.contracts.Json;
import dev.debrief.kit.problem.Problem;
import dev.debrief.kit.problem.Problems;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Problem+json (RFC 9457) answers the gateway makes itself. The service kit's JAX-RS mappers never see
 * Vert.x router routes, so the gateway writes the same {@link Problem} body here.
 */
public final class GatewayProblems {

    private GatewayProblems() {
    }

    public static Buffer body(int status, String slug, String title, String detail, String instance) {
        Problem problem = new Problem(Problems.typeOf(slug), title, status, detail, instance, List.of());
        return Buffer.buffer(Json.bytes(problem));
    }

    public static void send(RoutingContext rc, int status, String slug, String title, String detail) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        // drain what the client still sends, so the connection stays usable; a request already read (an
        // HTTP/2 stream whose body came with its headers) throws on resume, and the answer was lost
        if (!rc.request().isEnded()) {
            rc.request().resume();
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body(status, slug, title, detail, rc.request().path()));
    }

    public static void unauthorized(RoutingContext rc, String detail) {
        if (rc.response().headWritten()) {
            return;
        }
        rc.response().putHeader("WWW-Authenticate", "Bearer");
        send(rc, 401, "unauthorized", "Unauthorized", detail);
    }

    public static void forbidden(RoutingContext rc, String detail) {
        send(rc, 403, "forbidden", "Forbidden", detail);
    }

    public static void notFound(RoutingContext rc) {
        send(rc, 404, "not-found", "Not found", "No API route matches " + rc.request().path());
    }

    public static void tooManyRequests(RoutingContext rc, long retryAfterSeconds, String detail) {
        if (rc.response().headWritten()) {
            return;
        }
        rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        send(rc, 429, "rate-limited", "Too many requests", detail);
    }
}
