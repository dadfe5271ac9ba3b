package dev.debrief.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access policy as docs/access-policy.md states it: one Markdown table, a row per operation (method and
 * path as in the OpenAPI document), a column per caller, each cell the outcome that caller must get.
 */
final class AccessPolicy {

    /** The callers, in the table's column order. */
    static final List<String> CALLERS = List.of("candidate", "coach", "other-coach", "firm-admin", "admin", "analyst",
            "other-firm", "no-firm", "client", "none");

    private final Map<String, Map<String, String>> rows;

    private AccessPolicy(Map<String, Map<String, String>> rows) {
        this.rows = rows;
    }

    static String key(String method, String path) {
        return method.toUpperCase() + " " + path;
    }

    static AccessPolicy read() {
        Path file = locate();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        List<String> header = null;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() > 2 && cells.get(0).equals("method") && cells.get(1).equals("path")) {
                header = cells;
                if (!header.subList(2, header.size()).equals(CALLERS)) {
                    throw new IllegalStateException("the policy table's columns must be method, path, " + CALLERS);
                }
                continue;
            }
            if (header == null || cells.get(0).startsWith("---")) {
                continue;
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < CALLERS.size(); i++) {
                expected.put(CALLERS.get(i), cells.get(i + 2));
            }
            String key = key(cells.get(0), cells.get(1).replace("`", ""));
            if (rows.put(key, expected) != null) {
                throw new IllegalStateException("two rows for " + key);
            }
        }
        return new AccessPolicy(rows);
    }

    Map<String, String> row(String method, String path) {
        return rows.get(key(method, path));
    }

    List<String> keys() {
        return new ArrayList<>(rows.keySet());
    }

    /**
     * Whether an answer's status meets a cell: {@code ok} passes the access checks (anything but 401, 403,
     * 404 or 5xx: a 400 or 409 means the caller was let in), {@code no} is 403 or 404, a number is itself.
     */
    static boolean meets(String cell, int status) {
        return switch (cell) {
            case "ok" -> status < 500 && status != 401 && status != 403 && status != 404;
            case "no" -> status == 403 || status == 404;
            default -> Integer.toString(status).equals(cell);
        };
    }

    /** The cell an answer would be written as. */
    static String cellOf(int status) {
        return status == 401 || status == 403 || status == 404 || status >= 500 ? Integer.toString(status) : "ok";
    }

    private static List<String> cells(String line) {
        String inner = line.trim();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> out = new ArrayList<>();
        for (String cell : inner.split("\\|")) {
            out.add(cell.trim());
        }
        return out;
    }

    private static Path locate() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs/access-policy.md");
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/access-policy.md not found above " + System.getProperty("user.dir"));
    }
}
