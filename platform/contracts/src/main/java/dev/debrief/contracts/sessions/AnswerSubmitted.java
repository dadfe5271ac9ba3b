package dev.debrief.contracts.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.AnswerFormat;

import java.time.Instant;
import java.util.UUID;

/**
 * data of {@code dev.debrief.session.answer-submitted}: a final answer, with what the scorer needs to judge
 * it (the question version's rubric, format, prompt and, for SQL, the reference query).
 *
 * @param structured the structured answer (for example a ranked metric list), null for free text and SQL
 * @param referenceSql the question's reference query for SQL answers, otherwise null
 */
public record AnswerSubmitted(
        UUID sessionId,
        UUID answerId,
        String candidate,
        UUID questionId,
        int questionVersion,
        String category,
        String rubric,
        AnswerFormat answerFormat,
        String prompt,
        String text,
        JsonNode structured,
        String referenceSql,
        int roundPosition,
        long elapsedSeconds,
        Instant submittedAt) {
}
