package dev.debrief.question.api;

import dev.debrief.contracts.EventType;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.kit.security.Caller;
import dev.debrief.kit.security.Roles;
import dev.debrief.question.domain.Question;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Path("/api/questions")
public class QuestionResource {

    private final Caller caller;
    private final Outbox outbox;
    private final Clock clock;

    public QuestionResource(Caller caller, Outbox outbox, Clock clock) {
        this.caller = caller;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record QuestionView(UUID id, String slug, String title, String prompt, String tenant) {
        static QuestionView of(Question q) {
            return new QuestionView(q.id, q.slug, q.title, q.prompt, q.tenant);
        }
    }

    public record NewQuestion(
            @NotBlank @Size(max = 120) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String slug,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 4000) String prompt) {
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN, Roles.ANALYST })
    public List<QuestionView> list() {
        return Question.visibleTo(caller.tenant().orElse(null)).stream().map(QuestionView::of).toList();
    }

    @POST
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN, Roles.ADMIN })
    @Transactional
    public Response create(@Valid NewQuestion request) {
        Question question = new Question();
        question.id = UUID.randomUUID();
        question.tenant = caller.isAdmin() ? null : caller.tenant().orElse(null);
        question.slug = request.slug();
        question.title = request.title();
        question.prompt = request.prompt();
        question.createdAt = clock.instant();
        question.persist();
        outbox.publish(EventType.QUESTION_PUBLISHED, question.id, question.tenant, QuestionView.of(question));
        return Response.status(Response.Status.CREATED).entity(QuestionView.of(question)).build();
    }
}
