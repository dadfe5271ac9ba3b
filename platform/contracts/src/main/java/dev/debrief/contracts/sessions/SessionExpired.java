package dev.debrief.contracts.sessions;

import java.time.Instant;
import java.util.UUID;

/** data of {@code dev.debrief.session.expired}: nobody touched the session since {@code idleSince}. */
public record SessionExpired(UUID sessionId, String previousStatus, Instant idleSince, Instant expiredAt) {
}
