package dev.debrief.contracts.sessions;

import java.time.Instant;
import java.util.UUID;

/** data of {@code dev.debrief.session.resumed}: the clocks run again after {@code pausedSeconds}. */
public record SessionResumed(UUID sessionId, String resumedBy, long pausedSeconds, Instant resumedAt) {
}
