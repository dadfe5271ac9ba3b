package dev.debrief.scoring.sql;

import dev.debrief.scoring.sql.SandboxRefusal.Code;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one candidate query against the fixture dataset. Two boundaries:
 * <ol>
 * <li>{@link SqlGuard} refuses anything but one SELECT over the fixture tables with allowed functions, walking
 * every node of the statement;</li>
 * <li>the database: the connection comes from the {@code sandbox} pool, which logs in as {@code debrief_sandbox}
 * (owns nothing, member of no role, CONNECT on its own database and SELECT on the fixture only, role-level
 * timeouts and memory limits), in a READ ONLY transaction that is always rolled back, after which
 * {@code DISCARD ALL} drops whatever session state the query left (advisory locks, settings).</li>
 * </ol>
 * The candidate sees a {@link SandboxRefusal.Code}; PostgreSQL's message is logged here only. Must not be called
 * inside a JTA transaction.
 */
@ApplicationScoped
public class SqlSandbox {

    private static final Logger LOG = Logger.getLogger(SqlSandbox.class);
    /** Rows per round trip, so the byte cap is checked as the result streams in rather than after it arrived. */
    private static final int FETCH_SIZE = 100;

    private final AgroalDataSource dataSource;
    private final SandboxConfig config;
    private final SqlGuard guard;

    public SqlSandbox(@DataSource("sandbox") AgroalDataSource dataSource, SandboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.guard = new SqlGuard(config.schema());
    }

    /** A result: column labels, rows (at most the row cap) and whether more rows were cut off. */
    public record Rows(List<String> columns, List<List<Object>> rows, boolean truncated) {
    }

    public Rows run(String sql) {
        guard.check(sql);
        return execute(stripSemicolon(sql));
    }

    /** The database's boundary alone, without the guard: package-visible so tests can prove it holds by itself. */
    Rows execute(String sql) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                return inReadOnlyTransaction(connection, sql);
            } finally {
                reset(connection);
            }
        } catch (SQLException e) {
            throw refusal(e, sql);
        }
    }

    private Rows inReadOnlyTransaction(Connection connection, String sql) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction read only");
            statement.execute("set local statement_timeout = " + config.statementTimeout().toMillis());
            statement.setMaxRows(config.rowCap() + 1);
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery(sql)) {
                return read(rs);
            }
        } finally {
            connection.rollback();
        }
    }

    /**
     * Nothing of a run survives it: the rollback undid its settings, DISCARD ALL drops session-level advisory locks,
     * prepared statements and anything else. If that fails, the pool's connections are closed rather than reused.
     */
    private void reset(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("discard all");
        } catch (SQLException e) {
            LOG.warnf("The sandbox could not reset a connection (%s): closing the pool's connections", e.getMessage());
            dataSource.flush(AgroalDataSource.FlushMode.ALL);
        }
    }

    private Rows read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        long bytes = 0;
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            columns.add(meta.getColumnLabel(c));
            bytes += meta.getColumnLabel(c).length();
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == config.rowCap()) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int c = 1; c <= columns.size(); c++) {
                Object value = rs.getObject(c);
                Object kept = value instanceof Number n && !(value instanceof BigDecimal) ? new BigDecimal(n.toString())
                        : value == null ? null : value instanceof BigDecimal ? value : value.toString();
                bytes += kept == null ? 1 : kept.toString().getBytes(StandardCharsets.UTF_8).length;
                row.add(kept);
            }
            if (bytes > config.resultByteCap()) {
                throw new SandboxRefusal(Code.RESOURCES);
            }
            rows.add(row);
        }
        return new Rows(List.copyOf(columns), rows, truncated);
    }

    /** The candidate gets a code; the database's own words (which may quote data) go to the log only. */
    private static SandboxRefusal refusal(SQLException e, String sql) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean resultTooLarge = e.getMessage() != null && e.getMessage().contains("maxResultBuffer");
        Code code = resultTooLarge ? Code.RESOURCES : switch (state) {
            case "57014" -> Code.TIMEOUT;
            case "25006" -> Code.READ_ONLY;
            case "42501", "28000", "28P01" -> Code.PERMISSION;
            case "42601" -> Code.SYNTAX;
            case "53100", "53200", "53400", "54000", "54001" -> Code.RESOURCES;
            default -> state.startsWith("08") ? Code.UNAVAILABLE : Code.QUERY;
        };
        LOG.infof("The sandbox stopped a query with %s (SQL state %s): %s", code.code(), state,
                e.getMessage() == null ? "" : e.getMessage().split("\n")[0]);
        LOG.debugf("The stopped query: %s", sql);
        return new SandboxRefusal(code);
    }

    private static String stripSemicolon(String sql) {
        String trimmed = sql.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
