package dev.debrief.question.history;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.question.catalog.Access;
import dev.debrief.question.catalog.QuestionBank;
import dev.debrief.question.catalog.QuestionView;
import dev.debrief.question.catalog.domain.Question;
import dev.debrief.question.catalog.domain.QuestionVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/** A question's versions and its lifecycle: publish and retire. */
@Path("/api/questions/{id}")
public class QuestionHistoryResource {

    private final Access access;
    private final QuestionBank bank;

    public QuestionHistoryResource(Access access, QuestionBank bank) {
        this.access = access;
        this.bank = bank;
    }

    @GET
    @Path("/versions")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    public List<VersionSummary> history(@PathParam("id") UUID id) {
        Question q = access.readable(id);
        return QuestionVersion.history(q.id).stream().map(VersionSummary::of).toList();
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    public QuestionView version(@PathParam("id") UUID id, @PathParam("version") int version) {
        Question q = access.readable(id);
        return QuestionView.of(q, QuestionVersion.of(q.id, version)
                .orElseThrow(() -> ProblemException.notFound("version", id + "/" + version)), access);
    }

    @POST
    @Path("/publish")
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN })
    @Transactional
    public Response publish(@PathParam("id") UUID id) {
        Question q = access.editable(id);
        bank.publish(q);
        return withTag(QuestionView.of(q, QuestionVersion.current(q)), q.version).build();
    }

    @POST
    @Path("/retire")
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN })
    @Transactional
    public Response retire(@PathParam("id") UUID id) {
        Question q = access.editable(id);
        bank.retire(q);
        return withTag(QuestionView.of(q, QuestionVersion.current(q)), q.version).build();
    }

    /** The view with its version as the ETag, as {@code GET /api/questions/{id}} answers it. */
    private static Response.ResponseBuilder withTag(QuestionView view, int version) {
        return Response.ok(view).tag(new EntityTag(String.valueOf(version)));
    }
}
