package dev.debrief.session.api;

import dev.debrief.kit.security.Caller;
import dev.debrief.kit.security.Roles;
import dev.debrief.session.domain.InterviewSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/sessions")
public class SessionResource {

    private final Caller caller;

    public SessionResource(Caller caller) {
        this.caller = caller;
    }

    public record SessionView(UUID id, String status, Instant createdAt) {
        static SessionView of(InterviewSession s) {
            return new SessionView(s.id, s.status, s.createdAt);
        }
    }

    /** The caller's own sessions, newest first. */
    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN })
    public List<SessionView> mine() {
        return InterviewSession.ofCandidate(caller.id()).stream().map(SessionView::of).toList();
    }
}
