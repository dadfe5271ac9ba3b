package dev.debrief.session.persistence;

import java.util.UUID;

/** Fired (as a CDI event) when a timeline entry is written; observers act after the commit. */
public record TimelineAppended(UUID sessionId, long seq) {
}
