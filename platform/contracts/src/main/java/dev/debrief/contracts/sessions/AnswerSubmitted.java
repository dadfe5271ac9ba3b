package dev.debrief.contracts.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.AnswerFormat;

import java.time.Instant;
import java.util.UUID;

/**
 * data of {@code dev.debrief.session.answer-submitted}: a final answer, with what the scorer needs to judge
 * it (the question version's rubric, format, prompt and, for SQL, the reference query). Build one with
 * {@link #builder()}: fifteen positional components, six of them adjacent strings, are easy to swap unseen.
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

    public static Builder builder() {
        return new Builder();
    }

    /** Names every component; unset ones stay null (or 0). */
    public static final class Builder {
        private UUID sessionId;
        private UUID answerId;
        private String candidate;
        private UUID questionId;
        private int questionVersion;
        private String category;
        private String rubric;
        private AnswerFormat answerFormat;
        private String prompt;
        private String text;
        private JsonNode structured;
        private String referenceSql;
        private int roundPosition;
        private long elapsedSeconds;
        private Instant submittedAt;

        private Builder() {
        }

        public Builder sessionId(UUID value) {
            sessionId = value;
            return this;
        }

        public Builder answerId(UUID value) {
            answerId = value;
            return this;
        }

        public Builder candidate(String value) {
            candidate = value;
            return this;
        }

        /** The question version answered. */
        public Builder question(UUID id, int version) {
            questionId = id;
            questionVersion = version;
            return this;
        }

        public Builder category(String value) {
            category = value;
            return this;
        }

        public Builder rubric(String value) {
            rubric = value;
            return this;
        }

        public Builder answerFormat(AnswerFormat value) {
            answerFormat = value;
            return this;
        }

        public Builder prompt(String value) {
            prompt = value;
            return this;
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder structured(JsonNode value) {
            structured = value;
            return this;
        }

        public Builder referenceSql(String value) {
            referenceSql = value;
            return this;
        }

        public Builder roundPosition(int value) {
            roundPosition = value;
            return this;
        }

        public Builder elapsedSeconds(long value) {
            elapsedSeconds = value;
            return this;
        }

        public Builder submittedAt(Instant value) {
            submittedAt = value;
            return this;
        }

        public AnswerSubmitted build() {
            return new AnswerSubmitted(sessionId, answerId, candidate, questionId, questionVersion, category, rubric,
                    answerFormat, prompt, text, structured, referenceSql, roundPosition, elapsedSeconds, submittedAt);
        }
    }
}
