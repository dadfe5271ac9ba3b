package dev.debrief.question.api;

import dev.debrief.question.domain.JobRole;
import dev.debrief.question.domain.LoopBook;
import dev.debrief.question.domain.LoopRound;
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

    LoopBook.Definition definition() {
        return new LoopBook.Definition(slug, title, company, role, description, rounds);
    }
}
