package dev.debrief.contracts.sessions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * data of {@code dev.debrief.session.created}: a session was set up with its questions snapshotted.
 *
 * @param coach the interviewing coach's user id, null in self-practice
 * @param mode {@code COACHED} or {@code SELF_PRACTICE}
 * @param loop the loop slug the questions came from, null for a hand-picked list
 */
public record SessionCreated(
        UUID sessionId,
        String candidate,
        String coach,
        String mode,
        String loop,
        List<Round> rounds,
        List<QuestionRef> questions,
        Instant createdAt) {

    /** A round with its time budget. */
    public record Round(int position, String name, String roundType, int budgetSeconds) {
    }

    /** A question version the session will ask, in order. */
    public record QuestionRef(int index, int roundPosition, UUID questionId, int questionVersion) {
    }
}
