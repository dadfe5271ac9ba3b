package dev.debrief.question.index;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coded excerpts decode to exactly their text, whatever the text, and repeated words make them smaller. */
class WordCodesTest {

    private static final List<String> TEXTS = List.of(
            "Design a metric for Netflix's downloads feature; what would you measure first?",
            "Écrivez une requête SQL: les abonnés actifs (30 jours) — et les résiliations.",
            "Emoji 📈 and CJK 指標 between words, tabs\tand\nnewlines, ÿ and \u00F8 bytes",
            "", "a", "abc", "abcd", "1234 5678", "ending with a wordy", "   leading and trailing   ");

    @Test
    void shouldDecodeToExactlyTheTextItCoded() {
        WordCodes codes = WordCodes.growing();
        for (int round = 0; round < 2; round++) {   // second round: every word is known already
            for (String text : TEXTS) {
                byte[] coded = codes.encode(text);
                assertEquals(text, codes.decode(coded, 0, coded.length), text);
            }
        }
    }

    @Test
    void shouldDecodeAPartOfAnArrayAfterOtherBytes() {
        WordCodes codes = WordCodes.growing();
        byte[] head = "slug-1Title".getBytes(StandardCharsets.UTF_8);
        byte[] tail = codes.encode("retention after the pricing change");
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        assertEquals("retention after the pricing change", codes.decode(all, head.length, all.length));
    }

    @Test
    void shouldShrinkTextThatRepeatsItsWords() {
        WordCodes codes = WordCodes.growing();
        String text = "experiment retention engagement members streaming recommendation";
        codes.encode(text);
        int plain = text.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(codes.encode(text).length * 2 < plain, "coded words take 3 bytes each");
        assertEquals(6, codes.size());
    }

    @Test
    void shouldKeepNewWordsPlainOnceTheDictionaryIsFull() {
        WordCodes codes = new WordCodes(2);
        byte[] coded = codes.encode("alpha bravo charlie delta");
        assertEquals("alpha bravo charlie delta", codes.decode(coded, 0, coded.length));
        assertEquals(2, codes.size());
        assertEquals(3 + 1 + 3 + 1 + "charlie delta".length(), coded.length);
    }

    @Test
    void shouldRoundTripRandomText() {
        WordCodes codes = WordCodes.growing();
        Random random = new Random(3);
        String alphabet = "abcdefghij klmnop\u00E9\u00F8\u4E2D\uD83D\uDE00 .,;-";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(200); c > 0; c--) {
                int at = random.nextInt(alphabet.length());
                if (Character.isHighSurrogate(alphabet.charAt(at))) {
                    text.append(alphabet, at, at + 2);
                } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
                    text.append(alphabet.charAt(at));
                }
            }
            byte[] coded = codes.encode(text.toString());
            assertEquals(text.toString(), codes.decode(coded, 0, coded.length));
        }
    }
}
