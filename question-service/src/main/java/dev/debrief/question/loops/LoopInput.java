package dev.debrief.question.loops;

import dev.debrief.question.loops.domain.LoopDefinition;
import dev.debrief.question.loops.domain.LoopRound;
import dev.debrief.question.taxonomy.JobRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A loop as a client defines it. */
public record LoopInput(
        @NotBlank @Size(max = 120) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String slug,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 80) String company,
        @NotNull JobRole role,
        @Size(max = 4000) String description,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid LoopRound> rounds) {

    LoopDefinition definition() {
        return new LoopDefinition(slug, title, company, role, description, rounds);
    }
}
