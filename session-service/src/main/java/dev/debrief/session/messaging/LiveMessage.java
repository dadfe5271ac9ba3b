package dev.debrief.session.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.debrief.contracts.Json;
import dev.debrief.session.persistence.TimelineEntry;

/** The WebSocket wire form of a timeline entry: {@code {seq, type, at, actor, data}}. */
public final class LiveMessage {

    private LiveMessage() {
    }

    public static String of(TimelineEntry entry) {
        try {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("seq", entry.seq);
            node.put("type", entry.type);
            node.put("at", entry.at.toString());
            node.put("actor", entry.actor);
            node.set("data", Json.mapper().readTree(entry.data));
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored timeline data is not JSON", e);
        }
    }
}
