package dev.debrief.contracts.sessions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * data of {@code dev.debrief.session.panel-changed}: the session's panel (the firm's coaches who score it
 * besides its coach) is now exactly {@code panel}. The whole set each time, so the latest event wins.
 *
 * @param panel the user ids of the panel's coaches, possibly empty
 * @param changedBy who changed it, for example {@code coach:colin}
 */
public record SessionPanelChanged(UUID sessionId, List<String> panel, String changedBy, Instant changedAt) {
}
