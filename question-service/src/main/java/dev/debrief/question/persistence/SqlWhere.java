package dev.debrief.question.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A where clause built from a filter with every value bound as a parameter: nothing is spliced into SQL. */
final class SqlWhere {

    final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    static SqlWhere of(QuestionFilter f, QuestionFilter.Visibility v) {
        SqlWhere w = new SqlWhere();
        if (v.tenant() == null) {
            w.sql.append("q.tenant is null");
        } else {
            w.sql.append("(q.tenant is null or q.tenant = ?)");
            w.params.add(v.tenant());
        }
        // readers see published questions; editors also see the drafts and retired questions they may edit
        w.sql.append(" and (q.status = 'PUBLISHED'");
        if (v.editsPublic()) {
            w.sql.append(" or q.tenant is null");
        }
        if (v.editsFirm() && v.tenant() != null) {
            w.sql.append(" or q.tenant = ?");
            w.params.add(v.tenant());
        }
        w.sql.append(')');
        if (f.statuses().isEmpty()) {
            w.sql.append(" and q.status <> 'RETIRED'");
        }
        if ("public".equals(f.scope())) {
            w.sql.append(" and q.tenant is null");
        } else if ("firm".equals(f.scope())) {
            w.sql.append(" and q.tenant is not null");
        }
        w.anyOf("q.status", f.statuses());
        w.anyOf("q.category", f.categories());
        w.anyOf("q.role", f.roles());
        w.overlaps("q.levels", f.levels());
        w.anyOf("q.company", f.companies());
        w.anyOf("q.round_type", f.roundTypes());
        w.overlaps("q.competencies", f.competencies());
        w.overlaps("q.tags", f.tags());
        w.anyOf("q.difficulty", f.difficulties());
        w.anyOf("q.answer_format", f.answerFormats());
        w.anyOf("q.rubric", f.rubrics());
        if (f.text() != null) {
            w.sql.append(" and q.search @@ query");
        }
        return w;
    }

    private void anyOf(String column, List<String> values) {
        if (values.size() == 1) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(values.get(0));
        } else if (!values.isEmpty()) {
            sql.append(" and ").append(column).append(" = any(?)");
            params.add(values.toArray(String[]::new));
        }
    }

    private void overlaps(String column, List<String> values) {
        if (!values.isEmpty()) {
            sql.append(" and ").append(column).append(" && ?::text[]");
            params.add(values.toArray(String[]::new));
        }
    }

    /** Binds the parameters from index {@code first}; returns the next free index. */
    int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object p : params) {
            if (p instanceof String[] array) {
                ps.setArray(i++, c.createArrayOf("text", array));
            } else {
                ps.setString(i++, (String) p);
            }
        }
        return i;
    }
}
