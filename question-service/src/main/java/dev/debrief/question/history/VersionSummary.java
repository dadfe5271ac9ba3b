package dev.debrief.question.history;

import dev.debrief.question.catalog.domain.QuestionStatus;
import dev.debrief.question.catalog.domain.QuestionVersion;

import java.time.Instant;

/** One line of a question's history. */
public record VersionSummary(int version, QuestionStatus status, String title, Instant createdAt, String createdBy) {

    static VersionSummary of(QuestionVersion v) {
        return new VersionSummary(v.key.version(), v.status, v.content.title(), v.createdAt, v.createdBy);
    }
}
