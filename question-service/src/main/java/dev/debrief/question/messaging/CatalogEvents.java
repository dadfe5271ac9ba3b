package dev.debrief.question.messaging;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.catalog.LoopChange;
import dev.debrief.contracts.catalog.LoopSnapshot;
import dev.debrief.contracts.catalog.QuestionChange;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.question.domain.Loop;
import dev.debrief.question.domain.Question;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Announces catalog changes through the outbox, in the transaction of the change. */
@ApplicationScoped
public class CatalogEvents {

    private final Outbox outbox;
    private final CatalogChanges changes;

    public CatalogEvents(Outbox outbox, CatalogChanges changes) {
        this.outbox = outbox;
        this.changes = changes;
    }

    public void question(EventType type, Question q) {
        outbox.publish(type, q.id, q.tenant, new QuestionChange(q.id, q.slug, q.version, q.tenant, q.status.name(),
                q.title, q.category.name(), q.role.name(), List.of(q.levels), q.company, q.roundType.name(),
                q.difficulty.name(), List.of(q.competencies)));
        changes.afterCommit();
    }

    public void loop(EventType type, Loop loop) {
        outbox.publish(type, loop.id, loop.tenant, new LoopChange(loop.id, loop.slug, loop.version, loop.tenant,
                loop.title, loop.company, loop.role.name(), snapshot(loop)));
        changes.afterCommit();
    }

    public static LoopSnapshot snapshot(Loop loop) {
        return new LoopSnapshot(loop.slug, loop.title, loop.company, loop.role.name(), loop.rounds.stream()
                .map(r -> new LoopSnapshot.Round(r.position(), r.name(), r.roundType().name(), r.minutes(),
                        r.questionCount()))
                .toList());
    }
}
