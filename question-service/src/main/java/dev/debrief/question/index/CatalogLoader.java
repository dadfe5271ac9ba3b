package dev.debrief.question.index;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads the current-version table for the index: everything (a full load) or only the rows written by
 * transactions that the previous read could not see yet. One statement, so the rows, the snapshot's xmin
 * (where the next delta starts) and the delete epoch come from the same database snapshot. Rows are handed
 * on one by one (a full load of 100,000 questions never sits in the heap).
 *
 * <p>They come grouped by category, role and difficulty, the filters of nearly every list, because the index
 * numbers documents in the order they arrive: a list's matches are then neighbours, and counting their facets
 * reads memory in one sweep rather than with a cache miss per match (a quarter to a third less CPU per list
 * at 100,000 questions, for up to half a second more on the load; see docs/benchmarks/question-service.md).
 * Single edits append out of order, so the grouping wears slowly until the next full load.
 */
@ApplicationScoped
public class CatalogLoader {

    /** Where the next delta starts, and the delete epoch the rows were read under. */
    public record Position(long xmin, long epoch) {
    }

    private static final String SQL = """
            select s.xmin::text, e.epoch, q.id, q.slug, q.version, q.status, q.tenant, q.title, q.prompt,
                   q.search_extra, q.category, q.role, q.levels, q.company, q.round_type, q.competencies, q.tags,
                   q.difficulty, q.time_budget_seconds, q.answer_format, q.rubric, q.updated_at
            from (select pg_snapshot_xmin(pg_current_snapshot()) xmin) s
            cross join question_epoch e
            left join question q on q.change_xid >= ?::xid8
            order by q.category, q.role, q.difficulty
            """;

    private final AgroalDataSource dataSource;

    public CatalogLoader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every row written by a transaction with an id ≥ {@code since} (0: all rows), each to {@code sink}. */
    public Position load(long since, Consumer<CatalogRow> sink) {
        try (Connection c = dataSource.getConnection()) {
            // autocommit off: only inside a transaction does the driver honour the fetch size and stream the rows
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                ps.setString(1, Long.toUnsignedString(since));
                ps.setFetchSize(1_000);
                long xmin = 0;
                long epoch = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        xmin = Long.parseUnsignedLong(rs.getString(1));
                        epoch = rs.getLong(2);
                        if (rs.getObject(3) != null) {
                            sink.accept(row(rs));
                        }
                    }
                }
                return new Position(xmin, epoch);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("catalog index refresh failed", e);
        }
    }

    private static CatalogRow row(ResultSet rs) throws SQLException {
        return new CatalogRow(rs.getObject(3, UUID.class), rs.getString(4), rs.getInt(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), list(rs.getArray(13)), rs.getString(14), rs.getString(15), list(rs.getArray(16)),
                list(rs.getArray(17)), rs.getString(18), rs.getInt(19), rs.getString(20), rs.getString(21),
                ChronoUnit.MICROS.between(Instant.EPOCH, rs.getTimestamp(22).toInstant()));
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
