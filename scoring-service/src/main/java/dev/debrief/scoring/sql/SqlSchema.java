package dev.debrief.scoring.sql;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sandbox fixture's catalog, read from its DDL (the {@code CREATE TABLE} statements of the fixture migration):
 * which tables have a key, which columns are unique, nullable, timestamps or a test-account flag. The SQL trap checks
 * are derived from this, so a fixture with other table and column names gets the same checks.
 */
public record SqlSchema(Map<String, Table> tables) {

    /** The fixture the sandbox loads (scoring-service's own migration). */
    public static final String FIXTURE = "db/sandbox/V1__fixture.sql";
    /** A boolean column that marks rows to leave out of any member-facing figure (test, QA, bot, internal). */
    private static final Pattern EXCLUSION_FLAG = Pattern.compile("(^|_)(test|qa|bot|internal|fake)(_|$)");
    /** The columns that label an entity for people: grouping by one merges entities that share a label. */
    private static final Pattern LABEL = Pattern.compile("^(name|title|label|display_name)$|_name$");

    /** One column: its SQL type (lower case), whether it may be NULL, and whether it alone is unique. */
    public record Column(String name, String type, boolean nullable, boolean unique) {

        public boolean isTimestamp() {
            return type.startsWith("timestamp") || type.equals("date") || type.equals("timestamptz");
        }

        public boolean isBoolean() {
            return type.startsWith("bool");
        }

        public boolean isText() {
            return type.startsWith("varchar") || type.startsWith("char") || type.startsWith("text")
                    || type.startsWith("character");
        }
    }

    /** One table; {@code key} is empty when it has no primary key (rows may repeat). */
    public record Table(String name, Map<String, Column> columns, List<String> key) {

        public Optional<Column> column(String name) {
            return Optional.ofNullable(columns.get(name.toLowerCase(Locale.ROOT)));
        }

        public boolean isUnique(String column) {
            return column(column).map(Column::unique).orElse(false);
        }

        /** The column a duplicate is recognised by: the first {@code *_id} column, else the first column. */
        public String naturalKey() {
            return columns.keySet().stream().filter(c -> c.endsWith("_id")).findFirst()
                    .orElse(columns.keySet().iterator().next());
        }

        /** Columns whose name labels the entity (name, title): not unique unless declared so. */
        public List<String> labels() {
            return columns.values().stream().filter(c -> c.isText() && !c.unique() && LABEL.matcher(c.name()).find())
                    .map(Column::name).toList();
        }
    }

    /** A boolean flag that excludes rows, and the key that other tables reach its table by. */
    public record ExclusionFlag(String table, String column, String key) {
    }

    public Optional<Table> table(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String bare = name.toLowerCase(Locale.ROOT);
        bare = bare.substring(bare.lastIndexOf('.') + 1);
        return Optional.ofNullable(tables.get(bare));
    }

    /** Tables without a primary key: a re-ingested row is counted twice unless the query deduplicates. */
    public List<Table> keyless() {
        return tables.values().stream().filter(t -> t.key().isEmpty()).toList();
    }

    /** Every boolean column that flags rows to exclude, with its table's single-column key. */
    public List<ExclusionFlag> exclusionFlags() {
        List<ExclusionFlag> out = new ArrayList<>();
        for (Table t : tables.values()) {
            for (Column c : t.columns().values()) {
                if (c.isBoolean() && EXCLUSION_FLAG.matcher(c.name()).find()) {
                    out.add(new ExclusionFlag(t.name(), c.name(), t.key().size() == 1 ? t.key().get(0) : null));
                }
            }
        }
        return out;
    }

    /** Whether a table's rows belong to the flagged table's rows: it is that table, or it carries its key. */
    public boolean reaches(String tableName, ExclusionFlag flag) {
        return table(tableName).map(t -> t.name().equals(flag.table())
                || (flag.key() != null && t.columns().containsKey(flag.key()))).orElse(false);
    }

    /** The columns of any table that hold a time (timestamp or date). */
    public Set<String> timestampColumns() {
        Set<String> out = new LinkedHashSet<>();
        tables.values().forEach(t -> t.columns().values().stream().filter(Column::isTimestamp).forEach(c -> out.add(c.name())));
        return out;
    }

    /** The fixture the sandbox loads, read once. */
    public static SqlSchema fixture() {
        return Fixture.SCHEMA;
    }

    private static final class Fixture {
        static final SqlSchema SCHEMA = load();

        private static SqlSchema load() {
            try (InputStream in = SqlSchema.class.getClassLoader().getResourceAsStream(FIXTURE)) {
                if (in == null) {
                    throw new IllegalStateException(FIXTURE + " is missing");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads every {@code CREATE TABLE} of a DDL script (other statements are ignored). */
    public static SqlSchema parse(String ddl) {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (SqlInspector.Chunk chunk : SqlInspector.split(ddl)) {
            if (!chunk.sql().toLowerCase(Locale.ROOT).startsWith("create table")) {
                continue;
            }
            Statement statement;
            try {
                statement = CCJSqlParserUtil.parse(chunk.sql());
            } catch (JSQLParserException e) {
                throw new IllegalArgumentException("the fixture's DDL does not parse: " + chunk.sql(), e);
            }
            if (statement instanceof CreateTable create) {
                Table table = table(create);
                tables.put(table.name(), table);
            }
        }
        return new SqlSchema(Collections.unmodifiableMap(tables));
    }

    private static Table table(CreateTable create) {
        List<String> key = new ArrayList<>();
        Set<String> unique = new LinkedHashSet<>();
        if (create.getIndexes() != null) {
            for (Index index : create.getIndexes()) {
                String type = index.getType() == null ? "" : index.getType().toLowerCase(Locale.ROOT);
                List<String> names = index.getColumnsNames().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
                if (type.contains("primary")) {
                    key.addAll(names);
                }
                if ((type.contains("primary") || type.contains("unique")) && names.size() == 1) {
                    unique.add(names.get(0));
                }
            }
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        for (ColumnDefinition c : create.getColumnDefinitions()) {
            String name = c.getColumnName().toLowerCase(Locale.ROOT);
            String specs = c.getColumnSpecs() == null ? "" : String.join(" ", c.getColumnSpecs()).toLowerCase(Locale.ROOT);
            if (specs.contains("primary key")) {
                key.add(name);
                unique.add(name);
            }
            if (specs.matches("(^|.*\\s)unique(\\s.*|$)")) {
                unique.add(name);
            }
            boolean nullable = !specs.contains("not null") && !specs.contains("primary key");
            columns.put(name, new Column(name, c.getColDataType().getDataType().toLowerCase(Locale.ROOT), nullable, false));
        }
        key.forEach(k -> columns.computeIfPresent(k, (n, c) -> new Column(n, c.type(), false, c.unique())));
        if (key.size() == 1) {
            unique.add(key.get(0));
        }
        unique.forEach(u -> columns.computeIfPresent(u, (n, c) -> new Column(n, c.type(), c.nullable(), true)));
        String name = create.getTable().getName().toLowerCase(Locale.ROOT);
        return new Table(name, Collections.unmodifiableMap(columns), List.copyOf(key));
    }
}
