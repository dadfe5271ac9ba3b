package dev.debrief.question.index;

import java.util.List;
import java.util.UUID;

/**
 * One question's current version as the index takes it from the {@code question} table: what lists filter,
 * sort and show, and the texts search reads ({@code extra}: follow-up probes and tags, as PostgreSQL's
 * search column had them).
 */
public record CatalogRow(UUID id, String slug, int version, String status, String tenant, String title,
        String prompt, String extra, String category, String role, List<String> levels, String company,
        String roundType, List<String> competencies, List<String> tags, String difficulty, int timeBudgetSeconds,
        String answerFormat, String rubric, long updatedMicros) {
}
