package dev.debrief.question.api;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; quotes doubled. A field a
 * spreadsheet would run as a formula is written with a single quote in front (see {@link #neutralise}).
 */
final class Csv {

    private Csv() {
    }

    /**
     * OWASP's defence against CSV injection: a cell that starts with {@code = + - @}, tab or CR is written
     * with a leading {@code '}, so a spreadsheet shows it as text. A cell that starts with {@code '} gets one
     * too, so that {@link #restore} (which drops one leading quote) gives back exactly what was exported.
     */
    static String neutralise(String field) {
        if (field.isEmpty()) {
            return field;
        }
        return switch (field.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\'' -> "'" + field;
            default -> field;
        };
    }

    /** The inverse of {@link #neutralise}: an imported cell that starts with {@code '} loses that quote. */
    static String restore(String field) {
        return field.startsWith("'") ? field.substring(1) : field;
    }

    static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = neutralise(fields.get(i) == null ? "" : fields.get(i));
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        return out.append("\r\n").toString();
    }

    /** Every record of the text; quoted fields may span lines. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    record.add(field.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("an unterminated quoted field");
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
