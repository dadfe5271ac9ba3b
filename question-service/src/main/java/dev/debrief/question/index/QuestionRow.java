package dev.debrief.question.index;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of a list or search answer: the current version's taxonomy, no long text. With a search text,
 * {@code rank} is the relevance score and {@code highlight} the prompt's best passage with the matched words
 * in {@code <mark>…</mark>} (HTML-escaped; null when the prompt has no match).
 */
public record QuestionRow(
        UUID id,
        String slug,
        int version,
        String status,
        String tenant,
        String title,
        String excerpt,
        String category,
        String role,
        List<String> levels,
        String company,
        String roundType,
        List<String> competencies,
        List<String> tags,
        String difficulty,
        int timeBudgetSeconds,
        String answerFormat,
        String rubric,
        Instant updatedAt,
        Double rank,
        String highlight) {
}
