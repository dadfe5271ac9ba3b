package dev.debrief.scoring.domain;

import dev.debrief.scoring.config.SandboxConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one candidate query against the fixture dataset. Two locks: {@link SqlGuard} refuses anything but one
 * SELECT over the fixture tables with allowed functions; then the database runs it in a READ ONLY transaction
 * as the NOLOGIN sandbox role (SELECT on the fixture schema only), with a statement timeout and a row cap,
 * and the transaction is always rolled back. Must not be called inside a JTA transaction.
 */
@ApplicationScoped
public class SqlSandbox {

    private final AgroalDataSource dataSource;
    private final SandboxConfig config;
    private final SqlGuard guard;

    public SqlSandbox(AgroalDataSource dataSource, SandboxConfig config) {
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

    /** The database's lock alone, without the parser's: package-visible so tests can prove it holds by itself. */
    Rows execute(String sql) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction read only");
                statement.execute("set local statement_timeout = " + config.statementTimeout().toMillis());
                statement.execute("set local search_path = " + quote(config.schema()));
                statement.execute("set local role " + quote(config.role()));
                statement.setMaxRows(config.rowCap() + 1);
                try (ResultSet rs = statement.executeQuery(sql)) {
                    return read(rs);
                }
            } catch (SQLException e) {
                throw refusal(e);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw refusal(e);
        }
    }

    private Rows read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            columns.add(meta.getColumnLabel(c));
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
                row.add(value instanceof Number n && !(value instanceof BigDecimal) ? new BigDecimal(n.toString())
                        : value == null ? null : value instanceof BigDecimal ? value : value.toString());
            }
            rows.add(row);
        }
        return new Rows(List.copyOf(columns), rows, truncated);
    }

    private static SandboxRefusal refusal(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = switch (state) {
            case "57014" -> "timeout";
            case "25006" -> "read-only";
            case "42501" -> "permission";
            default -> "database";
        };
        String message = e.getMessage() == null ? "the database refused the statement" : e.getMessage().split("\n")[0];
        return new SandboxRefusal(reason, message);
    }

    private static String stripSemicolon(String sql) {
        String trimmed = sql.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
