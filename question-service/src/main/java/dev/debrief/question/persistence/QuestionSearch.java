package dev.debrief.question.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Listing, faceting and full-text search over the current-version table with plain JDBC: one query for a
 * page, one for all facet counts; no entities, no N+1. Text search is PostgreSQL's own: the stored
 * tsvector, its GIN index, websearch_to_tsquery (which accepts any text as a query, never as SQL) and ts_rank.
 */
@ApplicationScoped
public class QuestionSearch {

    private static final String COLUMNS = "q.id, q.slug, q.version, q.status, q.tenant, q.title, left(q.prompt, 160), "
            + "q.category, q.role, q.levels, q.company, q.round_type, q.competencies, q.tags, q.difficulty, "
            + "q.time_budget_seconds, q.answer_format, q.rubric, q.updated_at";
    private static final String QUERY = ", websearch_to_tsquery('english', ?) query";

    /** Facet dimensions in answer order, each counted over the filtered set in the one query below. */
    private static final String FACETS = """
            select 'category', category, count(*) from f group by 2
            union all select 'role', role, count(*) from f group by 2
            union all select 'level', l, count(*) from f cross join unnest(levels) l group by 2
            union all select 'company', company, count(*) from f where company is not null group by 2
            union all select 'roundType', round_type, count(*) from f group by 2
            union all select 'competency', c, count(*) from f cross join unnest(competencies) c group by 2
            union all select 'difficulty', difficulty, count(*) from f group by 2
            union all select 'answerFormat', answer_format, count(*) from f group by 2
            union all (select 'tag', t, count(*) from f cross join unnest(tags) t group by 2 order by 3 desc, 2 limit 25)
            """;

    private final AgroalDataSource dataSource;

    public QuestionSearch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<QuestionRow> page(QuestionFilter filter, QuestionFilter.Visibility visibility, SortOrder sort,
            int page, int size) {
        SqlWhere where = SqlWhere.of(filter, visibility);
        boolean text = filter.text() != null;
        String sql = "select " + COLUMNS + (text ? ", ts_rank(q.search, query) rank" : ", null::float4 rank")
                + " from question q" + (text ? QUERY : "") + " where " + where.sql
                + " order by " + sort.sql() + " limit ? offset ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (text) {
                ps.setString(i++, filter.text());
            }
            i = where.bind(c, ps, i);
            ps.setInt(i++, size);
            ps.setLong(i, (long) page * size);
            List<QuestionRow> rows = new ArrayList<>(size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("question list failed", e);
        }
    }

    /** @return dimension → value → count over everything the filter matches, and "total" → "" → count */
    public Map<String, Map<String, Long>> facets(QuestionFilter filter, QuestionFilter.Visibility visibility) {
        SqlWhere where = SqlWhere.of(filter, visibility);
        boolean text = filter.text() != null;
        String sql = "with f as materialized (select q.category, q.role, q.levels, q.company, q.round_type, "
                + "q.competencies, q.tags, q.difficulty, q.answer_format from question q" + (text ? QUERY : "")
                + " where " + where.sql + ") " + FACETS;
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String dim : List.of("category", "role", "level", "company", "roundType", "competency", "difficulty",
                "answerFormat", "tag")) {
            facets.put(dim, dim.equals("tag") ? new LinkedHashMap<>() : new TreeMap<>());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (text) {
                ps.setString(i++, filter.text());
            }
            where.bind(c, ps, i);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    facets.get(rs.getString(1)).put(rs.getString(2), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("question facets failed", e);
        }
        return facets;
    }

    private static QuestionRow row(ResultSet rs) throws SQLException {
        return new QuestionRow(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), list(rs.getArray(10)),
                rs.getString(11), rs.getString(12), list(rs.getArray(13)), list(rs.getArray(14)), rs.getString(15),
                rs.getInt(16), rs.getString(17), rs.getString(18), rs.getTimestamp(19).toInstant(),
                rs.getObject(20) == null ? null : rs.getDouble(20));
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
