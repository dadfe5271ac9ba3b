package dev.debrief.question.catalog;

import dev.debrief.kit.problem.ProblemException;
import dev.debrief.contracts.AnswerFormat;
import dev.debrief.question.taxonomy.Category;
import dev.debrief.question.taxonomy.Competency;
import dev.debrief.question.taxonomy.Difficulty;
import dev.debrief.question.taxonomy.JobRole;
import dev.debrief.question.taxonomy.Level;
import dev.debrief.question.catalog.domain.QuestionStatus;
import dev.debrief.question.taxonomy.RoundType;
import dev.debrief.question.index.QuestionFilter;
import dev.debrief.question.index.SortOrder;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Arrays;
import java.util.List;

/**
 * The query string of a list or search, checked: enum values must exist, text has limits, pagination is
 * bounded. Any violation is a 400 naming the parameter ({@code query.<name>}).
 */
record ListQuery(QuestionFilter filter, SortOrder sort, int page, int size) {

    static final int MAX_SIZE = 100;
    /** Deep offsets get slow and are not how people browse; past this, narrow the filter. */
    static final int MAX_OFFSET = 10_000;

    static ListQuery parse(MultivaluedMap<String, String> params) {
        String text = single(params, "q", 200);
        if (text != null && text.isBlank()) {
            text = null;
        }
        String scope = single(params, "scope", 10);
        if (scope != null && !scope.equals("public") && !scope.equals("firm")) {
            throw ProblemException.badRequest("query.scope", "must be public or firm");
        }
        QuestionFilter filter = new QuestionFilter(
                enums(params, "category", Category.class),
                enums(params, "role", JobRole.class),
                enums(params, "level", Level.class),
                texts(params, "company", 80),
                enums(params, "roundType", RoundType.class),
                enums(params, "competency", Competency.class),
                texts(params, "tag", 40),
                enums(params, "difficulty", Difficulty.class),
                enums(params, "answerFormat", AnswerFormat.class),
                texts(params, "rubric", 64),
                enums(params, "status", QuestionStatus.class),
                scope, text);
        String sortParam = single(params, "sort", 20);
        SortOrder sort = sortParam == null
                ? (text != null ? SortOrder.RELEVANCE : SortOrder.TITLE)
                : SortOrder.of(sortParam).orElseThrow(() -> ProblemException.badRequest("query.sort",
                        "must be one of " + SortOrder.allowed()));
        if (sort == SortOrder.RELEVANCE && text == null) {
            throw ProblemException.badRequest("query.sort", "relevance needs a search text q");
        }
        int page = number(params, "page", 0, 0, Integer.MAX_VALUE);
        int size = number(params, "size", 20, 1, MAX_SIZE);
        if ((long) page * size > MAX_OFFSET) {
            throw ProblemException.badRequest("query.page", "page × size must stay within " + MAX_OFFSET
                    + "; narrow the filter instead");
        }
        return new ListQuery(filter, sort, page, size);
    }

    private static <E extends Enum<E>> List<String> enums(MultivaluedMap<String, String> params, String name,
            Class<E> type) {
        List<String> values = values(params, name);
        for (String value : values) {
            try {
                Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("query." + name, "has an invalid value '" + clip(value)
                        + "' (one of " + Arrays.toString(type.getEnumConstants()) + ")");
            }
        }
        return values;
    }

    private static List<String> texts(MultivaluedMap<String, String> params, String name, int max) {
        List<String> values = values(params, name);
        for (String value : values) {
            if (value.length() > max) {
                throw ProblemException.badRequest("query." + name, "must be at most " + max + " characters");
            }
        }
        return values;
    }

    private static List<String> values(MultivaluedMap<String, String> params, String name) {
        List<String> raw = params.get(name);
        if (raw == null) {
            return List.of();
        }
        List<String> values = raw.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).distinct().sorted().toList();
        if (values.size() > 20) {
            throw ProblemException.badRequest("query." + name, "at most 20 values");
        }
        return values;
    }

    private static String single(MultivaluedMap<String, String> params, String name, int max) {
        List<String> raw = params.get(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.size() > 1) {
            throw ProblemException.badRequest("query." + name, "must be given once");
        }
        if (raw.get(0).length() > max) {
            throw ProblemException.badRequest("query." + name, "must be at most " + max + " characters");
        }
        return raw.get(0);
    }

    private static int number(MultivaluedMap<String, String> params, String name, int fallback, int min, int max) {
        String raw = single(params, name, 12);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw ProblemException.badRequest("query." + name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("query." + name, "must be a whole number");
        }
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
