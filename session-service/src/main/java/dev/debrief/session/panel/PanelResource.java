package dev.debrief.session.panel;

import dev.debrief.kit.security.Roles;
import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.session.lifecycle.SessionAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;
import java.util.UUID;

/**
 * A session's panel: the firm's coaches who score it besides its coach. Whoever sees the session reads it;
 * the session's coach and the firm's admin replace it (403 for others who see the session, 404 for the rest).
 */
@Path("/api/sessions/{id}/panel")
@RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN })
public class PanelResource {

    private final SessionAccess access;
    private final SessionPanel panel;

    public PanelResource(SessionAccess access, SessionPanel panel) {
        this.access = access;
        this.panel = panel;
    }

    /** The whole panel: coaches' user ids (token subjects), as listed by GET /api/firm/members?role=coach. */
    public record PanelRequest(@Size(max = SessionPanel.MAX) List<@NotBlank @Size(max = 64) String> coaches) {
    }

    public record PanelView(UUID sessionId, String coach, List<String> panel) {
        static PanelView of(InterviewSession s) {
            return new PanelView(s.id, s.coach, s.panel.stream().sorted().toList());
        }
    }

    @GET
    @Transactional
    public PanelView get(@PathParam("id") UUID id) {
        return PanelView.of(access.visible(id));
    }

    @PUT
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN })
    public PanelView seat(@PathParam("id") UUID id, @Valid PanelRequest request) {
        // a missing list is refused after the access check, so a caller who may not see the session learns nothing
        return PanelView.of(panel.seat(id, request == null ? null : request.coaches()));
    }
}
