package dev.debrief.contracts.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * data of {@code dev.debrief.session.follow-up-asked}: the interviewer probed during an answer.
 *
 * @param atSecond seconds into the answer (the question's running clock) when it was asked
 * @param source {@code INTERVIEWER} (the coach) or {@code SELF_PRACTICE} (the session itself)
 */
public record FollowUpAsked(
        UUID sessionId,
        int questionIndex,
        UUID questionId,
        String prompt,
        long atSecond,
        String source,
        String askedBy,
        Instant askedAt) {
}
