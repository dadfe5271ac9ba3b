package dev.debrief.question.index;

import dev.debrief.question.domain.AnswerFormat;
import dev.debrief.question.domain.Category;
import dev.debrief.question.domain.Difficulty;
import dev.debrief.question.domain.JobRole;
import dev.debrief.question.domain.QuestionStatus;
import dev.debrief.question.domain.RoundType;

import java.util.List;
import java.util.UUID;

/**
 * One question as a replica's index holds it: the current version's taxonomy and what a list item shows
 * (no long text: the excerpt is the prompt's first 160 characters). Immutable and shared between snapshots;
 * repeated strings and lists are the loader's canonical instances, so 100,000 of these stay small.
 *
 * @param key the row's dense {@code catalog_key}; full-text search answers with it
 */
public record IndexedQuestion(
        int key,
        UUID id,
        String slug,
        int version,
        QuestionStatus status,
        String tenant,
        String title,
        String excerpt,
        Category category,
        JobRole role,
        List<String> levels,
        String company,
        RoundType roundType,
        List<String> competencies,
        List<String> tags,
        Difficulty difficulty,
        int timeBudgetSeconds,
        AnswerFormat answerFormat,
        String rubric,
        long updatedMicros) {
}
