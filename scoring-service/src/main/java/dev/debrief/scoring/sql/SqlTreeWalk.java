package dev.debrief.scoring.sql;

import dev.debrief.scoring.sql.SandboxRefusal.Code;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.OrderByClause;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.PartitionByClause;
import net.sf.jsqlparser.expression.RowConstructor;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.WindowElement;
import net.sf.jsqlparser.expression.WindowOffset;
import net.sf.jsqlparser.expression.WindowRange;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperator;
import net.sf.jsqlparser.expression.operators.relational.SimilarToExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Distinct;
import net.sf.jsqlparser.statement.select.ExceptOp;
import net.sf.jsqlparser.statement.select.Fetch;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.IntersectOp;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Walks every node of a parsed statement, deny by default. JSqlParser's visitors and its {@code TablesNamesFinder}
 * only go where each visit method chooses to go (the finder skipped ORDER BY, GROUP BY, HAVING, window clauses and
 * FILTER, which is how the sandbox was escaped), and its deparser prints some parts through {@code toString()},
 * which a hook would never see. So this walk does not choose: it follows every field of every JSqlParser object,
 * reflectively, and a node whose class is not in {@link #NODES} is refused. A new JSqlParser version that adds a
 * field is walked too; one that adds a node type is refused until someone reviews it and lists it here.
 */
final class SqlTreeWalk {

    /** The node types reviewed for the sandbox: plain SELECT, its clauses, and side-effect-free expressions. */
    private static final Set<Class<?>> NODES = Set.of(
            // statements and clauses
            PlainSelect.class, SetOperationList.class, UnionOp.class, IntersectOp.class, ExceptOp.class,
            ParenthesedSelect.class, LateralSubSelect.class, WithItem.class, Values.class, ParenthesedFromItem.class,
            TableFunction.class, Table.class, Join.class, SelectItem.class, AllColumns.class, AllTableColumns.class,
            Alias.class, Alias.AliasColumn.class, Distinct.class, GroupByElement.class, OrderByElement.class,
            Limit.class, Offset.class, Fetch.class,
            // calls and windows (names checked below)
            Function.class, AnalyticExpression.class, WindowDefinition.class, PartitionByClause.class,
            OrderByClause.class, WindowElement.class, WindowOffset.class, WindowRange.class, TrimFunction.class,
            ExtractExpression.class, CastExpression.class, ColDataType.class,
            // expressions
            Column.class, CaseExpression.class, WhenClause.class, IntervalExpression.class,
            DateTimeLiteralExpression.class, TimeKeyExpression.class, ArrayConstructor.class, ArrayExpression.class,
            RowConstructor.class, ExpressionList.class, ParenthesedExpressionList.class, Parenthesis.class,
            SignedExpression.class, NotExpression.class, AndExpression.class, OrExpression.class, EqualsTo.class,
            NotEqualsTo.class, GreaterThan.class, GreaterThanEquals.class, MinorThan.class, MinorThanEquals.class,
            Between.class, InExpression.class, IsNullExpression.class, IsBooleanExpression.class,
            IsDistinctExpression.class, LikeExpression.class, SimilarToExpression.class, RegExpMatchOperator.class,
            ExistsExpression.class, AnyComparisonExpression.class, Addition.class, Subtraction.class,
            Multiplication.class, Division.class, Modulo.class, Concat.class,
            // literals
            LongValue.class, DoubleValue.class, StringValue.class, NullValue.class, BooleanValue.class,
            DateValue.class, TimestampValue.class, TimeValue.class);

    /** The keywords JSqlParser reads as a {@link TimeKeyExpression}: only the clock ones are wanted. */
    private static final Set<String> TIME_KEYS = Set.of("current_date", "current_time", "current_timestamp",
            "localtime", "localtimestamp");

    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private final String schema;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The CTE names in scope, innermost WITH first: a name is a CTE only inside the query that defines it. */
    private final Deque<Set<String>> ctes = new ArrayDeque<>();

    SqlTreeWalk(String schema) {
        this.schema = schema;
    }

    void walk(Object node) {
        if (node == null || isValue(node) || isParserInternal(node.getClass()) || !seen.add(node)) {
            return;
        }
        if (node instanceof Collection<?> items && !isModel(node.getClass())) {
            items.forEach(this::walk);
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.keySet().forEach(this::walk);
            map.values().forEach(this::walk);
            return;
        }
        if (node.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(node); i++) {
                walk(Array.get(node, i));
            }
            return;
        }
        check(node);
        boolean scoped = node instanceof Select select && openScope(select);
        try {
            if (node instanceof Collection<?> items) {
                items.forEach(this::walk); // ExpressionList and its kin are lists themselves
            }
            for (Field field : fields(node.getClass())) {
                if (skipped(node, field)) {
                    continue;
                }
                walk(read(field, node));
            }
        } finally {
            if (scoped) {
                ctes.pop();
            }
        }
    }

    private void check(Object node) {
        if (node instanceof Statement && !(node instanceof Select)) {
            throw new SandboxRefusal(Code.READ_ONLY); // e.g. the DELETE of a data-modifying CTE
        }
        if (!NODES.contains(node.getClass())) {
            throw new SandboxRefusal(Code.CONSTRUCT, node.getClass().getSimpleName());
        }
        switch (node) {
            case PlainSelect plain when plain.getIntoTables() != null || plain.getForMode() != null
                    || plain.getForUpdateTable() != null -> throw new SandboxRefusal(Code.READ_ONLY);
            case Table table -> checkTable(table);
            case TableFunction fromFunction -> {
                // a Function subclass naming nothing itself: the call it wraps is checked as a Function
            }
            case Function function -> checkFunction(function.getMultipartName());
            case AnalyticExpression analytic -> checkFunction(List.of(analytic.getName()));
            case CastExpression cast -> checkType(cast.getColDataType());
            case TimeKeyExpression key when !TIME_KEYS.contains(normalise(key.getStringValue())) ->
                    throw new SandboxRefusal(Code.CONSTRUCT, key.getStringValue());
            case RowConstructor<?> row when row.getName() != null && !"row".equalsIgnoreCase(row.getName()) ->
                    throw new SandboxRefusal(Code.FUNCTION, row.getName());
            default -> {
            }
        }
    }

    private void checkTable(Table table) {
        String name = normalise(table.getName());
        String tableSchema = table.getSchemaName() == null ? null : normalise(table.getSchemaName());
        if (table.getDatabase() != null && table.getDatabase().getDatabaseName() != null) {
            throw new SandboxRefusal(Code.TABLE, table.getFullyQualifiedName());
        }
        if (tableSchema == null && ctes.stream().anyMatch(scope -> scope.contains(name))) {
            return;
        }
        if ((tableSchema != null && !tableSchema.equals(schema)) || !SqlGuard.FIXTURE_TABLES.contains(name)) {
            throw new SandboxRefusal(Code.TABLE, table.getFullyQualifiedName());
        }
    }

    private static void checkFunction(List<String> multipartName) {
        String name = multipartName == null ? "" : String.join(".", multipartName);
        if (multipartName == null || multipartName.size() != 1
                || !SqlGuard.ALLOWED_FUNCTIONS.contains(normalise(multipartName.get(0)))) {
            throw new SandboxRefusal(Code.FUNCTION, name);
        }
    }

    private static void checkType(ColDataType type) {
        String name = type == null || type.getDataType() == null ? "" : normalise(type.getDataType())
                .replaceAll("\\s+", " ").replaceAll("\\s*\\(.*$", "");
        if (!SqlGuard.ALLOWED_TYPES.contains(name)) {
            throw new SandboxRefusal(Code.TYPE, name);
        }
    }

    private boolean openScope(Select select) {
        if (select.getWithItemsList() == null || select.getWithItemsList().isEmpty()) {
            return false;
        }
        Set<String> names = new HashSet<>();
        for (WithItem<?> item : select.getWithItemsList()) {
            names.add(normalise(item.getAlias().getName()));
        }
        ctes.push(names);
        return true;
    }

    /**
     * A column's or {@code t.*}'s qualifier is a {@link Table} object but names a range variable, not a table read;
     * what it refers to is itself a FROM item, which is checked there.
     */
    private static boolean skipped(Object node, Field field) {
        return (node instanceof Column || node instanceof AllTableColumns) && field.getType() == Table.class;
    }

    private static boolean isValue(Object node) {
        return node instanceof CharSequence || node instanceof Number || node instanceof Boolean
                || node instanceof Character || node instanceof Enum<?> || node.getClass().isPrimitive();
    }

    /** The parser's own AST links (SimpleNode, Token), which every model object carries back to the tree. */
    private static boolean isParserInternal(Class<?> type) {
        return type.getName().startsWith("net.sf.jsqlparser.parser.");
    }

    private static boolean isModel(Class<?> type) {
        return type.getName().startsWith("net.sf.jsqlparser.") && !isParserInternal(type);
    }

    /** Every instance field JSqlParser's model classes declare, superclasses included (not the parser's AST links). */
    private static List<Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = t; c != null && isModel(c); c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
            return List.copyOf(fields);
        });
    }

    private static Object read(Field field, Object node) {
        try {
            return field.get(node);
        } catch (IllegalAccessException e) {
            throw new SandboxRefusal(Code.CONSTRUCT, node.getClass().getSimpleName());
        }
    }

    private static String normalise(String identifier) {
        return identifier == null ? "" : identifier.replace("\"", "").toLowerCase(Locale.ROOT).strip();
    }
}
