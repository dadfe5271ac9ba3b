package dev.debrief.question.loops;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.catalog.LoopChange;
import dev.debrief.contracts.catalog.LoopSnapshot;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.question.index.CatalogChanges;
import dev.debrief.question.loops.domain.Loop;
import jakarta.enterprise.context.ApplicationScoped;

/** Announces loop changes through the outbox, in the transaction of the change. */
@ApplicationScoped
public class LoopEvents {

    private final Outbox outbox;
    private final CatalogChanges changes;

    public LoopEvents(Outbox outbox, CatalogChanges changes) {
        this.outbox = outbox;
        this.changes = changes;
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
