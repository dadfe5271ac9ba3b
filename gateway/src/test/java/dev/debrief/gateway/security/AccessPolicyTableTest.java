package dev.debrief.gateway.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The gateway's role table is checked against the one documented policy, docs/access-policy.md (whose cells
 * AccessMatrixIT checks against the running services): the gateway never refuses a call the policy lets in, and
 * every role a gateway rule lets through is one the policy lets in on some operation under that rule.
 */
class AccessPolicyTableTest {

    private static final Path POLICY = Path.of("..", "docs", "access-policy.md");
    private static final Path CONFIG = Path.of("src", "main", "resources", "application.properties");
    private static final String PREFIX = "debrief.gateway.access.";

    private static List<AccessRules.Rule> rules;
    private static Map<String, Set<String>> callerRoles;
    private static List<Row> rows;

    record Row(String method, String path, Map<String, String> cells) {
    }

    @BeforeAll
    static void read() throws IOException {
        rules = gatewayRules();
        callerRoles = new LinkedHashMap<>();
        rows = new ArrayList<>();
        List<String> header = null;
        for (String line : Files.readAllLines(POLICY)) {
            List<String> cells = cells(line);
            if (cells.size() == 4 && !cells.get(0).equals("column") && !cells.get(0).startsWith("---")
                    && header == null) {
                String roles = cells.get(2).replace("—", "").trim();
                callerRoles.put(cells.get(0), roles.isEmpty() ? Set.of() : Set.of(roles.split(",\\s*")));
            } else if (cells.size() > 4 && cells.get(0).equals("method")) {
                header = cells;
            } else if (header != null && cells.size() == header.size() && cells.get(1).startsWith("`")) {
                Map<String, String> byCaller = new LinkedHashMap<>();
                for (int i = 2; i < cells.size(); i++) {
                    byCaller.put(header.get(i), cells.get(i));
                }
                String path = cells.get(1).replace("`", "").replaceAll("\\{[^}]+}", "x");
                rows.add(new Row(cells.get(0), path, byCaller));
            }
        }
        assertFalse(rows.isEmpty(), "the policy table is read");
        assertFalse(callerRoles.isEmpty(), "the callers' roles are read");
    }

    @Test
    void shouldNeverRefuseACallThePolicyLetsIn() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            row.cells().forEach((caller, cell) -> {
                Set<String> roles = callerRoles.getOrDefault(caller, Set.of());
                if (!roles.isEmpty() && (cell.equals("ok") || cell.equals("404")) && !admits(row, roles)) {
                    wrong.add(row.method() + " " + row.path() + " as " + caller + " (" + cell + ")");
                }
            });
        }
        assertEquals(List.of(), wrong, "the gateway refuses what docs/access-policy.md lets in");
    }

    @Test
    void shouldLetThroughOnlyRolesThePolicyLetsInSomewhereUnderTheRule() {
        List<String> unused = new ArrayList<>();
        for (AccessRules.Rule rule : rules) {
            for (String role : new TreeSet<>(rule.roles())) {
                boolean letInSomewhere = rows.stream().filter(r -> rule.matches(r.method(), r.path()))
                        .anyMatch(r -> r.cells().entrySet().stream()
                                .filter(c -> callerRoles.getOrDefault(c.getKey(), Set.of()).equals(Set.of(role)))
                                .anyMatch(c -> !c.getValue().equals("403") && !c.getValue().equals("401")));
                if (!letInSomewhere) {
                    unused.add(rule.name() + " lets in " + role);
                }
            }
        }
        assertEquals(List.of(), unused, "a gateway rule admits a role that the policy refuses on every operation under it");
    }

    private static boolean admits(Row row, Set<String> roles) {
        for (AccessRules.Rule rule : rules) {
            if (rule.matches(row.method(), row.path()) && rule.roles().stream().noneMatch(roles::contains)) {
                return false;
            }
        }
        return true;
    }

    /** The rules as the gateway's AccessRules builds them from its configuration (profile-free keys). */
    private static List<AccessRules.Rule> gatewayRules() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(CONFIG)) {
            p.load(in);
        }
        Set<String> names = new TreeSet<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .forEach(k -> names.add(k.substring(PREFIX.length(), k.indexOf('.', PREFIX.length()))));
        List<AccessRules.Rule> built = new ArrayList<>();
        for (String name : names) {
            built.add(new AccessRules.Rule(name, list(p, name, "paths"), list(p, name, "except-paths"),
                    Set.copyOf(list(p, name, "methods")), Set.copyOf(list(p, name, "roles"))));
        }
        assertFalse(built.isEmpty(), "the gateway's rules are read");
        return built;
    }

    private static List<String> list(Properties p, String rule, String field) {
        String value = p.getProperty(PREFIX + rule + "." + field, "");
        return value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
    }

    private static List<String> cells(String line) {
        String t = line.trim();
        if (!t.startsWith("|") || !t.endsWith("|")) {
            return List.of();
        }
        return Arrays.stream(t.substring(1, t.length() - 1).split("\\|")).map(String::trim).toList();
    }
}
