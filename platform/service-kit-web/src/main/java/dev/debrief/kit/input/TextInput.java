package dev.debrief.kit.input;

import java.util.OptionalInt;

/**
 * The one rule for text that enters a service (JSON bodies, import cells, query strings, path segments):
 * no NUL and no other control character. Tab, LF and CR stay allowed; PostgreSQL cannot store NUL in
 * text, and the rest only hide content from the people who read it later.
 */
public final class TextInput {

    private TextInput() {
    }

    /** The index of the first refused character, if any. */
    public static OptionalInt firstControlCharacter(CharSequence text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (refused(text.charAt(i))) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** C0 controls except tab, LF and CR; DEL and the C1 controls. */
    public static boolean refused(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        return c >= 0x7f && c <= 0x9f;
    }

    /** The message a refusal carries, the same wherever the text came from. */
    public static String message(CharSequence text, int index) {
        return String.format("contains the control character U+%04X at position %d; only tab, LF and CR are allowed",
                (int) text.charAt(index), index);
    }
}
