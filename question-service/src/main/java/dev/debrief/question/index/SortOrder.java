package dev.debrief.question.index;

import java.util.Arrays;
import java.util.Optional;

/** The orders a list may ask for; each ends on the id so pages never overlap or skip. */
public enum SortOrder {
    TITLE("title", "q.title asc, q.id asc"),
    TITLE_DESC("-title", "q.title desc, q.id desc"),
    UPDATED("updatedAt", "q.updated_at asc, q.id asc"),
    UPDATED_DESC("-updatedAt", "q.updated_at desc, q.id desc"),
    DIFFICULTY("difficulty", "case q.difficulty when 'EASY' then 0 when 'MEDIUM' then 1 else 2 end asc, q.title asc, q.id asc"),
    DIFFICULTY_DESC("-difficulty", "case q.difficulty when 'EASY' then 0 when 'MEDIUM' then 1 else 2 end desc, q.title asc, q.id asc"),
    TIME_BUDGET("timeBudget", "q.time_budget_seconds asc, q.id asc"),
    TIME_BUDGET_DESC("-timeBudget", "q.time_budget_seconds desc, q.id asc"),
    RELEVANCE("relevance", "rank desc, q.id asc");

    private final String param;
    private final String sql;

    SortOrder(String param, String sql) {
        this.param = param;
        this.sql = sql;
    }

    public String param() {
        return param;
    }

    String sql() {
        return sql;
    }

    public static Optional<SortOrder> of(String param) {
        return Arrays.stream(values()).filter(s -> s.param.equals(param)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(SortOrder::param).toList());
    }
}
