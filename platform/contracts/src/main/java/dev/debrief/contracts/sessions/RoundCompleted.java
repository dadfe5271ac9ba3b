package dev.debrief.contracts.sessions;

import java.time.Instant;
import java.util.UUID;

/** data of {@code dev.debrief.session.round-completed}: a round ended; its time against its budget. */
public record RoundCompleted(
        UUID sessionId,
        int roundPosition,
        String name,
        int budgetSeconds,
        long elapsedSeconds,
        long overtimeSeconds,
        int questionsAnswered,
        Instant completedAt) {
}
