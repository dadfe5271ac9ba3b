package dev.debrief.question.index;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries for a highlight's passage: after a run of {@code .}, {@code !} or {@code ?} (and any closing
 * quote or bracket) followed by white space, unless a full stop is followed by a lower-case word, and after a
 * line break; each boundary is where the next sentence's
 * first character is. The boundaries of a text are found once, in one pass, and looked up by binary search.
 * <p>
 * Why not the JDK's sentence instance: its rule-based iterator ran its state machine again for each match the
 * highlighter placed, and that was a third of the highlighting's CPU in a search. A question's prompt is plain
 * prose, which needs no more than the rules above.
 */
final class SentenceBreaks extends BreakIterator {

    private CharacterIterator text = new StringCharacterIterator("");
    /** Ascending; the first is the text's begin index, the last its end index. */
    private int[] bounds = {0};
    private int current;

    @Override
    public void setText(String newText) {
        text = new StringCharacterIterator(newText);
        bounds = boundaries(newText, 0);
        current = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder chars = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            chars.append(c);
        }
        newText.first();
        text = newText;
        bounds = boundaries(chars, newText.getBeginIndex());
        current = 0;
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    @Override
    public int first() {
        current = 0;
        return bounds[0];
    }

    @Override
    public int last() {
        current = bounds.length - 1;
        return bounds[current];
    }

    @Override
    public int next(int n) {
        return moveTo(current + n);
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    @Override
    public int current() {
        return bounds[current];
    }

    /** The first boundary after {@code offset}; DONE (at the last boundary) when there is none. */
    @Override
    public int following(int offset) {
        checkOffset(offset);
        return moveTo(firstAtOrAfter(offset + 1));
    }

    /** The last boundary before {@code offset}; DONE (at the first boundary) when there is none. */
    @Override
    public int preceding(int offset) {
        checkOffset(offset);
        return moveTo(firstAtOrAfter(offset) - 1);
    }

    /** Whether {@code offset} is a boundary; either way the iterator then stands at the first one from it on. */
    @Override
    public boolean isBoundary(int offset) {
        checkOffset(offset);
        int i = firstAtOrAfter(offset);
        moveTo(i);
        return i < bounds.length && bounds[i] == offset;
    }

    /** The index of the first boundary at or after {@code offset} ({@code bounds.length} when none is). */
    private int firstAtOrAfter(int offset) {
        int i = Arrays.binarySearch(bounds, offset);
        return i >= 0 ? i : -i - 1;
    }

    /** Stands at boundary {@code index}, or, outside them, at the nearest end and says DONE. */
    private int moveTo(int index) {
        if (index < 0 || index >= bounds.length) {
            current = index < 0 ? 0 : bounds.length - 1;
            return DONE;
        }
        current = index;
        return bounds[current];
    }

    private void checkOffset(int offset) {
        if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
            throw new IllegalArgumentException("offset " + offset + " is outside the text");
        }
    }

    static int[] boundaries(CharSequence chars, int begin) {
        int length = chars.length();
        int[] out = new int[8];
        int n = 0;
        out[n++] = begin;
        int i = 0;
        while (i < length) {
            char c = chars.charAt(i++);
            boolean lineEnd = c == '\n' || c == '\r' || c == '\u2029';
            boolean stop = false;
            if (c == '.' || c == '!' || c == '?') {
                stop = c == '.';
                while (i < length && closesSentence(chars.charAt(i))) {
                    stop &= chars.charAt(i) == '.';
                    i++;
                }
                if (i == length || !Character.isWhitespace(chars.charAt(i))) {
                    continue;
                }
            } else if (!lineEnd) {
                continue;
            }
            int end = i;
            while (i < length && Character.isWhitespace(chars.charAt(i))) {
                i++;
            }
            // after a full stop, a lower-case word goes on the same sentence ("e.g. the", "wait... really")
            if (stop && i < length && Character.isLowerCase(chars.charAt(i)) && !lineEnd) {
                i = end;
                continue;
            }
            if (i < length) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = begin + i;
            }
        }
        if (n == out.length) {
            out = Arrays.copyOf(out, n + 1);
        }
        if (length > 0) {
            out[n++] = begin + length;
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean closesSentence(char c) {
        return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']'
                || c == '\u201D' || c == '\u2019';
    }
}
