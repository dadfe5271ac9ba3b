package dev.debrief.session.lifecycle;

import dev.debrief.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.UUID;

/**
 * The state machine over HTTP: each call needs If-Match with the session's ETag and answers the new
 * state with the new ETag; an illegal move is 409 and changes nothing.
 */
@Path("/api/sessions/{id}")
@RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN })
public class SessionLifecycleResource {

    private final SessionLifecycle lifecycle;
    private final Clock clock;

    public SessionLifecycleResource(SessionLifecycle lifecycle, Clock clock) {
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** Starts the clock and asks the first question. */
    @POST
    @Path("/start")
    @Transactional
    public Response start(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(lifecycle.start(id, Etags.required(ifMatch)));
    }

    @POST
    @Path("/pause")
    @Transactional
    public Response pause(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(lifecycle.pause(id, Etags.required(ifMatch)));
    }

    @POST
    @Path("/resume")
    @Transactional
    public Response resume(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(lifecycle.resume(id, Etags.required(ifMatch)));
    }

    /** Closes the current question and asks the next one (completing its round when the round changes). */
    @POST
    @Path("/next")
    @Transactional
    public Response next(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(lifecycle.next(id, Etags.required(ifMatch)));
    }

    @POST
    @Path("/complete")
    @Transactional
    public Response complete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(lifecycle.complete(id, Etags.required(ifMatch)));
    }

    @POST
    @Path("/abandon")
    @Transactional
    public Response abandon(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(lifecycle.abandon(id, Etags.required(ifMatch)));
    }

    private Response view(InterviewSession session) {
        return Etags.ok(SessionView.of(session, clock.instant()));
    }
}
