package dev.debrief.question.loops.domain;

import dev.debrief.question.taxonomy.Category;
import dev.debrief.question.taxonomy.RoundType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** One round of a loop: its length and which kinds of question it draws, how many of each. */
public record LoopRound(
        @Min(1) @Max(20) int position,
        @NotBlank @Size(max = 120) String name,
        @NotNull RoundType roundType,
        @Min(5) @Max(480) int minutes,
        @Size(max = 2000) String description,
        @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid Draw> draws) {

    /** Draw {@code count} questions of {@code category} for this round. */
    public record Draw(@NotNull Category category, @Min(1) @Max(20) int count) {
    }

    public int questionCount() {
        return draws.stream().mapToInt(Draw::count).sum();
    }
}
