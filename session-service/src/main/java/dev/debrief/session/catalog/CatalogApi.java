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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/** question-service's snapshot API; the caller's bearer token is forwarded so its tenant rules apply. */
@RegisterRestClient(configKey = "catalog")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/loops/{slug}/snapshot")
    LoopSnapshot loop(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("slug") String slug);

    @POST
    @Path("/questions/draw")
    List<QuestionSnapshot> draw(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, DrawRequest request);

    @GET
    @Path("/questions/{id}/snapshot")
    QuestionSnapshot question(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id);

    @GET
    @Path("/questions/{id}/versions/{version}/snapshot")
    QuestionSnapshot questionVersion(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("version") int version);
}
