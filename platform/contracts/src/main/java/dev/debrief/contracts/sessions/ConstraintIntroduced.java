package dev.debrief.contracts.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * data of {@code dev.debrief.session.constraint-introduced}: a constraint was sprung during an answer.
 *
 * @param atSecond seconds into the answer (the question's running clock) when it was introduced
 * @param source {@code INTERVIEWER} (the coach) or {@code SELF_PRACTICE} (the session itself)
 */
public record ConstraintIntroduced(
        UUID sessionId,
        int questionIndex,
        UUID questionId,
        String text,
        long atSecond,
        String source,
        String introducedBy,
        Instant introducedAt) {
}
