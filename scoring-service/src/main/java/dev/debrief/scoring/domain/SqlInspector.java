package dev.debrief.scoring.domain;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SQL answer with JSqlParser: splits it into statements (the last is the answer, the ones before it
 * are the candidate's checks), and names the traps the interview guides warn about.
 */
public final class SqlInspector {

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

    public Report inspect(String text, String prompt) {
        List<Chunk> chunks = split(text);
        List<Chunk> comments = comments(text);
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
        Facts facts = Facts.of(statement);
        List<Trap> traps = traps(facts, last, text, prompt == null ? "" : prompt.toLowerCase(Locale.ROOT));
        int ctes = statement instanceof Select select && select.getWithItemsList() != null ? select.getWithItemsList().size() : 0;
        return new Report(chunks, last, null, traps, chunks.size() - 1, comments.size(), ctes, facts.selectStar,
                facts.implicitJoins, comments);
    }

    /** Exactly one statement, parsed. */
    public static Statement parseOne(String sql) throws JSQLParserException {
        Statements statements = CCJSqlParserUtil.parseStatements(sql);
        if (statements.size() != 1) {
            throw new JSQLParserException("expected exactly one statement, found " + statements.size());
        }
        return statements.get(0);
    }

    private static List<Trap> traps(Facts f, Chunk where, String text, String prompt) {
        List<Trap> traps = new ArrayList<>();
        if (f.memberJoinOfPlaysAndSessions) {
            traps.add(new Trap(FANOUT, "It joins plays to sessions on member_id: a member on several devices has every "
                    + "play attached to each of their sessions, so counts and sums are inflated and devices misattributed; "
                    + "join on session_id.", locate(where, text, "(?i)member_id\\s*=\\s*[a-z_.]*member_id")));
        }
        if (f.tablesOutsideExists.contains("plays") && !f.deduplicates) {
            traps.add(new Trap(DUPLICATES, "Duplicate play rows are not removed (no DISTINCT on play_id), so re-ingested "
                    + "plays are counted twice.", locate(where, text, "(?i)\\bplays\\b")));
        }
        if (!f.columns.contains("is_test_account")) {
            traps.add(new Trap(TEST_ACCOUNTS, "Test accounts are not excluded (is_test_account is never filtered), and "
                    + "QA traffic skews the result.", locate(where, text, "(?i)\\bfrom\\b")));
        }
        if (f.integerDivision != null) {
            traps.add(new Trap(INTEGER_DIVISION, "Integer division (" + f.integerDivision + ") truncates the result; "
                    + "divide by a decimal such as 3600.0 or cast to numeric.", locate(where, text, "/")));
        }
        if (f.groupsByNameOnly) {
            traps.add(new Trap(NAME_GROUPING, "It groups by title name, which merges different titles that share a name; "
                    + "group by title_id.", locate(where, text, "(?i)group\\s+by")));
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
        return List.copyOf(traps);
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
        boolean memberJoinOfPlaysAndSessions;
        boolean groupsByNameOnly;
        boolean hasLimit;
        String integerDivision;
        private int existsDepth;

        static Facts of(Statement statement) {
            Facts facts = new Facts();
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
            Set<String> direct = new LinkedHashSet<>();
            tableName(select.getFromItem()).ifPresent(direct::add);
            StringBuilder conditions = new StringBuilder(select.getWhere() == null ? "" : select.getWhere().toString());
            if (select.getJoins() != null) {
                for (Join join : select.getJoins()) {
                    tableName(join.getRightItem()).ifPresent(direct::add);
                    if (join.isSimple() && join.getOnExpressions().isEmpty()) {
                        implicitJoins = true;
                    }
                    join.getOnExpressions().forEach(on -> conditions.append(' ').append(on));
                    if (join.getUsingColumns() != null) {
                        join.getUsingColumns().forEach(c -> conditions.append(' ').append(c).append('=').append(c));
                    }
                }
            }
            String on = conditions.toString().toLowerCase(Locale.ROOT);
            if (direct.contains("plays") && direct.contains("sessions") && on.contains("member_id")
                    && !on.matches("(?s).*session_id\\s*=.*")) {
                memberJoinOfPlaysAndSessions = true;
            }
            if (select.getGroupBy() != null) {
                String groupBy = select.getGroupBy().toString().toLowerCase(Locale.ROOT);
                if (groupBy.matches("(?s).*\\bname\\b.*") && !groupBy.contains("title_id")) {
                    groupsByNameOnly = true;
                }
            }
            return super.visit(select, context);
        }

        private static Optional<String> tableName(Object fromItem) {
            return fromItem instanceof Table table ? Optional.of(table.getName().toLowerCase(Locale.ROOT)) : Optional.empty();
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
