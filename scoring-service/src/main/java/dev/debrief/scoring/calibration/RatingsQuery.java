package dev.debrief.scoring.calibration;

import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.contracts.scores.ScorecardSubmitted.DimensionRating;
import dev.debrief.scoring.answers.Answer;
import dev.debrief.scoring.answers.AnswerScoreRow;
import dev.debrief.scoring.calibration.Calibration.Rating;
import dev.debrief.scoring.scorecards.Scorecard;
import dev.debrief.scoring.scorecards.ScorecardVersion;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every level given in a firm, as ratings of one item: a round's dimension ({@code session:round:dimension}).
 * The automated scorer's level for a round is the rounded mean over the round's answers; a coach's is their
 * current scorecard. Only an answer's current automated score counts: a re-score by a newer scorer version
 * supersedes the older one, and the rating names the scorer (with its version) it comes from.
 */
@ApplicationScoped
public class RatingsQuery {

    public List<Rating> ofFirm(String tenant, Instant from, Instant to) {
        // an automated rating is dated by its answer, not by its scoring: a re-score months later stays in its month
        return collect(AnswerScoreRow.list("from AnswerScoreRow s where s.tenant = ?1 and s.supersededAt is null and exists "
                + "(select a.answerId from Answer a where a.answerId = s.answerId and a.submittedAt >= ?2 and a.submittedAt < ?3)",
                tenant, from, to),
                Scorecard.list("tenant = ?1 and updatedAt >= ?2 and updatedAt < ?3", tenant, from, to));
    }

    public List<Rating> ofCandidate(String candidate) {
        return collect(AnswerScoreRow.list("candidate = ?1 and supersededAt is null", candidate), Scorecard.list("candidate", candidate));
    }

    private static List<Rating> collect(List<AnswerScoreRow> scores, List<Scorecard> cards) {
        Map<UUID, Answer> answers = new HashMap<>();
        Map<String, double[]> automated = new HashMap<>();
        Map<String, Instant> at = new HashMap<>();
        for (AnswerScoreRow score : scores) {
            // a lambda, not Answer::findById: Panache enhances calls made on Answer, a reference binds to its superclass
            Answer answer = answers.computeIfAbsent(score.answerId, id -> Answer.findById(id));
            int round = answer == null ? 0 : answer.roundPosition;
            Instant given = answer == null ? score.scoredAt : answer.submittedAt;
            for (DimensionScore d : score.dimensionScores()) {
                String key = score.sessionId + ":" + round + ":" + d.key() + "|" + score.scorer;
                double[] acc = automated.computeIfAbsent(key, k -> new double[2]);
                acc[0] += d.level();
                acc[1]++;
                at.merge(key, given, (a, b) -> b.isAfter(a) ? b : a);
            }
        }
        List<Rating> ratings = new ArrayList<>();
        automated.forEach((key, acc) -> {
            String[] parts = key.split("\\|", 2);
            ratings.add(new Rating(parts[0], parts[1], (int) Math.round(acc[0] / acc[1]), at.get(key)));
        });
        for (Scorecard card : cards) {
            ScorecardVersion v = ScorecardVersion.current(card);
            for (DimensionRating r : v.ratings()) {
                ratings.add(new Rating(card.sessionId + ":" + card.roundPosition + ":" + r.key(), card.scorer, r.level(),
                        v.createdAt));
            }
        }
        return ratings;
    }
}
