package dev.debrief.question.importing;

import dev.debrief.kit.problem.Problem;

import java.util.List;

/**
 * What an import did, row by row. Rows count from 1 (for CSV the header is row 0). In all-or-nothing mode a
 * single failing row means {@code committed} is false and nothing was changed.
 */
public record ImportReport(String format, String mode, boolean committed, int total, int created, int revised,
        int unchanged, int failed, List<Row> rows) {

    public record Row(int row, String slug, String outcome, List<Problem.FieldError> errors) {
    }
}
