package dev.debrief.contracts.scores;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * data of {@code dev.debrief.score.session-debriefed}: the hiring-committee view of a finished session.
 *
 * @param recommendation STRONG_NO, NO, YES or STRONG_YES under {@code decisionRule}
 * @param overall the weighted mean level (1–4) across rounds
 */
public record SessionDebriefed(
        UUID sessionId,
        String candidate,
        double overall,
        String recommendation,
        String decisionRule,
        List<RoundResult> rounds,
        List<String> strengths,
        List<String> concerns,
        String oneThingToChange,
        int dissentCount,
        Instant debriefedAt) {

    /** One round's weighted mean level and the panel level per dimension. */
    public record RoundResult(int roundPosition, String rubric, double overall, List<DimensionLevel> dimensions) {
    }

    /** The panel's level on one dimension (the median of every scorer's level). */
    public record DimensionLevel(String key, double level) {
    }
}
