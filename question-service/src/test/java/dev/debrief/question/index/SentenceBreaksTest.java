package dev.debrief.question.index;

import org.junit.jupiter.api.Test;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cheap sentence boundaries agree with the JDK's sentence instance on prompts of plain prose. */
class SentenceBreaksTest {

    private static final List<String> PROMPTS = List.of(
            "Design a metric for a new feature. What would you watch in the first week? Say why!",
            "Retention fell 4% after the launch.  Walk me through how you would find out why.\nThen tell me what you'd ship.",
            "Tell me about a time you disagreed with your manager (and lost). What did you learn?\"",
            "One sentence with no end",
            "Ends with a stop.",
            "",
            "Wait... really? \"Yes.\" Then go.",
            "Pick a metric, e.g. retention. Then defend it.");

    @Test
    void shouldFindTheSameBoundariesAsTheJdk() {
        for (String prompt : PROMPTS) {
            BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
            jdk.setText(prompt);
            SentenceBreaks ours = new SentenceBreaks();
            ours.setText(prompt);
            assertArrayEquals(walk(jdk), walk(ours), prompt);
            for (int offset = 0; offset <= prompt.length(); offset++) {
                assertEquals(jdk.following(offset), ours.following(offset), prompt + " following " + offset);
                assertEquals(jdk.current(), ours.current(), prompt + " current after following " + offset);
                assertEquals(jdk.preceding(offset), ours.preceding(offset), prompt + " preceding " + offset);
                assertEquals(jdk.current(), ours.current(), prompt + " current after preceding " + offset);
                assertEquals(jdk.isBoundary(offset), ours.isBoundary(offset), prompt + " isBoundary " + offset);
            }
        }
    }

    @Test
    void shouldKeepOffsetsOfACharacterIteratorThatStartsLater() {
        SentenceBreaks ours = new SentenceBreaks();
        ours.setText(new StringCharacterIterator("xxxxFirst one. Second.", 4, 22, 4));
        assertArrayEquals(new int[] {4, 15, 22}, walk(ours));
        assertEquals(15, ours.following(4));
        assertEquals(4, ours.preceding(15));
    }

    @Test
    void shouldNotBreakAfterAnAbbreviationBeforeALowerCaseWord() {
        SentenceBreaks ours = new SentenceBreaks();
        ours.setText("Pick a metric, e.g. retention. Then defend it.");
        assertArrayEquals(new int[] {0, 31, 46}, walk(ours));
    }

    private static int[] walk(BreakIterator it) {
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            out.add(b);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
