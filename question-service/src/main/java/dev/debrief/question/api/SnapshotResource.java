package dev.debrief.question.api;

import dev.debrief.contracts.catalog.DrawRequest;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.question.domain.Question;
import dev.debrief.question.domain.QuestionStatus;
import dev.debrief.question.domain.QuestionVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.UUID;

/**
 * What session-service reads at session start: immutable snapshots of question versions, and draws. Its own
 * identity (snapshot-reader) names the session's firm in {@code ?firm=}; a user's {@code firm} is ignored and
 * a candidate never receives the reference query.
 */
@Path("/api/questions")
public class SnapshotResource {

    private final Access access;
    private final Drawing drawing;

    public SnapshotResource(Access access, Drawing drawing) {
        this.access = access;
        this.drawing = drawing;
    }

    /** The live (latest published) version; 404 while the question is not published. */
    @GET
    @Path("/{id}/snapshot")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST, Roles.SNAPSHOT_READER })
    public QuestionSnapshot latest(@PathParam("id") UUID id, @QueryParam("firm") String firm) {
        Question q = access.readableIn(id, access.snapshotTenant(firm));
        if (q.status != QuestionStatus.PUBLISHED) {
            throw ProblemException.notFound("published question", id);
        }
        return Snapshots.of(q.id, q.version, q.slug, QuestionVersion.of(q.id, q.version).orElseThrow().content,
                access.seesAnswerKeys());
    }

    @GET
    @Path("/{id}/versions/{version}/snapshot")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST, Roles.SNAPSHOT_READER })
    public QuestionSnapshot version(@PathParam("id") UUID id, @PathParam("version") int version,
            @QueryParam("firm") String firm) {
        Question q = access.readableIn(id, access.snapshotTenant(firm));
        QuestionVersion v = QuestionVersion.of(q.id, version)
                .orElseThrow(() -> ProblemException.notFound("version", id + "/" + version));
        return Snapshots.of(q.id, version, q.slug, v.content, access.seesAnswerKeys());
    }

    /** Published questions only; see {@link Drawing} for the rules. */
    @POST
    @Path("/draw")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST, Roles.SNAPSHOT_READER })
    public List<QuestionSnapshot> draw(@NotNull DrawRequest request, @QueryParam("firm") String firm) {
        return drawing.draw(request, access.snapshotTenant(firm), access.seesAnswerKeys());
    }
}
