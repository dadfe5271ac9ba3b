package dev.debrief.contracts.sessions;

import java.time.Instant;
import java.util.UUID;

/** data of {@code dev.debrief.session.abandoned}: a participant gave the session up. */
public record SessionAbandoned(UUID sessionId, String abandonedBy, String previousStatus, Instant abandonedAt) {
}
