package dev.debrief.question.loops;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.catalog.LoopChange;
import dev.debrief.contracts.catalog.LoopSnapshot;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.question.index.CatalogChanges;
import dev.debrief.question.loops.domain.Loop;
import dev.debrief.question.loops.domain.LoopEvent;
import dev.debrief.question.loops.domain.LoopRound;
import dev.debrief.question.taxonomy.JobRole;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Records the loop events the domain returns in the outbox, in the transaction of the change, and tells the
 * index a change is coming.
 */
@ApplicationScoped
public class LoopEvents {

    private final Outbox outbox;
    private final CatalogChanges changes;

    public LoopEvents(Outbox outbox, CatalogChanges changes) {
        this.outbox = outbox;
        this.changes = changes;
    }

    public void record(LoopEvent e) {
        EventType type = e.kind() == LoopEvent.Kind.PUBLISHED ? EventType.LOOP_PUBLISHED : EventType.LOOP_REVISED;
        outbox.publish(type, e.id(), e.tenant(), new LoopChange(e.id(), e.slug(), e.version(), e.tenant(),
                e.title(), e.company(), e.role().name(), snapshot(e.slug(), e.title(), e.company(), e.role(), e.rounds())));
        changes.afterCommit();
    }

    /** The contract view of a loop, as session-service reads it and as its events carry it. */
    public static LoopSnapshot snapshot(Loop loop) {
        return snapshot(loop.slug, loop.title, loop.company, loop.role, loop.rounds);
    }

    private static LoopSnapshot snapshot(String slug, String title, String company, JobRole role,
            List<LoopRound> rounds) {
        return new LoopSnapshot(slug, title, company, role.name(), rounds.stream()
                .map(r -> new LoopSnapshot.Round(r.position(), r.name(), r.roundType().name(), r.minutes(),
                        r.questionCount()))
                .toList());
    }
}
