package dev.debrief.scoring.scorecards;

import dev.debrief.contracts.scores.ScorecardSubmitted.DimensionRating;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.scoring.access.Access;
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

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Coaches' scorecards: per round, a level and notes per dimension and a recommendation; edits are versions. Filing
 * and revising are {@link ScorecardFiling}'s; this reads requests and shows scorecards.
 */
@Path("/api/scorecards")
@Transactional
public class ScorecardResource {

    private final Access access;
    private final ScorecardFiling filing;

    public ScorecardResource(Access access, ScorecardFiling filing) {
        this.access = access;
        this.filing = filing;
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
        ScorecardFiling.Filed filed = filing.file(request.sessionId(), request.roundPosition(), request.recommendation(),
                ratings(request.dimensions()), request.notes());
        return Response.status(201).entity(ScorecardView.of(filed.card(), filed.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.COACH)
    public ScorecardView revise(@PathParam("id") UUID id, @Valid @NotNull Revision request) {
        ScorecardFiling.Filed filed = filing.revise(id, request.basedOnVersion(), request.recommendation(),
                ratings(request.dimensions()), request.notes());
        return ScorecardView.of(filed.card(), filed.version());
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

    private static List<DimensionRating> ratings(List<Rating> ratings) {
        return ratings.stream().map(r -> new DimensionRating(r.key(), r.level(), r.notes())).toList();
    }
}
