package dev.debrief.kit.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The redacted copy of a session or score event for analytics ({@code debrief.analytics.v1}, docs/events.md): the same
 * envelope with only the data fields on an allow list, so ids, versions, levels, counts, timings and enums stay and
 * everything else goes, candidate content (answer texts, structured answers, evidence quotes, feedback, notes) and
 * answer keys (reference queries) first, people's names and prompts too. Deny by default: a field a later version adds
 * stays out of the projection until it is put on the list. Catalog events are not projected.
 */
public final class AnalyticsProjection {

    /** Kept wherever they appear; inside {@code dimensions}, {@code rounds} and {@code questions} too. */
    static final Set<String> KEPT = Set.of(
            "sessionId", "answerId", "scoreId", "scorecardId", "questionId", "questionVersion", "version",
            "category", "rubric", "rubricVersion", "answerFormat", "scorerKind", "mode", "loop",
            "roundPosition", "position", "roundType", "index", "questionIndex", "questionCount", "questionsAnswered",
            "budgetSeconds", "timeBudgetSeconds", "elapsedSeconds", "overtimeSeconds", "pausedSeconds",
            "questionElapsedSeconds", "atSecond", "source", "previousStatus",
            "overall", "key", "level", "recommendation", "dissentCount",
            "dimensions", "rounds", "questions");

    private static final Set<String> PROJECTED_TOPICS = Set.of(Topics.SESSIONS, Topics.SCORES);
    static final String DATA_SCHEMA = "urn:debrief:schema:analytics:v1";

    private AnalyticsProjection() {
    }

    /** The projection of an event about to be published, if its topic is projected. */
    public static Optional<EventEnvelope> of(EventType type, EventEnvelope event) {
        if (!PROJECTED_TOPICS.contains(type.topic())) {
            return Optional.empty();
        }
        // a stable id of its own (the outbox holds each id once), derived from the event's: a re-projection dedupes
        String id = UUID.nameUUIDFromBytes(("analytics:" + event.id()).getBytes(StandardCharsets.UTF_8)).toString();
        return Optional.of(new EventEnvelope(event.specversion(), id, event.type(), event.source(), event.subject(),
                event.time(), event.datacontenttype(), DATA_SCHEMA, event.tenant(), redact(event.data())));
    }

    /** A copy of the data with only the kept fields and the times (names ending in {@code At}, and idleSince). */
    static JsonNode redact(JsonNode data) {
        if (data == null || !data.isObject()) {
            return Json.mapper().createObjectNode();
        }
        ObjectNode kept = Json.mapper().createObjectNode();
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            String name = field.getKey();
            if (!KEPT.contains(name) && !name.endsWith("At") && !name.equals("idleSince")) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isObject()) {
                kept.set(name, redact(value));
            } else if (value.isArray()) {
                ArrayNode items = kept.putArray(name);
                value.forEach(item -> items.add(item.isContainerNode() ? redact(item) : item));
            } else {
                kept.set(name, value);
            }
        }
        return kept;
    }
}
