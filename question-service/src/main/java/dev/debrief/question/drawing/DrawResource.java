package dev.debrief.question.drawing;

import dev.debrief.contracts.catalog.DrawRequest;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.kit.security.Roles;
import dev.debrief.question.catalog.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.List;

/**
 * Draws for session-service at session start. Its own identity (snapshot-reader) names the session's firm in
 * {@code ?firm=}; a user's {@code firm} is ignored and a candidate never receives the reference query.
 */
@Path("/api/questions")
public class DrawResource {

    private final Access access;
    private final Drawing drawing;

    public DrawResource(Access access, Drawing drawing) {
        this.access = access;
        this.drawing = drawing;
    }

    /** Published questions only; see {@link Drawing} for the rules. */
    @POST
    @Path("/draw")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST, Roles.SNAPSHOT_READER })
    public List<QuestionSnapshot> draw(@NotNull DrawRequest request, @QueryParam("firm") String firm) {
        return drawing.draw(request, access.snapshotTenant(firm), access.seesAnswerKeys());
    }
}
