package dev.debrief.question.loops;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.question.loops.domain.InvalidRounds;
import dev.debrief.question.loops.domain.Loop;
import dev.debrief.question.loops.domain.LoopDefinition;
import dev.debrief.question.loops.domain.LoopEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The use case of creating and editing loops, in the caller's transaction: the events the domain returns
 * (loop.published, loop.revised) are recorded in the outbox; rounds the domain refuses are a 400.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LoopBook {

    private final LoopEvents events;
    private final Clock clock;

    public LoopBook(LoopEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public Loop create(String tenant, LoopDefinition d) {
        if (Loop.inScope(tenant, d.slug()).isPresent()) {
            throw ProblemException.conflict("a loop with slug " + d.slug() + " already exists");
        }
        Loop loop = valid(() -> Loop.create(tenant, d, clock.instant()));
        loop.persist();
        events.record(loop.published());
        return loop;
    }

    /** @return whether anything changed (an identical definition makes no new version) */
    public boolean revise(Loop loop, LoopDefinition d) {
        Optional<LoopEvent> revised = valid(() -> loop.revise(d, clock.instant()));
        revised.ifPresent(events::record);
        return revised.isPresent();
    }

    public boolean upsert(String tenant, LoopDefinition d) {
        var existing = Loop.inScope(tenant, d.slug());
        if (existing.isEmpty()) {
            create(tenant, d);
            return true;
        }
        return revise(existing.get(), d);
    }

    private static <T> T valid(Supplier<T> change) {
        try {
            return change.get();
        } catch (InvalidRounds e) {
            throw ProblemException.badRequest("rounds", e.getMessage());
        }
    }
}
