package dev.debrief.scoring.debrief;

import dev.debrief.contracts.scores.AnswerScored.Evidence;
import dev.debrief.scoring.scorecards.Recommendation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The hiring-committee view of one session: evidence first, then the levels and the recommendation. */
public record Debrief(
        UUID sessionId,
        String candidate,
        double overall,
        Recommendation recommendation,
        String decisionRule,
        List<Round> rounds,
        List<Point> strengths,
        List<Point> concerns,
        Point oneThingToChange,
        List<Dissent> dissent,
        Instant generatedAt) {

    public static final String DECISION_RULE = "Per round and dimension the panel level is the median of every "
            + "scorer's level (automated and coaches); a round's score is the rubric-weighted mean of its panel levels; "
            + "the overall is the mean of the rounds. STRONG_YES at 3.5 or more with no panel level below 2; YES at "
            + "2.75 or more with no round below 2.0; NO at 2.0 or more; otherwise STRONG_NO.";

    public record Round(int roundPosition, String rubric, int rubricVersion, double overall, List<Dimension> dimensions,
            Map<String, Recommendation> coachRecommendations) {
    }

    /** A dimension of a round: the panel level, each scorer's level, the best evidence and feedback. */
    public record Dimension(String key, String name, double weight, double level, Map<String, Integer> byScorer,
            List<Evidence> evidence, String feedback) {
    }

    /** A strength or concern, its quoted evidence leading. */
    public record Point(int roundPosition, String dimension, double level, String evidence, String feedback) {
    }

    /** Scorers two or more levels apart on a dimension, or coaches on opposite sides of hire. */
    public record Dissent(int roundPosition, String dimension, Map<String, Integer> levels, String note) {
    }
}
