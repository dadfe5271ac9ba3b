package dev.debrief.question.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.question.catalog.QuestionInput;
import dev.debrief.question.catalog.domain.QuestionContent;
import dev.debrief.question.catalog.domain.QuestionStatus;
import dev.debrief.contracts.AnswerFormat;
import dev.debrief.question.taxonomy.Category;
import dev.debrief.question.taxonomy.Competency;
import dev.debrief.question.taxonomy.Difficulty;
import dev.debrief.question.taxonomy.JobRole;
import dev.debrief.question.taxonomy.Level;
import dev.debrief.question.taxonomy.RoundType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A question as one CSV row: plain columns for scalars, lists joined with {@code |}, and the nested parts
 * (follow-ups, constraints, exemplars, SQL) as JSON in their cell, so export then import is exact.
 */
final class QuestionCsv {

    static final List<String> HEADER = List.of("slug", "status", "title", "prompt", "category", "role", "levels",
            "company", "roundType", "competencies", "tags", "timeBudgetSeconds", "difficulty", "rubric",
            "answerFormat", "source", "followUps", "constraints", "exemplars", "sql");

    /** A cell that could not be read: its column and why. */
    static final class CellException extends RuntimeException {
        final String field;

        CellException(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private QuestionCsv() {
    }

    static List<String> row(QuestionInput q, ObjectMapper mapper) {
        return List.of(q.slug(), q.status() == null ? "" : q.status().name(), q.title(), q.prompt(),
                q.category().name(), q.role().name(), names(q.levels()), nz(q.company()), q.roundType().name(),
                names(q.competencies()), String.join("|", q.tags()), String.valueOf(q.timeBudgetSeconds()),
                q.difficulty().name(), q.rubric(), q.answerFormat().name(), nz(q.source()),
                json(q.followUps(), mapper), json(q.constraints(), mapper), json(q.exemplars(), mapper),
                q.sql() == null ? "" : json(q.sql(), mapper));
    }

    static QuestionInput read(Map<String, String> cells, ObjectMapper mapper) {
        return new QuestionInput(
                blank(cells.get("slug")),
                cells.get("status") == null || cells.get("status").isBlank() ? null
                        : enumOf("status", cells.get("status"), QuestionStatus.class),
                blank(cells.get("title")), blank(cells.get("prompt")),
                enumOf("category", cells.get("category"), Category.class),
                enumOf("role", cells.get("role"), JobRole.class),
                list("levels", cells.get("levels"), v -> enumOf("levels", v, Level.class)),
                blank(cells.get("company")),
                enumOf("roundType", cells.get("roundType"), RoundType.class),
                list("competencies", cells.get("competencies"), v -> enumOf("competencies", v, Competency.class)),
                list("tags", cells.get("tags"), Function.identity()),
                integer("timeBudgetSeconds", cells.get("timeBudgetSeconds")),
                enumOf("difficulty", cells.get("difficulty"), Difficulty.class),
                blank(cells.get("rubric")),
                enumOf("answerFormat", cells.get("answerFormat"), AnswerFormat.class),
                blank(cells.get("source")),
                nested("followUps", cells.get("followUps"), new TypeReference<List<QuestionContent.FollowUp>>() { }, mapper),
                nested("constraints", cells.get("constraints"), new TypeReference<List<QuestionContent.Constraint>>() { }, mapper),
                nested("exemplars", cells.get("exemplars"), new TypeReference<List<QuestionContent.Exemplar>>() { }, mapper),
                nested("sql", cells.get("sql"), new TypeReference<QuestionContent.SqlSpec>() { }, mapper));
    }

    private static String names(List<? extends Enum<?>> values) {
        return String.join("|", values.stream().map(Enum::name).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String json(Object value, ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <E extends Enum<E>> E enumOf(String field, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new CellException(field, "has an invalid value '" + (value.length() > 40 ? value.substring(0, 40) : value)
                    + "' (one of " + Arrays.toString(type.getEnumConstants()) + ")");
        }
    }

    private static <T> List<T> list(String field, String value, Function<String, T> each) {
        List<T> out = new ArrayList<>();
        if (value != null && !value.isEmpty()) {
            for (String part : value.split("\\|", -1)) {
                out.add(each.apply(part));
            }
        }
        return out;
    }

    private static Integer integer(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new CellException(field, "must be a whole number");
        }
    }

    private static <T> T nested(String field, String value, TypeReference<T> type, ObjectMapper mapper) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new CellException(field, "must be JSON of the documented shape");
        }
    }
}
