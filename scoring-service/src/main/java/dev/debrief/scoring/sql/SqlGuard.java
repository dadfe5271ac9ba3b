package dev.debrief.scoring.sql;

import dev.debrief.scoring.sql.SandboxRefusal.Code;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Select;

import java.util.Locale;
import java.util.Set;

/**
 * The sandbox's first lock, before the database's own: exactly one SELECT, reading only the fixture tables (or its
 * own CTEs), calling only functions on an allow-list, casting only to plain types, and made only of the node types
 * {@link SqlTreeWalk} knows. The database boundary (a login role of its own in a database of its own) holds even
 * when this lock misses something; this one gives the candidate a clear reason instead of a database error.
 */
public final class SqlGuard {

    static final Set<String> FIXTURE_TABLES = Set.of("titles", "members", "sessions", "plays");

    /** Pure functions over the fixture's values: nothing that reads settings, files, other sessions or locks. */
    static final Set<String> ALLOWED_FUNCTIONS = Set.of(
            "count", "sum", "avg", "min", "max", "round", "coalesce", "nullif", "lower", "upper", "trim", "btrim",
            "ltrim", "rtrim", "length", "substring", "substr", "replace", "concat", "left", "right", "position",
            "date_trunc", "date_part", "extract", "now", "current_date", "current_timestamp", "age", "make_interval",
            "to_char", "to_date", "abs", "ceil", "ceiling", "floor", "greatest", "least", "sign", "sqrt", "power", "ln",
            "exp", "mod", "trunc", "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag",
            "lead", "first_value", "last_value", "nth_value", "percentile_cont", "percentile_disc", "mode", "stddev",
            "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "bool_and", "bool_or", "every",
            "string_agg", "array_agg", "corr", "generate_series", "interval", "cast", "date", "timestamp",
            "array_length", "cardinality", "unnest",
            // not functions but syntax, which JSqlParser reads as calls: x = any(array[...]), x > all(select ...)
            "any", "all", "some");

    /** Casts to these only: a cast to regclass, regproc or xml would look things up or parse, and none is needed. */
    static final Set<String> ALLOWED_TYPES = Set.of(
            "int", "int2", "int4", "int8", "integer", "smallint", "bigint", "numeric", "decimal", "real", "float",
            "float4", "float8", "double precision", "text", "varchar", "character varying", "char", "character",
            "boolean", "bool", "date", "time", "timestamp", "timestamptz", "timestamp with time zone",
            "timestamp without time zone", "interval");

    private final String schema;

    public SqlGuard(String schema) {
        this.schema = schema.toLowerCase(Locale.ROOT);
    }

    /** @return the one parsed statement; throws a {@link SandboxRefusal} naming what is not allowed */
    public Statement check(String sql) {
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql);
        } catch (JSQLParserException | RuntimeException e) {
            throw new SandboxRefusal(Code.SYNTAX);
        }
        if (statements == null || statements.size() != 1 || SqlInspector.split(sql).size() != 1) {
            throw new SandboxRefusal(Code.STATEMENTS);
        }
        Statement statement = statements.get(0);
        if (!(statement instanceof Select)) {
            throw new SandboxRefusal(Code.READ_ONLY);
        }
        new SqlTreeWalk(schema).walk(statement);
        return statement;
    }
}
