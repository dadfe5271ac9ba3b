package dev.debrief.question.loops.domain;

import dev.debrief.question.taxonomy.JobRole;

import java.util.List;
import java.util.UUID;

/** What a change to a loop announces, with the loop as it was then. The use case records it in the outbox. */
public record LoopEvent(Kind kind, UUID id, String slug, int version, String tenant, String title, String company,
        JobRole role, List<LoopRound> rounds) {

    public enum Kind { PUBLISHED, REVISED }

    static LoopEvent of(Kind kind, Loop loop) {
        return new LoopEvent(kind, loop.id, loop.slug, loop.version, loop.tenant, loop.title, loop.company,
                loop.role, loop.rounds);
    }
}
