package dev.debrief.session.timeline;

import java.util.UUID;

/**
 * Fired (as a CDI event) when a timeline entry is written; observers act after the commit.
 *
 * @param eventId the id of the Kafka event published with it, null when none (scores)
 */
public record TimelineAppended(UUID sessionId, TimelineEntry entry, String eventId) {
}
