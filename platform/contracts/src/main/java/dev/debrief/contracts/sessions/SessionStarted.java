package dev.debrief.contracts.sessions;

import java.time.Instant;
import java.util.UUID;

/** data of {@code dev.debrief.session.started}: the clock started. */
public record SessionStarted(UUID sessionId, String candidate, String startedBy, Instant startedAt) {
}
