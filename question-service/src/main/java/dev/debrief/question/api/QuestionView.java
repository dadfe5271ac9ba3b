package dev.debrief.question.api;

import dev.debrief.question.domain.Question;
import dev.debrief.question.domain.QuestionContent;
import dev.debrief.question.domain.QuestionStatus;
import dev.debrief.question.domain.QuestionVersion;

import java.time.Instant;
import java.util.UUID;

/** A question at one version, with everything it says. */
public record QuestionView(UUID id, String slug, String tenant, QuestionStatus status, int version,
        int currentVersion, Instant createdAt, Instant versionCreatedAt, QuestionContent content) {

    static QuestionView of(Question q, QuestionVersion v) {
        return new QuestionView(q.id, q.slug, q.tenant, q.status, v.key.version(), q.version, q.createdAt,
                v.createdAt, v.content);
    }

    /** Exemplars and the reference query only for who may see answer keys. */
    static QuestionView of(Question q, QuestionVersion v, Access access) {
        QuestionView view = of(q, v);
        return access.seesAnswerKeys() ? view : new QuestionView(view.id, view.slug, view.tenant, view.status,
                view.version, view.currentVersion, view.createdAt, view.versionCreatedAt, view.content.withoutAnswerKey());
    }
}
