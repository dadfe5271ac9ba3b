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

import java.util.List;
import java.util.UUID;

/** What session-service reads at session start: immutable snapshots of question versions, and draws. */
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
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    public QuestionSnapshot latest(@PathParam("id") UUID id) {
        Question q = access.readable(id);
        if (q.status != QuestionStatus.PUBLISHED) {
            throw ProblemException.notFound("published question", id);
        }
        return Snapshots.of(q.id, q.version, q.slug, QuestionVersion.of(q.id, q.version).orElseThrow().content);
    }

    @GET
    @Path("/{id}/versions/{version}/snapshot")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    public QuestionSnapshot version(@PathParam("id") UUID id, @PathParam("version") int version) {
        Question q = access.readable(id);
        QuestionVersion v = QuestionVersion.of(q.id, version)
                .orElseThrow(() -> ProblemException.notFound("version", id + "/" + version));
        return Snapshots.of(q.id, version, q.slug, v.content);
    }

    /** Published questions only; see {@link Drawing} for the rules. */
    @POST
    @Path("/draw")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    public List<QuestionSnapshot> draw(@NotNull DrawRequest request) {
        return drawing.draw(request, access.tenant());
    }
}
