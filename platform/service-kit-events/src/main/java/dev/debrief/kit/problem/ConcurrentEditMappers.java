package dev.debrief.kit.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Two writers on one versioned row: 409 problem+json. Here, beside the persistence it maps, so the web half
 * of the kit (and the gateway, which takes only that half) knows no Hibernate.
 */
public class ConcurrentEditMappers {

    @ServerExceptionMapper({ OptimisticLockException.class, StaleObjectStateException.class })
    public Response concurrentEdit(RuntimeException e, HttpServerRequest request) {
        return Problems.response(409, "concurrent-edit", "Conflict with the current state",
                "Someone else changed this resource at the same time; read it again and retry", request.path());
    }
}
