package dev.debrief.contracts.catalog;

import java.util.List;
import java.util.UUID;

/**
 * The data of {@code question.published}, {@code question.revised} and {@code question.retired}: which
 * question, which version is now current, its status and taxonomy (enough for analytics to join without
 * calling question-service; the full content is at {@code GET /api/questions/{id}/versions/{version}}).
 *
 * @param tenant the owning coaching firm, null for the public catalog
 * @param status DRAFT, PUBLISHED or RETIRED after the change
 */
public record QuestionChange(
        UUID id,
        String slug,
        int version,
        String tenant,
        String status,
        String title,
        String category,
        String role,
        List<String> levels,
        String company,
        String roundType,
        String difficulty,
        List<String> competencies) {
}
