package dev.debrief.session.webhooks;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Caller;
import dev.debrief.kit.security.Roles;
import dev.debrief.session.webhooks.WebhookViews.WebhookDeliveryView;
import dev.debrief.session.webhooks.WebhookViews.WebhookEndpointRequest;
import dev.debrief.session.webhooks.WebhookViews.WebhookEndpointUpdate;
import dev.debrief.session.webhooks.WebhookViews.WebhookEndpointView;
import dev.debrief.session.webhooks.WebhookViews.WebhookRotationRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.UUID;

/**
 * A firm's webhook endpoints, for its firm-admins (and its integration client): everyone else 403, an
 * endpoint of another firm 404. Under {@code /api/firm}, which the gateway already routes here.
 */
@Path("/api/firm/webhooks")
@RolesAllowed(Roles.FIRM_ADMIN)
public class WebhookResource {

    private final Caller caller;
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    public WebhookResource(Caller caller, WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.caller = caller;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @POST
    public Response register(@Valid @NotNull WebhookEndpointRequest request, @Context UriInfo uri) {
        WebhookEndpoint endpoint = endpoints.register(firm(), caller.id(), request.change(), request.secret());
        return Response.created(uri.getAbsolutePathBuilder().path(endpoint.id.toString()).build())
                .entity(WebhookEndpointView.of(endpoint, true)).build();
    }

    @GET
    public List<WebhookEndpointView> list() {
        return endpoints.list(firm()).stream().map(e -> WebhookEndpointView.of(e, false)).toList();
    }

    @GET
    @Path("{id}")
    public WebhookEndpointView get(@PathParam("id") UUID id) {
        return WebhookEndpointView.of(endpoints.get(firm(), id), false);
    }

    @PUT
    @Path("{id}")
    public WebhookEndpointView update(@PathParam("id") UUID id, @Valid @NotNull WebhookEndpointUpdate request) {
        return WebhookEndpointView.of(endpoints.update(firm(), id, request.change()), false);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        endpoints.delete(firm(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rotate-secret")
    public WebhookEndpointView rotate(@PathParam("id") UUID id, @Valid WebhookRotationRequest request) {
        WebhookRotationRequest r = request == null ? new WebhookRotationRequest(null, null) : request;
        return WebhookEndpointView.of(endpoints.rotate(firm(), id, r.secret(), r.overlapSeconds()), true);
    }

    @GET
    @Path("{id}/deliveries")
    public List<WebhookDeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("status") @Pattern(regexp = "PENDING|DELIVERED|FAILED") String status) {
        return deliveries.log(firm(), id, status == null ? null : WebhookDeliveryStatus.valueOf(status)).stream().map(WebhookDeliveryView::of).toList();
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/resend")
    public WebhookDeliveryView resend(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return WebhookDeliveryView.of(deliveries.resend(firm(), id, deliveryId));
    }

    private String firm() {
        return caller.tenant().orElseThrow(() -> ProblemException.notFound("firm", "of this caller"));
    }
}
