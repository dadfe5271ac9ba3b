package dev.debrief.scoring.scores;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.kit.security.Roles;
import dev.debrief.scoring.access.Access;
import dev.debrief.scoring.answers.Answer;
import dev.debrief.scoring.answers.AnswerScoreRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Automated scores of answers, with their evidence and feedback. */
@Path("/api/scores")
@Transactional
public class ScoreResource {

    private final Access access;

    public ScoreResource(Access access) {
        this.access = access;
    }

    public record ScoreView(UUID scoreId, UUID answerId, UUID sessionId, String rubric, int rubricVersion, String scorer,
            String scorerKind, double overall, List<DimensionScore> dimensions, JsonNode sql, Instant scoredAt,
            Instant supersededAt) {
        static ScoreView of(AnswerScoreRow r) {
            JsonNode sql = null;
            try {
                sql = r.sqlReport == null ? null : Json.mapper().readTree(r.sqlReport);
            } catch (Exception e) {
                // an unreadable report is left out rather than failing the read
            }
            return new ScoreView(r.id, r.answerId, r.sessionId, r.rubricSlug, r.rubricVersion, r.scorer, r.scorerKind,
                    r.overall.doubleValue(), r.dimensionScores(), sql, r.scoredAt, r.supersededAt);
        }
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN })
    public List<ScoreView> ofSession(@QueryParam("sessionId") @NotNull UUID sessionId) {
        access.session(sessionId);
        return AnswerScoreRow.ofSession(sessionId).stream().map(ScoreView::of).toList();
    }

    @GET
    @Path("/{scoreId}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.COACH, Roles.FIRM_ADMIN })
    public ScoreView one(@PathParam("scoreId") UUID scoreId) {
        AnswerScoreRow row = AnswerScoreRow.findById(scoreId);
        Answer answer = row == null ? null : Answer.findById(row.answerId);
        if (answer == null || !access.mayRead(answer)) {
            throw ProblemException.notFound("score", scoreId);
        }
        return ScoreView.of(row);
    }
}
