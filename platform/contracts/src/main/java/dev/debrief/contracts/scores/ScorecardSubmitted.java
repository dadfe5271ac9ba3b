package dev.debrief.contracts.scores;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * data of {@code dev.debrief.score.scorecard-submitted}: a coach's scorecard for one round of a session, at one
 * version (every edit is a new version and a new event).
 *
 * @param recommendation STRONG_NO, NO, YES or STRONG_YES
 */
public record ScorecardSubmitted(
        UUID scorecardId,
        int version,
        UUID sessionId,
        int roundPosition,
        String candidate,
        String scorer,
        String rubric,
        int rubricVersion,
        String recommendation,
        List<DimensionRating> dimensions,
        Instant submittedAt) {

    /** A coach's level 1–4 on one rubric dimension and their notes. */
    public record DimensionRating(String key, int level, String notes) {
    }
}
