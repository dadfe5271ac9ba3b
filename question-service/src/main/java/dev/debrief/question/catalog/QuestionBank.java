package dev.debrief.question.catalog;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.question.catalog.domain.IllegalStatusMove;
import dev.debrief.question.catalog.domain.Question;
import dev.debrief.question.catalog.domain.QuestionContent;
import dev.debrief.question.catalog.domain.QuestionEvent;
import dev.debrief.question.catalog.domain.QuestionStatus;
import dev.debrief.question.catalog.domain.QuestionVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The use case of every change to a question, in the caller's transaction: a new immutable version per edit,
 * the moves of its status, and the events the domain returns for them, recorded in the outbox. A move the
 * domain refuses is a 409.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class QuestionBank {

    /** What an upsert did, for import reports and the seed loader. */
    public enum Outcome { CREATED, REVISED, UNCHANGED }

    private final CatalogEvents events;
    private final Clock clock;

    public QuestionBank(CatalogEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public Question create(String tenant, String slug, QuestionStatus status, QuestionContent content, String by) {
        if (Question.inScope(tenant, slug).isPresent()) {
            throw ProblemException.conflict("a question with slug " + slug + " already exists");
        }
        QuestionContent normalised = content.normalised();
        Question q = Question.create(tenant, slug, status, normalised, by, clock.instant());
        q.persist();
        QuestionVersion.of(q, normalised, by, clock.instant()).persist();
        events.record(q.created());
        return q;
    }

    /** @return whether a new version was made: identical content makes none */
    public boolean revise(Question q, QuestionContent content, String by) {
        QuestionContent normalised = content.normalised();
        if (normalised.equals(QuestionVersion.current(q).content)) {
            return false;
        }
        QuestionEvent revised = q.revise(normalised, clock.instant());
        QuestionVersion.of(q, normalised, by, clock.instant()).persist();
        events.record(revised);
        return true;
    }

    public void publish(Question q) {
        events.record(allowed(() -> q.publish(clock.instant())));
    }

    public void retire(Question q) {
        events.record(allowed(() -> q.retire(clock.instant())));
    }

    /** Creates or revises by slug, then moves to {@code status} if it differs (legal moves only). */
    public Outcome upsert(String tenant, String slug, QuestionStatus status, QuestionContent content, String by) {
        var existing = Question.inScope(tenant, slug);
        if (existing.isEmpty()) {
            Question q = create(tenant, slug, status == null ? QuestionStatus.PUBLISHED : status, content, by);
            if (status == QuestionStatus.RETIRED) {
                publish(q);
                retire(q);
            }
            return Outcome.CREATED;
        }
        Question q = existing.get();
        boolean revised = revise(q, content, by);
        boolean moved = false;
        if (status != null && status != q.status) {
            events.record(allowed(() -> q.moveTo(status, clock.instant())));
            moved = true;
        }
        return revised || moved ? Outcome.REVISED : Outcome.UNCHANGED;
    }

    private static QuestionEvent allowed(Supplier<QuestionEvent> move) {
        try {
            return move.get();
        } catch (IllegalStatusMove e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }
}
