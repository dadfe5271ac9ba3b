package dev.debrief.question.catalog.domain;

import dev.debrief.contracts.AnswerFormat;
import dev.debrief.question.taxonomy.Category;
import dev.debrief.question.taxonomy.Competency;
import dev.debrief.question.taxonomy.Difficulty;
import dev.debrief.question.taxonomy.JobRole;
import dev.debrief.question.taxonomy.Level;
import dev.debrief.question.taxonomy.RoundType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;

/**
 * Everything one version of a question says. Immutable: an edit makes a new version with new content.
 * The limits here are the catalog's, checked on every way in (REST, bulk import, seed).
 */
public record QuestionContent(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String prompt,
        @NotNull Category category,
        @NotNull JobRole role,
        @NotNull @Size(max = 7) List<@NotNull Level> levels,
        @Size(max = 80) String company,
        @NotNull RoundType roundType,
        @NotNull @Size(max = 19) List<@NotNull Competency> competencies,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[^|]*", message = "must not contain |") String> tags,
        @Min(30) @Max(7200) int timeBudgetSeconds,
        @NotNull Difficulty difficulty,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String rubric,
        @NotNull AnswerFormat answerFormat,
        @Size(max = 500) String source,
        @NotNull @Size(max = 20) List<@NotNull @Valid FollowUp> followUps,
        @NotNull @Size(max = 20) List<@NotNull @Valid Constraint> constraints,
        @NotNull @Size(max = 10) List<@NotNull @Valid Exemplar> exemplars,
        @Valid SqlSpec sql) {

    /** A probe the interviewer may ask, {@code atSecond} into the answer in self-practice. */
    public record FollowUp(@NotBlank @Size(max = 1000) String prompt, @Min(0) @Max(7200) int atSecond) {
    }

    /** A constraint sprung mid-answer. */
    public record Constraint(@NotBlank @Size(max = 1000) String text, @Min(0) @Max(7200) int atSecond) {
    }

    /** A strong or weak answer, and why it is one. */
    public record Exemplar(@NotNull ExemplarQuality quality, @NotBlank @Size(max = 8000) String answer,
            @NotBlank @Size(max = 2000) String why) {
    }

    /** The reference query of a SQL question and the traps it hides. */
    public record SqlSpec(@NotBlank @Size(max = 8000) String referenceQuery,
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> pitfalls) {
    }

    /** Absent lists become empty and blank optional text becomes absent, so every way in stores the same thing. */
    public QuestionContent normalised() {
        return new QuestionContent(title, prompt, category, role, orEmpty(levels), blankToNull(company), roundType,
                orEmpty(competencies), orEmpty(tags), timeBudgetSeconds, difficulty, rubric, answerFormat,
                blankToNull(source), orEmpty(followUps), orEmpty(constraints), orEmpty(exemplars),
                sql == null ? null : new SqlSpec(sql.referenceQuery(), orEmpty(sql.pitfalls())));
    }

    /** What a candidate may read: no exemplars and no reference query or pitfalls (the answer key). */
    public QuestionContent withoutAnswerKey() {
        return new QuestionContent(title, prompt, category, role, levels, company, roundType, competencies, tags,
                timeBudgetSeconds, difficulty, rubric, answerFormat, source, followUps, constraints, List.of(), null);
    }

    /** The text full-text search reads besides title and prompt: follow-up probes and tags. */
    public String searchExtra() {
        StringBuilder text = new StringBuilder();
        followUps.forEach(f -> text.append(f.prompt()).append('\n'));
        text.append(String.join(" ", tags));
        return text.toString();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
