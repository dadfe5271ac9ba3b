package dev.debrief.session.interjections;

import dev.debrief.kit.security.Roles;
import dev.debrief.session.lifecycle.InterjectionKind;
import dev.debrief.session.timeline.TimelineEntryView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * The interviewer interrupts the open answer. Only the session's coach may; it is an append, not a
 * state change, so no If-Match (the candidate keeps writing meanwhile). Answers 201 with the entry.
 */
@Path("/api/sessions/{id}")
@RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN })
public class InterjectionResource {

    private final Interjections interjections;

    public InterjectionResource(Interjections interjections) {
        this.interjections = interjections;
    }

    @POST
    @Path("/follow-ups")
    public Response followUp(@PathParam("id") UUID id, @Valid @NotNull InterjectionRequest request) {
        return created(interjections.byCoach(id, InterjectionKind.FOLLOW_UP, request.text()));
    }

    @POST
    @Path("/constraints")
    public Response constraint(@PathParam("id") UUID id, @Valid @NotNull InterjectionRequest request) {
        return created(interjections.byCoach(id, InterjectionKind.CONSTRAINT, request.text()));
    }

    private static Response created(dev.debrief.session.timeline.TimelineEntry entry) {
        return Response.status(Response.Status.CREATED).entity(TimelineEntryView.of(entry)).build();
    }
}
