package dev.debrief.kit.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyticsProjectionTest {

    private static final String SESSION = UUID.randomUUID().toString();

    @Test
    void shouldKeepIdsAndTimingsOfAnAnswerButNotItsTextStructureReferenceQueryPromptOrCandidate() {
        EventEnvelope answer = event(EventType.ANSWER_SUBMITTED, data(
                "sessionId", SESSION, "answerId", UUID.randomUUID().toString(), "candidate", "cara",
                "questionId", UUID.randomUUID().toString(), "questionVersion", 2, "category", "SQL",
                "answerFormat", "SQL", "prompt", "Which genres grew?", "text", "SELECT genre FROM plays",
                "structured", Map.of("metrics", List.of(Map.of("name", "hours", "rank", 1))),
                "referenceSql", "SELECT genre, count(*) FROM plays GROUP BY genre",
                "elapsedSeconds", 95, "submittedAt", "2026-12-02T05:00:00Z"));

        EventEnvelope projected = AnalyticsProjection.of(EventType.ANSWER_SUBMITTED, answer).orElseThrow();

        JsonNode data = projected.data();
        assertEquals(List.of("answerFormat", "answerId", "category", "elapsedSeconds", "questionId", "questionVersion",
                "sessionId", "submittedAt"), fields(data));
        assertEquals(95, data.path("elapsedSeconds").asInt());
        assertFalse(Json.mapper().valueToTree(projected).toString().contains("SELECT"), "no query, answer or key");
        assertEquals(answer.type(), projected.type());
        assertEquals(SESSION, projected.subject(), "keyed by session, like the event");
        assertEquals("northwind", projected.tenant());
        assertEquals(AnalyticsProjection.DATA_SCHEMA, projected.dataschema());
        assertNotEquals(answer.id(), projected.id(), "an id of its own: the outbox holds each id once");
        assertEquals(projected.id(), AnalyticsProjection.of(EventType.ANSWER_SUBMITTED, answer).orElseThrow().id(),
                "the same event always projects to the same id");
    }

    @Test
    void shouldKeepEachDimensionsLevelOfAScoreButNotItsEvidenceQuotesOrFeedback() {
        EventEnvelope score = event(EventType.ANSWER_SCORED, Map.of(
                "scoreId", UUID.randomUUID().toString(), "sessionId", SESSION, "overall", 3.5, "scorer", "auto",
                "dimensions", List.of(Map.of("key", "decision-spine", "level", 4, "feedback", "Clear threshold.",
                        "evidence", List.of(Map.of("start", 0, "end", 12, "quote", "I set the bar")))),
                "scoredAt", "2026-12-02T05:00:01Z"));

        JsonNode data = AnalyticsProjection.of(EventType.ANSWER_SCORED, score).orElseThrow().data();

        assertEquals(List.of("dimensions", "overall", "scoreId", "scoredAt", "sessionId"), fields(data));
        assertEquals(List.of("key", "level"), fields(data.path("dimensions").get(0)));
        assertEquals(4, data.path("dimensions").get(0).path("level").asInt());
        assertFalse(data.toString().contains("I set the bar"));
    }

    @Test
    void shouldDropAFieldItDoesNotKnowAndNotProjectTheCatalog() {
        JsonNode data = AnalyticsProjection.of(EventType.SESSION_COMPLETED, event(EventType.SESSION_COMPLETED,
                Map.of("sessionId", SESSION, "someNewFreeText", "whatever a candidate wrote"))).orElseThrow().data();
        assertEquals(List.of("sessionId"), fields(data), "deny by default");

        assertTrue(AnalyticsProjection.of(EventType.QUESTION_PUBLISHED, event(EventType.QUESTION_PUBLISHED,
                Map.of("questionId", UUID.randomUUID().toString()))).isEmpty(), "the catalog has answer keys");
    }

    private static EventEnvelope event(EventType type, Map<String, Object> data) {
        return EventEnvelope.of(type, "/debrief/test", SESSION, "northwind", Instant.now(), Json.mapper().valueToTree(data));
    }

    private static Map<String, Object> data(Object... namesAndValues) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            data.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return data;
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}
