package dev.debrief.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.session.persistence.TimelineEntry;

import java.time.Instant;

/** One timeline entry as REST shows it; the WebSocket sends the same shape. */
public record TimelineEntryView(long seq, String type, Instant at, String actor, JsonNode data) {

    static TimelineEntryView of(TimelineEntry e) {
        return new TimelineEntryView(e.seq, e.type, e.at, e.actor, AnswerView.read(e.data));
    }
}
