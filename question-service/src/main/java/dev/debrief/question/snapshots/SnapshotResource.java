package dev.debrief.question.snapshots;

import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.question.catalog.Access;
import dev.debrief.question.catalog.domain.Question;
import dev.debrief.question.catalog.domain.QuestionStatus;
import dev.debrief.question.catalog.domain.QuestionVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.UUID;

/**
 * What session-service reads at session start: immutable snapshots of question versions (its draws are
 * {@code drawing.DrawResource}'s). Its own identity (snapshot-reader) names the session's firm in
 * {@code ?firm=}; a user's {@code firm} is ignored and a candidate never receives the reference query.
 */
@Path("/api/questions")
public class SnapshotResource {

    private final Access access;

    public SnapshotResource(Access access) {
        this.access = access;
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
}
