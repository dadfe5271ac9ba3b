package dev.debrief.question.loops;

import dev.debrief.question.loops.domain.Loop;
import dev.debrief.question.loops.domain.LoopRound;
import dev.debrief.question.taxonomy.JobRole;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A loop with its rounds and how many questions each draws. */
public record LoopView(UUID id, String slug, String tenant, int version, String title, String company, JobRole role,
        String description, int totalMinutes, List<RoundView> rounds, Instant updatedAt) {

    public record RoundView(int position, String name, String roundType, int minutes, String description,
            int questionCount, List<LoopRound.Draw> draws) {
    }

    static LoopView of(Loop l) {
        return new LoopView(l.id, l.slug, l.tenant, l.version, l.title, l.company, l.role, l.description,
                l.rounds.stream().mapToInt(LoopRound::minutes).sum(),
                l.rounds.stream().map(r -> new RoundView(r.position(), r.name(), r.roundType().name(), r.minutes(),
                        r.description(), r.questionCount(), r.draws())).toList(),
                l.updatedAt);
    }
}
