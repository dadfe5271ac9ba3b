package dev.debrief.question.catalog.domain;

import java.util.UUID;

/** Path segments that may be an id or a slug. */
public final class Ids {

    private Ids() {
    }

    /** @return the UUID, or null when the text is not one (then it is a slug) */
    public static UUID parse(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
