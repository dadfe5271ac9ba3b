package dev.debrief.scoring.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a candidate's rows with the reference rows, order-insensitively (numbers to two decimals, column
 * names ignored), and explains a difference with the figures and the traps the inspection found.
 */
public final class ResultComparator {

    private ResultComparator() {
    }

    public static SqlOutcome compare(SqlSandbox.Rows candidate, SqlSandbox.Rows reference, List<SqlInspector.Trap> traps) {
        List<String> differences = new ArrayList<>();
        boolean matches = candidate.columns().size() == reference.columns().size()
                && counts(candidate).equals(counts(reference)) && !candidate.truncated();
        if (!matches) {
            if (candidate.columns().size() != reference.columns().size()) {
                differences.add("It returns " + candidate.columns().size() + " column(s) where the reference returns "
                        + reference.columns().size() + ".");
            }
            if (candidate.rows().size() != reference.rows().size()) {
                differences.add("It returns " + candidate.rows().size() + " row(s) where the reference returns "
                        + reference.rows().size() + (candidate.truncated() ? " (cut off at the row cap)" : "") + ".");
            }
            BigDecimal mine = total(candidate);
            BigDecimal theirs = total(reference);
            if (mine.signum() != 0 && theirs.signum() != 0 && mine.compareTo(theirs) != 0) {
                BigDecimal change = mine.subtract(theirs).multiply(BigDecimal.valueOf(100))
                        .divide(theirs.abs(), 1, RoundingMode.HALF_UP);
                differences.add("Its numbers add up to " + mine.setScale(2, RoundingMode.HALF_UP) + " against the reference's "
                        + theirs.setScale(2, RoundingMode.HALF_UP) + " (" + (change.signum() > 0 ? "+" : "") + change
                        + "%)" + (change.signum() > 0 ? ", inflated." : ", deflated."));
            }
            if (differences.isEmpty()) {
                differences.add("The same shape as the reference, but different values.");
            }
            traps.forEach(t -> differences.add(t.explanation()));
        }
        return new SqlOutcome(true, matches, null, candidate.rows().size(), reference.rows().size(), List.copyOf(differences));
    }

    private static Map<List<Object>, Integer> counts(SqlSandbox.Rows rows) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (List<Object> row : rows.rows()) {
            List<Object> normal = row.stream().map(ResultComparator::normal).toList();
            counts.merge(normal, 1, Integer::sum);
        }
        return counts;
    }

    private static Object normal(Object value) {
        if (value instanceof BigDecimal number) {
            return number.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        return value == null ? "<null>" : value.toString();
    }

    /** The sum of every numeric cell: a coarse but telling figure for inflated or deflated results. */
    private static BigDecimal total(SqlSandbox.Rows rows) {
        BigDecimal total = BigDecimal.ZERO;
        for (List<Object> row : rows.rows()) {
            for (Object value : row) {
                if (value instanceof BigDecimal number) {
                    total = total.add(number);
                }
            }
        }
        return total;
    }
}
