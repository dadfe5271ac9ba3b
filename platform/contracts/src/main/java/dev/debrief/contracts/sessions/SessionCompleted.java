package dev.debrief.contracts.sessions;

import java.time.Instant;
import java.util.UUID;

/** data of {@code dev.debrief.session.completed}: the session ended normally. */
public record SessionCompleted(UUID sessionId, String completedBy, int questionsAnswered, int questionCount,
        long elapsedSeconds, Instant completedAt) {
}
