package dev.debrief.question.catalog.domain;

import dev.debrief.question.taxonomy.Category;
import dev.debrief.question.taxonomy.Difficulty;
import dev.debrief.question.taxonomy.JobRole;
import dev.debrief.question.taxonomy.RoundType;

import java.util.List;
import java.util.UUID;

/**
 * What a change to a question announces, with the question as it was at that moment (an import can publish
 * and retire one question in a single transaction: each event keeps its own state). The domain returns these;
 * the use case records them in the outbox.
 */
public record QuestionEvent(Kind kind, UUID id, String slug, int version, String tenant, QuestionStatus status,
        String title, Category category, JobRole role, List<String> levels, String company, RoundType roundType,
        Difficulty difficulty, List<String> competencies) {

    public enum Kind { PUBLISHED, REVISED, RETIRED }

    static QuestionEvent of(Kind kind, Question q) {
        return new QuestionEvent(kind, q.id, q.slug, q.version, q.tenant, q.status, q.title, q.category, q.role,
                List.of(q.levels), q.company, q.roundType, q.difficulty, List.of(q.competencies));
    }
}
