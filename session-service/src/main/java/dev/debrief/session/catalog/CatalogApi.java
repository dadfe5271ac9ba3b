package dev.debrief.session.catalog;

import dev.debrief.contracts.catalog.DrawRequest;
import dev.debrief.contracts.catalog.LoopSnapshot;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/**
 * question-service's snapshot API, called with session-service's own token (role {@code snapshot-reader});
 * {@code firm} names the firm the session is scheduled in, so that firm's private bank is drawn from.
 */
@RegisterRestClient(configKey = "catalog")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/loops/{slug}/snapshot")
    LoopSnapshot loop(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("slug") String slug,
            @QueryParam("firm") String firm);

    @POST
    @Path("/questions/draw")
    List<QuestionSnapshot> draw(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("firm") String firm,
            DrawRequest request);

    @GET
    @Path("/questions/{id}/snapshot")
    QuestionSnapshot question(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
            @QueryParam("firm") String firm);

    @GET
    @Path("/questions/{id}/versions/{version}/snapshot")
    QuestionSnapshot questionVersion(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("version") int version, @QueryParam("firm") String firm);
}
