package dev.debrief.scoring.domain;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sandbox's first lock, before the database's own: exactly one SELECT, reading only the fixture tables
 * (or its own CTEs), calling only functions on an allow-list (no pg_read_file, set_config, dblink, lo_*).
 */
public final class SqlGuard {

    static final Set<String> FIXTURE_TABLES = Set.of("titles", "members", "sessions", "plays");

    static final Set<String> ALLOWED_FUNCTIONS = Set.of(
            "count", "sum", "avg", "min", "max", "round", "coalesce", "nullif", "lower", "upper", "trim", "btrim",
            "ltrim", "rtrim", "length", "substring", "substr", "replace", "concat", "left", "right", "position",
            "date_trunc", "date_part", "extract", "now", "current_date", "current_timestamp", "age", "make_interval",
            "to_char", "to_date", "abs", "ceil", "ceiling", "floor", "greatest", "least", "sign", "sqrt", "power", "ln",
            "exp", "mod", "trunc", "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag",
            "lead", "first_value", "last_value", "nth_value", "percentile_cont", "percentile_disc", "mode", "stddev",
            "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "bool_and", "bool_or", "every",
            "string_agg", "array_agg", "corr", "generate_series", "interval", "cast", "date", "timestamp",
            "array_length", "cardinality", "unnest");

    private final String schema;

    public SqlGuard(String schema) {
        this.schema = schema.toLowerCase(Locale.ROOT);
    }

    /** @return the one parsed statement; throws a refusal naming what is not allowed */
    public Statement check(String sql) {
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql);
        } catch (JSQLParserException e) {
            throw new SandboxRefusal("unparseable", "The statement does not parse as SQL.");
        }
        if (statements.size() != 1 || SqlInspector.split(sql).size() != 1) {
            throw new SandboxRefusal("one-statement", "Exactly one statement is allowed, found "
                    + Math.max(statements.size(), SqlInspector.split(sql).size()) + ".");
        }
        Statement statement = statements.get(0);
        if (!(statement instanceof Select select)) {
            throw new SandboxRefusal("read-only", "Only a SELECT may run in the sandbox, not "
                    + statement.getClass().getSimpleName().toUpperCase(Locale.ROOT) + ".");
        }
        if (select instanceof PlainSelect plain && plain.getIntoTables() != null) {
            throw new SandboxRefusal("read-only", "SELECT INTO writes a table and is not allowed.");
        }
        Walker walker = Walker.create();
        Set<String> ctes = new HashSet<>();
        collectCtes(select, ctes);
        try {
            statement.accept(walker, null);
        } catch (UnsupportedOperationException e) {
            throw new SandboxRefusal("unsupported", "The statement uses a construct the sandbox does not allow.");
        }
        for (Table table : walker.tables) {
            String tableSchema = table.getSchemaName() == null ? null : table.getSchemaName().toLowerCase(Locale.ROOT);
            String name = table.getName().toLowerCase(Locale.ROOT);
            if (tableSchema != null && !tableSchema.equals(schema)) {
                throw new SandboxRefusal("other-schema", "Only the fixture tables can be read, not " + table + ".");
            }
            if (!FIXTURE_TABLES.contains(name) && !ctes.contains(name)) {
                throw new SandboxRefusal("other-schema", "Only the fixture tables " + FIXTURE_TABLES
                        + " can be read, not " + table + ".");
            }
        }
        for (String function : walker.functions) {
            if (!ALLOWED_FUNCTIONS.contains(function)) {
                throw new SandboxRefusal("function", "The function " + function + " is not allowed in the sandbox.");
            }
        }
        return statement;
    }

    private static void collectCtes(Select select, Set<String> names) {
        List<WithItem<?>> with = select.getWithItemsList();
        if (with != null) {
            with.forEach(w -> names.add(w.getAlias().getName().toLowerCase(Locale.ROOT)));
        }
    }

    /** Every table and function the statement names, however deep. */
    private static final class Walker extends TablesNamesFinder<Void> {
        final Set<Table> tables = new HashSet<>();
        final Set<String> functions = new HashSet<>();

        static Walker create() {
            Walker walker = new Walker();
            walker.init(false);
            return walker;
        }

        @Override
        public <S> Void visit(Table table, S context) {
            tables.add(table);
            return super.visit(table, context);
        }

        @Override
        public <S> Void visit(Function function, S context) {
            String name = function.getMultipartName().get(function.getMultipartName().size() - 1);
            functions.add(name.toLowerCase(Locale.ROOT).replace("\"", ""));
            if (function.getMultipartName().size() > 1) {
                functions.add(String.join(".", function.getMultipartName()).toLowerCase(Locale.ROOT));
            }
            return super.visit(function, context);
        }
    }
}
