package dev.debrief.session.web;

import dev.debrief.contracts.Json;
import dev.debrief.kit.problem.Problem;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.problem.Problems;
import dev.debrief.session.lifecycle.SessionsConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Every request body over {@code debrief.sessions.max-body-size} is refused with a 413 problem+json. The
 * HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) sits above it as a backstop, because
 * its refusal is a bare 413 sent before JAX-RS runs. Two checks, for the two ways a body arrives: a declared
 * Content-Length over the limit is refused on the route before anything is read; a body of unknown length
 * (chunked) is counted as it is read and refused when it passes the limit, so it is never read to the end.
 */
@ApplicationScoped
@Provider
@ConstrainedTo(RuntimeType.SERVER) // not the catalog client's responses
public class BodyLimit implements ReaderInterceptor {

    private final long limit;

    public BodyLimit(SessionsConfig config) {
        this.limit = config.maxBodySize().asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::checkDeclaredLength);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Counted body = new Counted(context.getInputStream());
        context.setInputStream(body);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // the JSON reader turns any failure of its stream into a 400: say what it really was
            if (body.over) {
                throw ProblemException.tooLarge(detail());
            }
            throw e;
        }
    }

    private void checkDeclaredLength(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declared(length) > limit) {
            refuse(rc);
        } else {
            rc.next();
        }
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // not ours to judge: the HTTP layer refuses a malformed length
        }
    }

    private String detail() {
        return "The request body is larger than " + limit / 1024 + " KB";
    }

    private void refuse(RoutingContext rc) {
        Problem problem = new Problem(Problems.typeOf("too-large"), "Content too large", 413, detail(),
                rc.request().path(), List.of());
        String body = Json.write(problem);
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (rc.request().version() != HttpVersion.HTTP_2) {
            // the body is not read: close the connection once the answer is out, as Quarkus does
            rc.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ignored -> rc.request().connection().close());
        }
        rc.response().end(body);
    }

    /** The body as it is read; reading stops with an error once it passes the limit. */
    private final class Counted extends FilterInputStream {
        private long read;
        private boolean over;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                over = true;
                throw new IOException(detail());
            }
        }
    }
}
