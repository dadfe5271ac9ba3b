package dev.debrief.session.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.AnswerFormat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An answer with the scores that have arrived for it. */
public record AnswerView(UUID id, int questionIndex, AnswerFormat format, String text, JsonNode structured,
        int draftRevision, boolean submitted, Instant updatedAt, Instant submittedAt, Long elapsedSeconds,
        List<JsonNode> scores) {

    public static AnswerView of(Answer a) {
        return new AnswerView(a.id, a.questionIndex, a.format, a.text, read(a.structured), a.draftRevision,
                a.submitted(), a.updatedAt, a.submittedAt, a.elapsedSeconds,
                AnswerScore.ofAnswer(a.id).stream().map(s -> read(s.payload)).toList());
    }

    public static JsonNode read(String json) {
        try {
            return json == null ? null : Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
