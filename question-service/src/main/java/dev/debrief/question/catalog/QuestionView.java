package dev.debrief.question.catalog;

import dev.debrief.question.catalog.domain.Question;
import dev.debrief.question.catalog.domain.QuestionContent;
import dev.debrief.question.catalog.domain.QuestionStatus;
import dev.debrief.question.catalog.domain.QuestionVersion;

import java.time.Instant;
import java.util.UUID;

/** A question at one version, with everything it says. */
public record QuestionView(UUID id, String slug, String tenant, QuestionStatus status, int version,
        int currentVersion, Instant createdAt, Instant versionCreatedAt, QuestionContent content) {

    public static QuestionView of(Question q, QuestionVersion v) {
        return new QuestionView(q.id, q.slug, q.tenant, q.status, v.key.version(), q.version, q.createdAt,
                v.createdAt, v.content);
    }

    /** Exemplars and the reference query only for who may see answer keys. */
    public static QuestionView of(Question q, QuestionVersion v, Access access) {
        return of(q, v).forCaller(access);
    }

    /** This view as the caller may see it: without exemplars and reference query unless they may see answer keys. */
    QuestionView forCaller(Access access) {
        return access.seesAnswerKeys() ? this : new QuestionView(id, slug, tenant, status, version, currentVersion,
                createdAt, versionCreatedAt, content.withoutAnswerKey());
    }
}
