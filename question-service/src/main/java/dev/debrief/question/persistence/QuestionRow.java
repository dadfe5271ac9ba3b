package dev.debrief.question.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One line of a list or search answer: the current version's taxonomy, no long text. */
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
        Double rank) {
}
