package dev.debrief.gateway.openapi;

import dev.debrief.contracts.Json;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Serves the merged OpenAPI document (open, like the rest of the documentation). */
@ApplicationScoped
public class OpenApiHandler implements Handler<RoutingContext> {

    private final OpenApiDocuments documents;

    public OpenApiHandler(OpenApiDocuments documents) {
        this.documents = documents;
    }

    @Override
    public void handle(RoutingContext rc) {
        try {
            byte[] body = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(documents.current());
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "max-age=30")
                    .end(Buffer.buffer(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
