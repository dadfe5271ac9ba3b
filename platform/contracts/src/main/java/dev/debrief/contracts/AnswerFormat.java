package dev.debrief.contracts;

import java.util.Locale;

/**
 * How a question is answered: prose, a ranked metric list, or a query. The one vocabulary of the catalog, the
 * sessions and the scorer. On the wire (events, REST bodies, stored snapshots, {@code @Enumerated(STRING)} columns)
 * it is the constant's name, as the JSON Schemas list it. Jackson reads it strictly: an unknown name fails the read,
 * so a request answers 400 and a consumer dead-letters the event rather than guessing.
 */
public enum AnswerFormat {
    FREE_TEXT, STRUCTURED_METRICS, SQL;

    /**
     * Text stored before this type existed (a scorer's column, a labelled set), read leniently as the session and the
     * scorer always did: absent or unknown is free text; any spelling of "structured…" is the metric list.
     */
    public static AnswerFormat orFreeText(String value) {
        if (value == null) {
            return FREE_TEXT;
        }
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normalised.startsWith("STRUCTURED")) {
            return STRUCTURED_METRICS;
        }
        return normalised.equals("SQL") ? SQL : FREE_TEXT;
    }
}
