package dev.debrief.question.loops;

import dev.debrief.contracts.EventType;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.question.loops.domain.Loop;
import dev.debrief.question.loops.domain.LoopRound;
import dev.debrief.question.taxonomy.JobRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

/** Creating and editing loops, each change announced (loop.published, loop.revised). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LoopBook {

    /** A loop as written by a client or the seed. */
    public record Definition(String slug, String title, String company, JobRole role, String description,
            List<LoopRound> rounds) {
    }

    private final LoopEvents events;
    private final Clock clock;

    public LoopBook(LoopEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public Loop create(String tenant, Definition d) {
        if (Loop.inScope(tenant, d.slug()).isPresent()) {
            throw ProblemException.conflict("a loop with slug " + d.slug() + " already exists");
        }
        checkPositions(d.rounds());
        Loop loop = Loop.create(tenant, d.slug(), clock.instant());
        loop.define(d.title(), d.company(), d.role(), d.description(), d.rounds(), clock.instant());
        loop.persist();
        events.loop(EventType.LOOP_PUBLISHED, loop);
        return loop;
    }

    /** @return whether anything changed (an identical definition makes no new version) */
    public boolean revise(Loop loop, Definition d) {
        checkPositions(d.rounds());
        if (loop.sameDefinition(d.title(), d.company(), d.role(), d.description(), d.rounds())) {
            return false;
        }
        loop.define(d.title(), d.company(), d.role(), d.description(), d.rounds(), clock.instant());
        events.loop(EventType.LOOP_REVISED, loop);
        return true;
    }

    public boolean upsert(String tenant, Definition d) {
        var existing = Loop.inScope(tenant, d.slug());
        if (existing.isEmpty()) {
            create(tenant, d);
            return true;
        }
        return revise(existing.get(), d);
    }

    private static void checkPositions(List<LoopRound> rounds) {
        var seen = new HashSet<Integer>();
        for (LoopRound r : rounds) {
            if (!seen.add(r.position())) {
                throw ProblemException.badRequest("rounds", "position " + r.position() + " appears twice");
            }
        }
    }
}
