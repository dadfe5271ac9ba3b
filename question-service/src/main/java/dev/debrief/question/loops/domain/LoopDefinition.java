package dev.debrief.question.loops.domain;

import dev.debrief.question.taxonomy.JobRole;

import java.util.List;

/** A loop as written by a client or the seed. */
public record LoopDefinition(String slug, String title, String company, JobRole role, String description,
        List<LoopRound> rounds) {
}
