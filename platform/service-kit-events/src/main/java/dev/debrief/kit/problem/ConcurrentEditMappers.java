package dev.debrief.kit.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Two writers on one versioned row: 409 problem+json. Here, beside the persistence it maps, so the web half
 * of the kit (and the gateway, which takes only that half) knows no Hibernate. One method per exception type: in
 * this module the Quarkus build refused one RuntimeException parameter for both ("Parameter 'e' … is not allowed").
 */
public class ConcurrentEditMappers {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpServerRequest request) {
        return concurrentEdit(request);
    }

    @ServerExceptionMapper
    public Response staleObject(StaleObjectStateException e, HttpServerRequest request) {
        return concurrentEdit(request);
    }

    private static Response concurrentEdit(HttpServerRequest request) {
        return Problems.response(409, "concurrent-edit", "Conflict with the current state",
                "Someone else changed this resource at the same time; read it again and retry", request.path());
    }
}
