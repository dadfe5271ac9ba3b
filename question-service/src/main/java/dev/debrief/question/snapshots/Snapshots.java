package dev.debrief.question.snapshots;

import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.question.catalog.domain.QuestionContent;

import java.util.UUID;

/** The contract view session-service reads of one question version. */
public final class Snapshots {

    private Snapshots() {
    }

    /** The reference query only for who may see answer keys (session-service's own identity, coaches, authors). */
    public static QuestionSnapshot of(UUID id, int version, String slug, QuestionContent c, boolean answerKey) {
        return of(id, version, slug, answerKey ? c : c.withoutAnswerKey());
    }

    static QuestionSnapshot of(UUID id, int version, String slug, QuestionContent c) {
        return new QuestionSnapshot(id, version, slug, c.title(), c.prompt(), c.category().name(),
                c.roundType().name(), c.answerFormat(), c.rubric(), c.timeBudgetSeconds(),
                c.followUps().stream().map(f -> new QuestionSnapshot.FollowUp(f.prompt(), f.atSecond())).toList(),
                c.constraints().stream().map(k -> new QuestionSnapshot.Constraint(k.text(), k.atSecond())).toList(),
                c.sql() == null ? null : c.sql().referenceQuery());
    }
}
