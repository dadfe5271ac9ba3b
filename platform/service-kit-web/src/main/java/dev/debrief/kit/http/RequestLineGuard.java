package dev.debrief.kit.http;

import dev.debrief.contracts.Json;
import dev.debrief.kit.input.TextInput;
import dev.debrief.kit.problem.Problem;
import dev.debrief.kit.problem.Problems;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Checks every request's line and headers before any route (JAX-RS or the gateway's router): a URI,
 * headers or a declared body over the limit get 414/431/413, and a control character in the decoded path or query gets 400, all
 * as problem+json. Vert.x itself only answers an empty 414/431 above its own, higher, ceiling
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}).
 */
@ApplicationScoped
public class RequestLineGuard {

    /** Before CORS, authentication and routing: nothing else needs to look at such a request. */
    static final int PRIORITY = 50_000;

    private final int maxUriLength;
    private final int maxHeaderSize;
    private final long maxBodySize;

    public RequestLineGuard(@ConfigProperty(name = "debrief.http.max-uri-length", defaultValue = "4096") int maxUriLength,
            @ConfigProperty(name = "debrief.http.max-header-size", defaultValue = "20480") int maxHeaderSize,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") String maxBodySize) {
        this.maxUriLength = maxUriLength;
        this.maxHeaderSize = maxHeaderSize;
        this.maxBodySize = bytes(maxBodySize);
    }

    /** {@code 1M}, {@code 64K}, {@code 8M}: the HTTP layer's size notation. */
    static long bytes(String size) {
        String s = size.trim().toUpperCase();
        long unit = switch (s.charAt(s.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String uri = request.uri();
        if (uri.length() > maxUriLength) {
            send(rc, 414, "uri-too-long", "URI too long",
                    "The request URI has " + uri.length() + " characters; at most " + maxUriLength + " are accepted");
            return;
        }
        int headerSize = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerSize += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerSize > maxHeaderSize) {
            send(rc, 431, "headers-too-large", "Request header fields too large",
                    "The request headers take " + headerSize + " bytes; at most " + maxHeaderSize + " are accepted");
            return;
        }
        // a declared length over the limit: answered here, before Vert.x's empty 413
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > maxBodySize) {
            send(rc, 413, "too-large", "Content too large",
                    "The request body has " + length + " bytes; at most " + maxBodySize + " are accepted");
            return;
        }
        String refusal = controlCharacterIn(uri);
        if (refusal != null) {
            send(rc, 400, "validation", "Request is not valid", refusal);
            return;
        }
        rc.next();
    }

    /** The decoded path segments and query parameters, checked like any other text input. */
    static String controlCharacterIn(String uri) {
        QueryStringDecoder decoded;
        String path;
        try {
            decoded = new QueryStringDecoder(uri);
            path = decoded.path();
        } catch (IllegalArgumentException malformed) {
            // a broken percent-encoding is left to the route, which answers it as it always has
            return null;
        }
        OptionalInt at = TextInput.firstControlCharacter(path);
        if (at.isPresent()) {
            return "path " + TextInput.message(path, at.getAsInt());
        }
        Map<String, List<String>> parameters;
        try {
            parameters = decoded.parameters();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        for (var parameter : parameters.entrySet()) {
            at = TextInput.firstControlCharacter(parameter.getKey());
            if (at.isPresent()) {
                return "query parameter name " + TextInput.message(parameter.getKey(), at.getAsInt());
            }
            for (String value : parameter.getValue()) {
                at = TextInput.firstControlCharacter(value);
                if (at.isPresent()) {
                    return "query." + parameter.getKey() + " " + TextInput.message(value, at.getAsInt());
                }
            }
        }
        return null;
    }

    /** A problem+json answer from a filter, before any route: the request's body, if any, is drained. */
    static void send(RoutingContext rc, int status, String slug, String title, String detail) {
        Problem problem = new Problem(Problems.typeOf(slug), title, status, detail, null, List.of());
        byte[] body = Json.bytes(problem);
        // a request already read whole (an HTTP/2 stream whose body came with its headers) throws on resume
        if (!rc.request().isEnded()) {
            rc.request().resume();
        }
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
