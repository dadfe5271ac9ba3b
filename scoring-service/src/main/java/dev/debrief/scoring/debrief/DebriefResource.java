package dev.debrief.scoring.debrief;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.scoring.access.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** A session's debrief as JSON, Markdown and an SVG radar. */
@Path("/api/debriefs/{sessionId}")
@Transactional
public class DebriefResource {

    private final Access access;
    private final SessionDebriefing debriefing;

    public DebriefResource(Access access, SessionDebriefing debriefing) {
        this.access = access;
        this.debriefing = debriefing;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN })
    public Debrief json(@PathParam("sessionId") UUID sessionId) {
        access.session(sessionId);
        return debriefing.build(sessionId).orElseThrow(() -> ProblemException.notFound("session", sessionId));
    }

    @GET
    @Path("/markdown")
    @Produces("text/markdown")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN })
    public String markdown(@PathParam("sessionId") UUID sessionId) {
        return DebriefRenderer.markdown(json(sessionId));
    }

    @GET
    @Path("/radar.svg")
    @Produces("image/svg+xml")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN })
    public String radar(@PathParam("sessionId") UUID sessionId) {
        return DebriefRenderer.radarSvg(json(sessionId));
    }
}
