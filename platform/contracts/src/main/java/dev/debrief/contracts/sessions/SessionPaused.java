package dev.debrief.contracts.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * data of {@code dev.debrief.session.paused}: the clocks stopped.
 *
 * @param questionIndex the question whose clock stopped, -1 if none was running
 */
public record SessionPaused(UUID sessionId, String pausedBy, int questionIndex, long questionElapsedSeconds,
        Instant pausedAt) {
}
