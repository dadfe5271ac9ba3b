package dev.debrief.session.answers;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.session.lifecycle.Etags;
import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.session.lifecycle.SessionAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * The candidate's answers: drafts as often as they like (no If-Match: only the candidate writes them),
 * then one final submission with If-Match, which closes the question's clock and goes to scoring.
 */
@Path("/api/sessions/{id}/questions/{index}")
@RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN })
public class AnswerResource {

    private final Answers answers;
    private final SessionAccess access;

    public AnswerResource(Answers answers, SessionAccess access) {
        this.answers = answers;
        this.access = access;
    }

    @PUT
    @Path("/draft")
    @Transactional
    public AnswerView draft(@PathParam("id") UUID id, @PathParam("index") @Min(0) @Max(100) int index,
            @Valid @NotNull AnswerRequest request) {
        return AnswerView.of(answers.draft(id, index, content(request)));
    }

    /** The final answer; the response carries the session's new ETag. */
    @POST
    @Path("/answer")
    @Transactional
    public Response submit(@PathParam("id") UUID id, @PathParam("index") @Min(0) @Max(100) int index,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull AnswerRequest request) {
        Answer answer = answers.submit(id, index, Etags.required(ifMatch), content(request));
        return Response.ok(AnswerView.of(answer)).tag(Etags.of(answer.session.version)).build();
    }

    @GET
    @Path("/answer")
    @Transactional
    public AnswerView get(@PathParam("id") UUID id, @PathParam("index") @Min(0) @Max(100) int index) {
        InterviewSession session = access.visible(id);
        return Answer.of(session.id, index).map(AnswerView::of)
                .orElseThrow(() -> ProblemException.notFound("Answer to question", index));
    }

    private static Answers.Content content(AnswerRequest request) {
        return new Answers.Content(request.text(), request.structured());
    }
}
