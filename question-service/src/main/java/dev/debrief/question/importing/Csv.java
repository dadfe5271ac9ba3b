package dev.debrief.question.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV through Apache Commons CSV (quotes doubled, CRLF between records, blank lines skipped). What is
 * ours is the OWASP defence: a field a spreadsheet would run as a formula is written with a single quote in
 * front (see {@link #neutralise}), and an import drops it again ({@link #restore}).
 */
final class Csv {

    /** RFC 4180; text after a closing quote is kept in the field, as the hand-written reader before it did. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setTrailingData(true)
            .get();

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

    /** One record, each field neutralised (null as empty), ended by CRLF. */
    static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(fields.stream().map(f -> neutralise(f == null ? "" : f)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    /**
     * Every record of the text; quoted fields may span lines.
     *
     * @throws IllegalArgumentException when the text is not CSV (an unterminated quoted field)
     */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return records;
    }
}
