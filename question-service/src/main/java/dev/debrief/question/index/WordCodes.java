package dev.debrief.question.index;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A dictionary of the catalog's words, so that excerpts (the largest part of the index: 160 characters per
 * question) are held as codes: a word of four or more letters becomes 3 bytes. Catalog text repeats a few
 * thousand words, so an excerpt shrinks to about half.
 * <p>
 * Coded text is UTF-8 with one extra byte, 0xF8 (never part of UTF-8), followed by a 16-bit word number.
 * The dictionary only grows (up to 65,536 words; later new words stay plain), and only the index's refresher
 * adds to it. Readers decode words that were added before the question that uses them was published, and
 * every growth publishes a new array, so they need no lock.
 */
final class WordCodes {

    /** No dictionary: text is kept as plain UTF-8. */
    static final WordCodes NONE = new WordCodes(0);

    private static final int MARK = 0xF8;
    private static final int MIN_WORD = 4;

    private final int capacity;
    private final Map<String, Integer> codes = new HashMap<>();
    private volatile byte[][] words = new byte[64][];
    private int size;

    WordCodes(int capacity) {
        this.capacity = capacity;
    }

    static WordCodes growing() {
        return new WordCodes(1 << 16);
    }

    /** The coded form of this text; adds its new words while there is room. Refresher thread only. */
    byte[] encode(String text) {
        if (capacity == 0) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            if (end - i >= MIN_WORD) {
                String word = text.substring(i, end);
                int code = codeOf(word);
                if (code >= 0) {
                    out.write(MARK);
                    out.write(code >>> 8);
                    out.write(code & 0xFF);
                } else {
                    out.writeBytes(word.getBytes(StandardCharsets.UTF_8));
                }
                i = end;
            } else {
                int next = Math.max(end, i + Character.charCount(text.codePointAt(i)));
                out.writeBytes(text.substring(i, next).getBytes(StandardCharsets.UTF_8));
                i = next;
            }
        }
        return out.toByteArray();
    }

    /** The text of coded bytes [from, to). */
    String decode(byte[] coded, int from, int to) {
        byte[][] known = words;
        byte[] plain = null;
        int n = 0;
        for (int i = from; i < to; i++) {
            if ((coded[i] & 0xFF) == MARK) {
                if (plain == null) {   // the first word: from here on the text is built
                    plain = new byte[(to - from) * 4];
                    System.arraycopy(coded, from, plain, 0, i - from);
                    n = i - from;
                }
                byte[] word = known[(coded[i + 1] & 0xFF) << 8 | coded[i + 2] & 0xFF];
                if (n + word.length > plain.length) {
                    plain = Arrays.copyOf(plain, (n + word.length) * 2);
                }
                System.arraycopy(word, 0, plain, n, word.length);
                n += word.length;
                i += 2;
            } else if (plain != null) {
                if (n == plain.length) {
                    plain = Arrays.copyOf(plain, n * 2);
                }
                plain[n++] = coded[i];
            }
        }
        return plain == null ? new String(coded, from, to - from, StandardCharsets.UTF_8)
                : new String(plain, 0, n, StandardCharsets.UTF_8);
    }

    int size() {
        return size;
    }

    private int codeOf(String word) {
        Integer code = codes.get(word);
        if (code != null) {
            return code;
        }
        if (size == capacity) {
            return -1;
        }
        byte[][] current = words;
        if (size == current.length) {
            current = Arrays.copyOf(current, size * 2);
        }
        current[size] = word.getBytes(StandardCharsets.UTF_8);
        words = current;   // publishes the word (and a grown array) before any question that uses it
        codes.put(word, size);
        return size++;
    }
}
