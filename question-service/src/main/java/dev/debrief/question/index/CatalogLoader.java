package dev.debrief.question.index;

import dev.debrief.question.domain.AnswerFormat;
import dev.debrief.question.domain.Category;
import dev.debrief.question.domain.Difficulty;
import dev.debrief.question.domain.JobRole;
import dev.debrief.question.domain.QuestionStatus;
import dev.debrief.question.domain.RoundType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the current-version table for the index: everything (a full load) or only the rows written by
 * transactions that the previous read could not see yet. One statement, so the rows, the snapshot's xmin
 * (where the next delta starts) and the delete epoch come from the same database snapshot.
 */
@ApplicationScoped
public class CatalogLoader {

    private static final Logger LOG = Logger.getLogger(CatalogLoader.class);

    /** Rows written since {@code since}; {@code xmin} is where the next delta starts. */
    public record Delta(long xmin, long epoch, List<IndexedQuestion> rows) {
    }

    private static final String SQL = """
            select s.xmin::text, e.epoch, q.catalog_key, q.id, q.slug, q.version, q.status, q.tenant, q.title,
                   left(q.prompt, 160), q.category, q.role, q.levels, q.company, q.round_type, q.competencies, q.tags,
                   q.difficulty, q.time_budget_seconds, q.answer_format, q.rubric, q.updated_at
            from (select pg_snapshot_xmin(pg_current_snapshot()) xmin) s
            cross join question_epoch e
            left join question q on q.change_xid >= ?::xid8
            """;

    private final AgroalDataSource dataSource;
    /** Canonical instances of repeated values (tenants, companies, rubrics, tag lists): only the refresher uses it. */
    private Map<Object, Object> canonical = new HashMap<>();
    /** The excerpts' word dictionary: kept for the application's life (it is bounded), so deltas share it. */
    private final WordCodes words = WordCodes.growing();

    public CatalogLoader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every row written by a transaction with an id ≥ {@code since} (0: all rows). */
    public Delta load(long since) {
        if (since == 0) {
            canonical = new HashMap<>();   // a full load drops values nobody uses any more
        }
        try (Connection c = dataSource.getConnection()) {
            // autocommit off: only inside a transaction does the driver honour the fetch size and stream the rows;
            // with it on, a full load of 100,000 questions sits in the heap twice (raw rows, then records)
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                return read(c, since);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("catalog index refresh failed", e);
        }
    }

    private Delta read(Connection c, long since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, Long.toUnsignedString(since));
            ps.setFetchSize(1_000);
            List<IndexedQuestion> rows = new ArrayList<>();
            long xmin = 0;
            long epoch = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    xmin = Long.parseUnsignedLong(rs.getString(1));
                    epoch = rs.getLong(2);
                    if (rs.getObject(3) != null) {
                        IndexedQuestion q = row(rs);
                        if (q != null) {
                            rows.add(q);
                        }
                    }
                }
            }
            return new Delta(xmin, epoch, rows);
        }
    }

    private IndexedQuestion row(ResultSet rs) throws SQLException {
        UUID id = rs.getObject(4, UUID.class);
        try {
            return new IndexedQuestion(rs.getInt(3), id, rs.getString(5), rs.getInt(6),
                    QuestionStatus.valueOf(rs.getString(7)), same(rs.getString(8)), rs.getString(9), rs.getString(10),
                    Category.valueOf(rs.getString(11)), JobRole.valueOf(rs.getString(12)), list(rs.getArray(13)),
                    same(rs.getString(14)), RoundType.valueOf(rs.getString(15)), list(rs.getArray(16)),
                    list(rs.getArray(17)), Difficulty.valueOf(rs.getString(18)), rs.getInt(19),
                    AnswerFormat.valueOf(rs.getString(20)), same(rs.getString(21)),
                    ChronoUnit.MICROS.between(java.time.Instant.EPOCH, rs.getTimestamp(22).toInstant()), words);
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("Question %s has a value outside the vocabulary and is left out of lists: %s", id, e.getMessage());
            return null;
        }
    }

    private List<String> list(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        String[] values = (String[]) array.getArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = same(values[i]);
        }
        return same(List.copyOf(Arrays.asList(values)));
    }

    @SuppressWarnings("unchecked")
    private <T> T same(T value) {
        return value == null ? null : (T) canonical.computeIfAbsent(value, v -> v);
    }
}
