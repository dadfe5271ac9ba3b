package dev.debrief.session.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;

import java.time.Instant;

/** One timeline entry as REST shows it; the WebSocket sends the same shape. */
public record TimelineEntryView(long seq, String type, Instant at, String actor, JsonNode data) {

    public static TimelineEntryView of(TimelineEntry e) {
        try {
            return new TimelineEntryView(e.seq, e.type, e.at, e.actor, Json.mapper().readTree(e.data));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("stored JSON is unreadable", x);
        }
    }
}
