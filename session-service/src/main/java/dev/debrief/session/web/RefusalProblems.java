package dev.debrief.session.web;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.problem.Problems;
import dev.debrief.session.lifecycle.Refusal;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The one place a domain refusal becomes HTTP: the same problem+json the service-kit factories answer. */
public class RefusalProblems {

    @ServerExceptionMapper
    public Response refused(Refusal refusal, HttpServerRequest request) {
        ProblemException p = problem(refusal);
        return Problems.response(p.status(), p.slug(), p.title(), p.getMessage(), request.path(), p.errors());
    }

    static ProblemException problem(Refusal refusal) {
        return switch (refusal) {
            case Refusal.NotFound r -> new ProblemException(404, "not-found", "Not found", r.getMessage(), List.of());
            case Refusal.NotAllowed r -> ProblemException.forbidden(r.getMessage());
            case Refusal.Conflict r -> ProblemException.conflict(r.getMessage());
            case Refusal.StaleVersion r -> ProblemException.preconditionFailed(r.getMessage());
            case Refusal.Invalid r -> ProblemException.badRequest(r.field(), r.message());
            case Refusal.Unavailable r -> ProblemException.unavailable(r.getMessage());
        };
    }
}
