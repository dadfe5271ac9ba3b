package dev.debrief.session.domain;

import java.util.Locale;

/** How a question is answered; the catalog names it on the question version. */
public enum AnswerFormat {
    FREE_TEXT, STRUCTURED_METRICS, SQL;

    /** The catalog's spelling, leniently: unknown or absent formats are answered as free text. */
    public static AnswerFormat of(String catalogValue) {
        if (catalogValue == null) {
            return FREE_TEXT;
        }
        String normalised = catalogValue.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normalised.startsWith("STRUCTURED")) {
            return STRUCTURED_METRICS;
        }
        return normalised.equals("SQL") ? SQL : FREE_TEXT;
    }
}
