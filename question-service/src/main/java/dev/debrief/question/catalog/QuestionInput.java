package dev.debrief.question.catalog;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.debrief.question.catalog.domain.QuestionContent;
import dev.debrief.question.catalog.domain.QuestionContent.Constraint;
import dev.debrief.question.catalog.domain.QuestionContent.Exemplar;
import dev.debrief.question.catalog.domain.QuestionContent.FollowUp;
import dev.debrief.question.catalog.domain.QuestionStatus;
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

/**
 * A question as clients write it (create, update, one line of a bulk import) and as export writes it, so an
 * export re-imports exactly. {@code status} is optional: on create it defaults to PUBLISHED.
 */
@JsonPropertyOrder({ "slug", "status", "title", "prompt", "category", "role", "levels", "company", "roundType",
        "competencies", "tags", "timeBudgetSeconds", "difficulty", "rubric", "answerFormat", "source", "followUps",
        "constraints", "exemplars", "sql" })
public record QuestionInput(
        @NotBlank @Size(max = 120) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String slug,
        QuestionStatus status,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String prompt,
        @NotNull Category category,
        @NotNull JobRole role,
        @Size(max = 7) List<@NotNull Level> levels,
        @Size(max = 80) String company,
        @NotNull RoundType roundType,
        @Size(max = 19) List<@NotNull Competency> competencies,
        @Size(max = 20) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[^|]*", message = "must not contain |") String> tags,
        @NotNull @Min(30) @Max(7200) Integer timeBudgetSeconds,
        @NotNull Difficulty difficulty,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String rubric,
        @NotNull AnswerFormat answerFormat,
        @Size(max = 500) String source,
        @Size(max = 20) List<@NotNull @Valid FollowUp> followUps,
        @Size(max = 20) List<@NotNull @Valid Constraint> constraints,
        @Size(max = 10) List<@NotNull @Valid Exemplar> exemplars,
        @Valid QuestionContent.SqlSpec sql) {

    public QuestionContent content() {
        return new QuestionContent(title, prompt, category, role, levels, company, roundType, competencies, tags,
                timeBudgetSeconds, difficulty, rubric, answerFormat, source, followUps, constraints, exemplars, sql)
                .normalised();
    }

    public static QuestionInput of(String slug, QuestionStatus status, QuestionContent c) {
        return new QuestionInput(slug, status, c.title(), c.prompt(), c.category(), c.role(), c.levels(), c.company(),
                c.roundType(), c.competencies(), c.tags(), c.timeBudgetSeconds(), c.difficulty(), c.rubric(),
                c.answerFormat(), c.source(), c.followUps(), c.constraints(), c.exemplars(), c.sql());
    }
}
