package dev.debrief.contracts.scores;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** data of {@code dev.debrief.score.answer-scored}: one scorer's levels for one answer, with evidence. */
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
        Instant scoredAt) {

    /** A level 1–4 on one rubric dimension, the quoted spans it rests on and one sentence of feedback. */
    public record DimensionScore(String key, int level, List<Evidence> evidence, String feedback) {
    }

    /** A quoted span of the answer: {@code [start, end)} character offsets and the text between them. */
    public record Evidence(int start, int end, String quote) {
    }
}
