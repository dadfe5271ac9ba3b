package dev.debrief.contracts.scores;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * data of {@code dev.debrief.score.answer-scored}: one scorer's levels for one answer, with evidence. A re-score (a
 * newer scorer version) names the score it replaces in {@code supersedes}: consumers keep the newer one. Build one with
 * {@link #builder()}: thirteen positional components (three adjacent strings, two adjacent ids) are easy to swap.
 */
public record AnswerScored(
        UUID scoreId,
        UUID sessionId,
        UUID answerId,
        UUID questionId,
        int questionVersion,
        String rubric,
        int rubricVersion,
        String scorer,
        String scorerKind,
        double overall,
        List<DimensionScore> dimensions,
        Instant scoredAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID supersedes) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names every component; unset ones stay null (or 0); {@code supersedes} stays null for a first score. */
    public static final class Builder {
        private UUID scoreId;
        private UUID sessionId;
        private UUID answerId;
        private UUID questionId;
        private int questionVersion;
        private String rubric;
        private int rubricVersion;
        private String scorer;
        private String scorerKind;
        private double overall;
        private List<DimensionScore> dimensions;
        private Instant scoredAt;
        private UUID supersedes;

        private Builder() {
        }

        public Builder scoreId(UUID value) {
            scoreId = value;
            return this;
        }

        /** The session and the answer scored. */
        public Builder answer(UUID session, UUID answer) {
            sessionId = session;
            answerId = answer;
            return this;
        }

        /** The question version answered. */
        public Builder question(UUID id, int version) {
            questionId = id;
            questionVersion = version;
            return this;
        }

        /** The rubric version scored against. */
        public Builder rubric(String slug, int version) {
            rubric = slug;
            rubricVersion = version;
            return this;
        }

        /** Who scored: the scorer's full name and its kind (AUTOMATED, HUMAN). */
        public Builder scorer(String name, String kind) {
            scorer = name;
            scorerKind = kind;
            return this;
        }

        public Builder overall(double value) {
            overall = value;
            return this;
        }

        public Builder dimensions(List<DimensionScore> value) {
            dimensions = value;
            return this;
        }

        public Builder scoredAt(Instant value) {
            scoredAt = value;
            return this;
        }

        public Builder supersedes(UUID value) {
            supersedes = value;
            return this;
        }

        public AnswerScored build() {
            return new AnswerScored(scoreId, sessionId, answerId, questionId, questionVersion, rubric, rubricVersion,
                    scorer, scorerKind, overall, dimensions, scoredAt, supersedes);
        }
    }

    /** A first score of its answer: it supersedes nothing. */
    public AnswerScored(UUID scoreId, UUID sessionId, UUID answerId, UUID questionId, int questionVersion, String rubric,
            int rubricVersion, String scorer, String scorerKind, double overall, List<DimensionScore> dimensions,
            Instant scoredAt) {
        this(scoreId, sessionId, answerId, questionId, questionVersion, rubric, rubricVersion, scorer, scorerKind,
                overall, dimensions, scoredAt, null);
    }

    /**
     * A level 1–4 on one rubric dimension, the quoted spans it rests on and one sentence of feedback. {@code
     * calibration} (automated scores only, absent otherwise) says what the level rests on: {@link #FITTED} a level
     * model fit on labelled answers to that rubric, {@link #ANCHORS_ONLY} the rubric's own level anchors alone (a
     * firm's rubric without labelled data), {@link #RULES} the answer's structure or rule checks.
     */
    public record DimensionScore(String key, int level, List<Evidence> evidence, String feedback,
            @JsonInclude(JsonInclude.Include.NON_NULL) String calibration) {

        public static final String FITTED = "FITTED";
        public static final String ANCHORS_ONLY = "ANCHORS_ONLY";
        public static final String RULES = "RULES";

        /** A level without a calibration (a human's, or from before the field existed). */
        public DimensionScore(String key, int level, List<Evidence> evidence, String feedback) {
            this(key, level, evidence, feedback, null);
        }
    }

    /**
     * A quoted span of the answer: {@code [start, end)} character offsets and the text between them. Without a
     * pointer the offsets are into the answer text; with one (structured answers) they are into the string value
     * the JSON pointer names inside the structured answer, e.g. {@code /metrics/0/name} or {@code /decisionThreshold}.
     * {@code similarity} (semantic evidence only) is the cosine similarity between the quoted sentence and the
     * rubric anchor or exemplar it was matched to.
     */
    public record Evidence(int start, int end, String quote, @JsonInclude(JsonInclude.Include.NON_NULL) String pointer,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double similarity) {

        /** A span of the answer text. */
        public Evidence(int start, int end, String quote) {
            this(start, end, quote, null, null);
        }

        /** A span of the answer text or of a structured field, without a similarity. */
        public Evidence(int start, int end, String quote, String pointer) {
            this(start, end, quote, pointer, null);
        }
    }
}
