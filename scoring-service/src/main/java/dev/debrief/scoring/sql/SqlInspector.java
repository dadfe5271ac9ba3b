package dev.debrief.scoring.sql;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SQL answer with JSqlParser: splits it into statements (the last is the answer, the ones before it
 * are the candidate's checks), and names the traps the interview guides warn about. The traps are derived from the
 * fixture's catalog ({@link SqlSchema}), not from its table names: a table without a key repeats rows, a join on a
 * column unique on neither side fans out, a boolean test/QA flag must be filtered wherever its table's key is
 * read, a label column (name, title) is not an identity, a time window needs a time column, a nullable column
 * compared with {@code <>} drops its NULLs.
 */
public final class SqlInspector {

    private final SqlSchema schema;

    /** Against the sandbox's own fixture. */
    public SqlInspector() {
        this(SqlSchema.fixture());
    }

    public SqlInspector(SqlSchema schema) {
        this.schema = schema;
    }

    /** One statement of the answer with its {@code [start, end)} offsets in the answer text. */
    public record Chunk(int start, int end, String sql) {
    }

    /** A trap the final query falls into: a stable code, why it matters, and where it shows. */
    public record Trap(String code, String explanation, Chunk where) {
    }

    /** What the inspection found. {@code error} is set when the answer does not parse. */
    public record Report(List<Chunk> statements, Chunk finalQuery, String error, List<Trap> traps, int checks,
            int commentLines, int ctes, boolean selectStar, boolean implicitJoins, List<Chunk> comments) {

        public boolean parsed() {
            return error == null;
        }

        public boolean has(String trapCode) {
            return traps.stream().anyMatch(t -> t.code().equals(trapCode));
        }
    }

    public static final String FANOUT = "fan-out-join";
    public static final String DUPLICATES = "duplicates-kept";
    public static final String TEST_ACCOUNTS = "test-accounts-included";
    public static final String INTEGER_DIVISION = "integer-division";
    public static final String NAME_GROUPING = "grouped-by-name";
    public static final String LIMIT_NOT_PERCENT = "limit-instead-of-percent";
    public static final String COUNT_NOT_DISTINCT = "count-not-distinct";
    public static final String WINDOW_MISSING = "time-window-missing";
    public static final String NULLS_DROPPED = "nulls-dropped";
    private static final Pattern TIME_WINDOW = Pattern.compile(
            "\\b(last|past|previous|within)\\s+(\\d+\\s+)?(day|days|week|weeks|month|months|quarter|year|hours?)\\b");

    public Report inspect(String text, String prompt) {
        List<Chunk> comments = new ArrayList<>(comments(text));
        List<Chunk> chunks = withoutProse(split(text), comments);
        if (chunks.isEmpty()) {
            return new Report(chunks, null, "no SQL statement found", List.of(), 0, comments.size(), 0, false, false,
                    comments);
        }
        Chunk last = chunks.get(chunks.size() - 1);
        Statement statement;
        try {
            statement = parseOne(last.sql());
        } catch (JSQLParserException | RuntimeException e) {
            return new Report(chunks, last, "the final statement does not parse: " + firstLine(e.getMessage()),
                    List.of(), chunks.size() - 1, comments.size(), 0, false, false, comments);
        }
        Facts facts = Facts.of(statement, schema);
        List<Trap> traps = traps(facts, schema, last, text, prompt == null ? "" : prompt.toLowerCase(Locale.ROOT));
        int ctes = statement instanceof Select select && select.getWithItemsList() != null ? select.getWithItemsList().size() : 0;
        return new Report(chunks, last, null, traps, chunks.size() - 1, comments.size(), ctes, facts.selectStar,
                facts.implicitJoins, comments);
    }

    /** What a statement starts with; anything else in a piece of the answer is the candidate's explanation. */
    private static final Pattern SQL_START = Pattern.compile("(?i)^(\\(|(select|with|values|table|explain|insert|update|"
            + "delete|merge|create|drop|alter|truncate|grant|revoke|set|reset|show|copy|call|do|lock|begin|commit|"
            + "rollback|prepare|execute|listen|notify|vacuum|analyze|comment|declare|fetch|discard|refresh)\\b)");
    private static final Pattern SQL_LINE = Pattern.compile("(?im)^[ \\t]*(select|with)\\b");

    /**
     * A SQL answer may carry an explanation in prose beside the query (before it, after its semicolon): prose is
     * cut off the statements and counted with the comments (it states assumptions), so the last statement is the
     * query the sandbox runs.
     */
    private static List<Chunk> withoutProse(List<Chunk> pieces, List<Chunk> comments) {
        List<Chunk> statements = new ArrayList<>();
        for (Chunk c : pieces) {
            if (SQL_START.matcher(c.sql()).find()) {
                statements.add(c);
                continue;
            }
            Matcher line = SQL_LINE.matcher(c.sql());
            int at = line.find() ? line.start() : c.sql().length();
            String prose = c.sql().substring(0, at);
            for (String l : prose.split("\n")) {
                if (!l.isBlank()) {
                    int from = c.start() + prose.indexOf(l);
                    comments.add(new Chunk(from, from + l.length(), l));
                }
            }
            if (at < c.sql().length()) {
                int start = c.start() + at + (line.group().length() - line.group().stripLeading().length());
                statements.add(new Chunk(start, c.end(), c.sql().substring(start - c.start())));
            }
        }
        return statements;
    }

    /** Exactly one statement, parsed. */
    public static Statement parseOne(String sql) throws JSQLParserException {
        Statements statements = CCJSqlParserUtil.parseStatements(sql);
        if (statements.size() != 1) {
            throw new JSQLParserException("expected exactly one statement, found " + statements.size());
        }
        return statements.get(0);
    }

    private static List<Trap> traps(Facts f, SqlSchema schema, Chunk where, String text, String prompt) {
        List<Trap> traps = new ArrayList<>();
        for (FanOut fan : f.fanOuts) {
            traps.add(new Trap(FANOUT, "It joins " + fan.left() + " to " + fan.right() + " on " + fan.column()
                    + ", which is unique in neither table: each " + fan.left() + " row is repeated for every matching "
                    + fan.right() + " row, so counts and sums are inflated and rows attributed to the wrong "
                    + fan.right() + " row" + (fan.key() == null ? "" : "; join on " + fan.key()) + ".",
                    locate(where, text, "(?i)" + Pattern.quote(fan.column()) + "\\s*=")));
        }
        for (SqlSchema.Table t : schema.keyless()) {
            if (f.tablesOutsideExists.contains(t.name()) && !f.deduplicates) {
                traps.add(new Trap(DUPLICATES, "Duplicate rows in " + t.name() + " are not removed (" + t.name()
                        + " has no key; no DISTINCT on " + t.naturalKey() + "), so a re-ingested row is counted twice.",
                        locate(where, text, "(?i)\\b" + Pattern.quote(t.name()) + "\\b")));
            }
        }
        for (SqlSchema.ExclusionFlag flag : schema.exclusionFlags()) {
            boolean reached = f.tablesOutsideExists.stream().anyMatch(t -> schema.reaches(t, flag));
            if (reached && !f.columns.contains(flag.column())) {
                traps.add(new Trap(TEST_ACCOUNTS, "Rows flagged by " + flag.table() + "." + flag.column()
                        + " are not excluded (" + flag.column() + " is never filtered), and that traffic skews the result.",
                        locate(where, text, "(?i)\\bfrom\\b")));
            }
        }
        if (f.integerDivision != null) {
            traps.add(new Trap(INTEGER_DIVISION, "Integer division (" + f.integerDivision + ") truncates the result; "
                    + "divide by a decimal such as 3600.0 or cast to numeric.", locate(where, text, "/")));
        }
        if (f.labelGrouping != null) {
            traps.add(new Trap(NAME_GROUPING, "It groups by " + f.labelGrouping + ", which is not unique: different rows "
                    + "that share it are merged; group by the key" + (f.labelKey == null ? "" : " (" + f.labelKey + ")") + ".",
                    locate(where, text, "(?i)group\\s+by")));
        }
        if ((prompt.contains("%") || prompt.contains("percent")) && f.hasLimit && !f.functions.contains("percent_rank")
                && !f.functions.contains("ntile") && !f.functions.contains("cume_dist")) {
            traps.add(new Trap(LIMIT_NOT_PERCENT, "The question asks for a percentage of rows but the query takes a fixed "
                    + "LIMIT.", locate(where, text, "(?i)\\blimit\\b")));
        }
        if (prompt.contains("distinct") && !f.countsDistinct) {
            traps.add(new Trap(COUNT_NOT_DISTINCT, "The question asks for distinct members but the query counts rows.",
                    locate(where, text, "(?i)count\\s*\\(")));
        }
        if (TIME_WINDOW.matcher(prompt).find() && f.columns.stream().noneMatch(schema.timestampColumns()::contains)) {
            traps.add(new Trap(WINDOW_MISSING, "The question asks for a time window but no time column ("
                    + String.join(", ", schema.timestampColumns()) + ") is filtered.", locate(where, text, "(?i)\\bwhere\\b|\\bfrom\\b")));
        }
        if (f.nullableCompared != null) {
            traps.add(new Trap(NULLS_DROPPED, f.nullableCompared + " may be NULL, and a comparison with it is never true "
                    + "for those rows, so they drop out silently; say whether NULL counts (IS NULL, coalesce).",
                    locate(where, text, "(?i)" + Pattern.quote(f.nullableCompared.substring(f.nullableCompared.indexOf('.') + 1)))));
        }
        return List.copyOf(traps);
    }

    /** A join whose equality uses no unique column on either side; {@code key} is a join that would not fan out. */
    record FanOut(String left, String right, String column, String key) {
    }

    /** The line of the statement where a pattern first matches, as a span of the answer. */
    private static Chunk locate(Chunk within, String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(within.sql());
        int at = m.find() ? m.start() : 0;
        int lineStart = within.sql().lastIndexOf('\n', at) + 1;
        int lineEnd = within.sql().indexOf('\n', at);
        lineEnd = lineEnd < 0 ? within.sql().length() : lineEnd;
        int start = within.start() + lineStart;
        int end = within.start() + lineEnd;
        return new Chunk(start, end, text.substring(start, end));
    }

    /** What the final query does, gathered by walking its tree once. */
    private static final class Facts extends TablesNamesFinder<Void> {
        final Set<String> tablesOutsideExists = new LinkedHashSet<>();
        final Set<String> columns = new LinkedHashSet<>();
        final Set<String> functions = new LinkedHashSet<>();
        boolean deduplicates;
        boolean countsDistinct;
        boolean selectStar;
        boolean implicitJoins;
        final List<FanOut> fanOuts = new ArrayList<>();
        String labelGrouping;
        String labelKey;
        String nullableCompared;
        boolean hasLimit;
        String integerDivision;
        private int existsDepth;
        private SqlSchema schema;

        static Facts of(Statement statement, SqlSchema schema) {
            Facts facts = new Facts();
            facts.schema = schema;
            facts.init(false);
            try {
                statement.accept(facts, null);
            } catch (UnsupportedOperationException e) {
                // a construct the finder cannot walk: keep what was gathered
            }
            String flat = statement.toString().toLowerCase(Locale.ROOT);
            facts.deduplicates |= flat.contains("distinct") || flat.contains("row_number");
            facts.countsDistinct |= flat.matches("(?s).*count\\s*\\(\\s*distinct.*");
            return facts;
        }

        @Override
        public <S> Void visit(Table table, S context) {
            if (existsDepth == 0) {
                tablesOutsideExists.add(table.getName().toLowerCase(Locale.ROOT));
            }
            return super.visit(table, context);
        }

        @Override
        public <S> Void visit(Column column, S context) {
            columns.add(column.getColumnName().toLowerCase(Locale.ROOT));
            return super.visit(column, context);
        }

        @Override
        public <S> Void visit(Function function, S context) {
            functions.add(function.getName().toLowerCase(Locale.ROOT));
            return super.visit(function, context);
        }

        /**
         * A data-modifying CTE ({@code with x as (delete ... returning *)}) holds an INSERT, UPDATE or DELETE, which
         * the finder casts to a SELECT and fails on: there is no trap to find in it, and the sandbox refuses it.
         */
        @Override
        public <S> Void visit(WithItem<?> withItem, S context) {
            return withItem.getParenthesedStatement() instanceof ParenthesedSelect ? super.visit(withItem, context) : null;
        }

        @Override
        public <S> Void visit(ExistsExpression exists, S context) {
            existsDepth++;
            try {
                return super.visit(exists, context);
            } finally {
                existsDepth--;
            }
        }

        @Override
        public <S> Void visit(Division division, S context) {
            String expression = division.toString().toLowerCase(Locale.ROOT);
            boolean decimal = expression.matches("(?s).*\\d\\.\\d.*") || expression.contains("::numeric")
                    || expression.contains("::float") || expression.contains("::decimal") || expression.contains("cast(")
                    || expression.contains("avg(");
            if (!decimal && integerDivision == null) {
                integerDivision = division.toString();
            }
            return super.visit(division, context);
        }

        @Override
        public <S> Void visit(PlainSelect select, S context) {
            if (select.getDistinct() != null) {
                deduplicates = true;
            }
            if (select.getLimit() != null) {
                hasLimit = true;
            }
            select.getSelectItems().forEach(item -> selectStar |= item.toString().trim().endsWith("*")
                    && !item.toString().contains("("));
            // the schema tables this SELECT reads directly, by alias (or name)
            Map<String, SqlSchema.Table> direct = new LinkedHashMap<>();
            addTable(direct, select.getFromItem());
            List<Expression> conditions = new ArrayList<>();
            if (select.getWhere() != null) {
                conditions.add(select.getWhere());
            }
            if (select.getJoins() != null) {
                for (Join join : select.getJoins()) {
                    addTable(direct, join.getRightItem());
                    if (join.isSimple() && join.getOnExpressions().isEmpty()) {
                        implicitJoins = true;
                    }
                    conditions.addAll(join.getOnExpressions());
                    if (join.getUsingColumns() != null && join.getRightItem() instanceof Table right) {
                        for (Column c : join.getUsingColumns()) {
                            conditions.add(new EqualsTo(new Column(c.getColumnName()),
                                    new Column(new Table(alias(right)), c.getColumnName())));
                        }
                    }
                }
            }
            List<EqualsTo> equalities = new ArrayList<>();
            conditions.forEach(c -> equalities(c, equalities));
            fanOuts(direct, equalities);
            if (select.getGroupBy() != null && select.getGroupBy().getGroupByExpressionList() != null) {
                Set<String> grouped = new LinkedHashSet<>();
                for (Object e : select.getGroupBy().getGroupByExpressionList()) {
                    if (e instanceof Column c) {
                        grouped.add(c.getColumnName().toLowerCase(Locale.ROOT));
                    }
                }
                for (SqlSchema.Table t : direct.values()) {
                    for (String label : t.labels()) {
                        if (grouped.contains(label) && t.key().stream().noneMatch(grouped::contains) && labelGrouping == null) {
                            labelGrouping = t.name() + "." + label;
                            labelKey = t.key().isEmpty() ? null : String.join(", ", t.key());
                        }
                    }
                }
            }
            if (select.getWhere() != null && nullableCompared == null) {
                String where = select.getWhere().toString().toLowerCase(Locale.ROOT);
                String all = select.toString().toLowerCase(Locale.ROOT);
                for (SqlSchema.Table t : direct.values()) {
                    for (SqlSchema.Column c : t.columns().values()) {
                        if (c.nullable() && Pattern.compile("\\b" + Pattern.quote(c.name()) + "\\s*(<>|!=|not\\s+in\\b)").matcher(where).find()
                                && !all.contains("is null") && !all.contains("coalesce") && !all.contains("is not distinct")) {
                            nullableCompared = t.name() + "." + c.name();
                        }
                    }
                }
            }
            return super.visit(select, context);
        }

        private void addTable(Map<String, SqlSchema.Table> direct, Object fromItem) {
            if (fromItem instanceof Table table) {
                schema.table(table.getName()).ifPresent(t -> direct.put(alias(table), t));
            }
        }

        private static String alias(Table table) {
            return (table.getAlias() != null ? table.getAlias().getName() : table.getName()).toLowerCase(Locale.ROOT);
        }

        /** The column = column equalities of a condition, through AND and parentheses. */
        private static void equalities(Expression e, List<EqualsTo> out) {
            if (e instanceof AndExpression and) {
                equalities(and.getLeftExpression(), out);
                equalities(and.getRightExpression(), out);
            } else if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1 && list.get(0) instanceof Expression inner) {
                equalities(inner, out);
            } else if (e instanceof EqualsTo eq && eq.getLeftExpression() instanceof Column
                    && eq.getRightExpression() instanceof Column) {
                out.add(eq);
            }
        }

        /** The table a column belongs to: its qualifier, or the one direct table that has such a column. */
        private static Optional<Map.Entry<String, SqlSchema.Table>> owner(Column c, Map<String, SqlSchema.Table> direct) {
            String name = c.getColumnName().toLowerCase(Locale.ROOT);
            if (c.getTable() != null && c.getTable().getName() != null) {
                String q = c.getTable().getName().toLowerCase(Locale.ROOT);
                return direct.entrySet().stream().filter(en -> en.getKey().equals(q)).findFirst();
            }
            List<Map.Entry<String, SqlSchema.Table>> having = direct.entrySet().stream()
                    .filter(en -> en.getValue().columns().containsKey(name)).toList();
            return having.size() == 1 ? Optional.of(having.get(0)) : Optional.empty();
        }

        /**
         * Two tables joined only by columns that are unique in neither (many rows to many rows): every row of one is
         * repeated for each matching row of the other. Joined by any unique column, the pair is fine.
         */
        private void fanOuts(Map<String, SqlSchema.Table> direct, List<EqualsTo> equalities) {
            Map<String, List<String>> nonUnique = new LinkedHashMap<>();
            Set<String> keyed = new LinkedHashSet<>();
            for (EqualsTo eq : equalities) {
                Column l = (Column) eq.getLeftExpression();
                Column r = (Column) eq.getRightExpression();
                Optional<Map.Entry<String, SqlSchema.Table>> lt = owner(l, direct);
                Optional<Map.Entry<String, SqlSchema.Table>> rt = owner(r, direct);
                if (lt.isEmpty() || rt.isEmpty() || lt.get().getKey().equals(rt.get().getKey())) {
                    continue;
                }
                List<String> order = new ArrayList<>(direct.keySet());
                boolean leftFirst = order.indexOf(lt.get().getKey()) < order.indexOf(rt.get().getKey());
                // the pair in FROM order, so the explanation reads "joins <the table read first> to <the other>"
                String pair = leftFirst ? lt.get().getKey() + "|" + rt.get().getKey() : rt.get().getKey() + "|" + lt.get().getKey();
                String reverse = pair.substring(pair.indexOf('|') + 1) + "|" + pair.substring(0, pair.indexOf('|'));
                boolean unique = lt.get().getValue().isUnique(l.getColumnName()) || rt.get().getValue().isUnique(r.getColumnName());
                if (unique) {
                    keyed.add(pair);
                    keyed.add(reverse);
                } else {
                    nonUnique.computeIfAbsent(pair, k -> new ArrayList<>()).add(l.getColumnName().toLowerCase(Locale.ROOT));
                }
            }
            nonUnique.forEach((pair, columns) -> {
                if (keyed.contains(pair)) {
                    return;
                }
                SqlSchema.Table left = direct.get(pair.substring(0, pair.indexOf('|')));
                SqlSchema.Table right = direct.get(pair.substring(pair.indexOf('|') + 1));
                fanOuts.add(new FanOut(left.name(), right.name(), columns.get(0), sharedKey(left, right)));
            });
        }

        /** A column unique in one of the two tables that the other also has: the join that does not fan out. */
        private static String sharedKey(SqlSchema.Table a, SqlSchema.Table b) {
            for (SqlSchema.Column c : b.columns().values()) {
                if (c.unique() && a.columns().containsKey(c.name())) {
                    return c.name();
                }
            }
            for (SqlSchema.Column c : a.columns().values()) {
                if (c.unique() && b.columns().containsKey(c.name())) {
                    return c.name();
                }
            }
            return null;
        }
    }

    /** Splits at top-level semicolons, aware of quotes and comments; blank or comment-only pieces are dropped. */
    public static List<Chunk> split(String text) {
        List<Chunk> chunks = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < n && text.charAt(end) != c) {
                    end++;
                }
                i = end + 1;
            } else if (c == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int end = text.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
            } else if (c == ';') {
                add(chunks, text, start, i);
                start = ++i;
            } else {
                i++;
            }
        }
        add(chunks, text, start, n);
        return chunks;
    }

    private static String dollarTag(String text, int at) {
        Matcher m = Pattern.compile("\\$[A-Za-z_]*\\$").matcher(text);
        return m.find(at) && m.start() == at ? m.group() : null;
    }

    private static void add(List<Chunk> chunks, String text, int from, int to) {
        int start = from;
        // skip leading whitespace and comment lines so the span starts at the statement
        while (start < to) {
            if (Character.isWhitespace(text.charAt(start))) {
                start++;
            } else if (text.startsWith("--", start)) {
                int eol = text.indexOf('\n', start);
                start = eol < 0 || eol > to ? to : eol + 1;
            } else {
                break;
            }
        }
        int end = to;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            chunks.add(new Chunk(start, end, text.substring(start, end)));
        }
    }

    private static List<Chunk> comments(String text) {
        List<Chunk> found = new ArrayList<>();
        Matcher m = Pattern.compile("--[^\\n]*").matcher(text);
        while (m.find()) {
            found.add(new Chunk(m.start(), m.end(), m.group()));
        }
        return found;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int eol = message.indexOf('\n');
        return eol < 0 ? message : message.substring(0, eol);
    }
}
