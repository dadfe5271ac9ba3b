package dev.debrief.scoring.api;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.scores.ScorecardSubmitted;
import dev.debrief.contracts.scores.ScorecardSubmitted.DimensionRating;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.scoring.domain.Recommendation;
import dev.debrief.scoring.domain.Rubric;
import dev.debrief.scoring.domain.RubricDefinition;
import dev.debrief.scoring.domain.Scorecard;
import dev.debrief.scoring.domain.ScorecardVersion;
import dev.debrief.scoring.persistence.Answer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Coaches' scorecards: per round, a level and notes per dimension and a recommendation; edits are versions. */
@Path("/api/scorecards")
@Transactional
public class ScorecardResource {

    private final Access access;
    private final Outbox outbox;
    private final Clock clock;

    public ScorecardResource(Access access, Outbox outbox, Clock clock) {
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Rating(@NotBlank @Size(max = 60) String key, @Min(1) @Max(4) int level, @Size(max = 4000) String notes) {
    }

    public record NewScorecard(@NotNull UUID sessionId, @Min(0) @Max(100) int roundPosition,
            @NotNull Recommendation recommendation, @NotEmpty @Size(max = 12) List<@Valid @NotNull Rating> dimensions,
            @Size(max = 8000) String notes) {
    }

    public record Revision(@Min(1) int basedOnVersion, @NotNull Recommendation recommendation,
            @NotEmpty @Size(max = 12) List<@Valid @NotNull Rating> dimensions, @Size(max = 8000) String notes) {
    }

    public record ScorecardView(UUID id, UUID sessionId, int roundPosition, String scorer, String scorerName,
            String rubric, int rubricVersion, int version, Recommendation recommendation, List<DimensionRating> dimensions,
            String notes, Instant updatedAt) {
        static ScorecardView of(Scorecard c, ScorecardVersion v) {
            return new ScorecardView(c.id, c.sessionId, c.roundPosition, c.scorer, c.scorerName, c.rubricSlug,
                    c.rubricVersion, v.key.version, v.recommendation, v.ratings(), v.notes, v.createdAt);
        }
    }

    @POST
    @RolesAllowed(Roles.COACH)
    public Response submit(@Valid @NotNull NewScorecard request) {
        List<Answer> answers = access.scoredBy(request.sessionId());
        Answer round = answers.stream().filter(a -> a.roundPosition == request.roundPosition()).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("body.roundPosition", "the session has no answer in round "
                        + request.roundPosition()));
        if (Scorecard.count("sessionId = ?1 and roundPosition = ?2 and scorer = ?3", request.sessionId(),
                request.roundPosition(), access.caller().id()) > 0) {
            throw ProblemException.conflict("you already scored this round: revise your scorecard instead");
        }
        Rubric rubric = Rubric.latest(round.rubricSlug, round.tenant)
                .orElseThrow(() -> ProblemException.conflict("rubric " + round.rubricSlug + " is unknown"));
        checkKeys(rubric.parsed(), request.dimensions());
        Instant now = clock.instant();
        Scorecard card = new Scorecard();
        card.id = UUID.randomUUID();
        card.tenant = round.tenant;
        card.sessionId = round.sessionId;
        card.roundPosition = round.roundPosition;
        card.candidate = round.candidate;
        card.scorer = access.caller().id();
        card.scorerName = access.caller().username();
        card.rubricSlug = rubric.slug;
        card.rubricVersion = rubric.version;
        card.currentVersion = 1;
        card.createdAt = now;
        card.updatedAt = now;
        card.persist();
        ScorecardVersion version = ScorecardVersion.first(card, request.recommendation(), ratingsJson(request.dimensions()),
                request.notes(), now);
        version.persist();
        publish(card, version);
        return Response.status(201).entity(ScorecardView.of(card, version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.COACH)
    public ScorecardView revise(@PathParam("id") UUID id, @Valid @NotNull Revision request) {
        Scorecard card = Scorecard.findById(id);
        if (card == null || !access.caller().sameTenant(card.tenant) || !card.scorer.equals(access.caller().id())) {
            throw ProblemException.notFound("scorecard", id);
        }
        if (!access.scores(card.sessionId)) {
            throw ProblemException.forbidden("you no longer score this session");
        }
        Rubric.version(card.rubricSlug, card.tenant, card.rubricVersion).or(() -> Rubric.version(card.rubricSlug, null,
                card.rubricVersion)).ifPresent(r -> checkKeys(r.parsed(), request.dimensions()));
        ScorecardVersion version;
        try {
            version = card.revise(request.basedOnVersion(), request.recommendation(), ratingsJson(request.dimensions()),
                    request.notes(), clock.instant());
        } catch (Scorecard.StaleScorecardException e) {
            throw ProblemException.preconditionFailed(e.getMessage());
        }
        version.persist();
        publish(card, version);
        return ScorecardView.of(card, version);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN })
    public ScorecardView one(@PathParam("id") UUID id) {
        Scorecard card = visible(id);
        return ScorecardView.of(card, ScorecardVersion.current(card));
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN })
    public List<ScorecardView> versions(@PathParam("id") UUID id) {
        Scorecard card = visible(id);
        return ScorecardVersion.history(id).stream().map(v -> ScorecardView.of(card, v)).toList();
    }

    @GET
    @RolesAllowed({ Roles.COACH, Roles.FIRM_ADMIN })
    public List<ScorecardView> ofSession(@QueryParam("sessionId") @NotNull UUID sessionId) {
        access.scorecardsOf(sessionId);
        return Scorecard.ofSession(sessionId).stream().map(c -> ScorecardView.of(c, ScorecardVersion.current(c))).toList();
    }

    private Scorecard visible(UUID id) {
        Scorecard card = Scorecard.findById(id);
        if (card == null || card.tenant == null || !access.caller().sameTenant(card.tenant)
                || !access.readsScorecardsOf(card.sessionId)) {
            throw ProblemException.notFound("scorecard", id);
        }
        return card;
    }

    private static void checkKeys(RubricDefinition rubric, List<Rating> ratings) {
        for (int i = 0; i < ratings.size(); i++) {
            if (rubric.dimension(ratings.get(i).key()).isEmpty()) {
                throw ProblemException.badRequest("body.dimensions[" + i + "].key", "not a dimension of rubric "
                        + rubric.slug());
            }
        }
    }

    private static String ratingsJson(List<Rating> ratings) {
        return dev.debrief.contracts.Json.write(
                ratings.stream().map(r -> new DimensionRating(r.key(), r.level(), r.notes())).toList());
    }

    private void publish(Scorecard card, ScorecardVersion v) {
        outbox.publish(EventType.SCORECARD_SUBMITTED, card.sessionId, card.tenant, new ScorecardSubmitted(card.id,
                v.key.version, card.sessionId, card.roundPosition, card.candidate, card.scorer, card.rubricSlug,
                card.rubricVersion, v.recommendation.name(), v.ratings(), v.createdAt));
    }
}
