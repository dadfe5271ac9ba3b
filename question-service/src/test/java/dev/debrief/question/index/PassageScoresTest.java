package dev.debrief.question.index;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassageScoresTest {

    private static final String[] WORDS = { "metric", "churn", "retention", "metrics", "data", "é-accent" };

    @Test
    void shouldScoreEveryPassageExactlyAsLucene() {
        PassageScorer lucene = new PassageScorer();
        PassageScorer ours = new PassageScores();
        Random random = new Random(5);
        int repeated = 0;
        for (int n = 0; n < 5_000; n++) {
            Passage passage = passage(random);
            int contentLength = passage.getEndOffset() + random.nextInt(4_000);
            float expected = lucene.score(passage, contentLength);
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(ours.score(passage, contentLength)),
                    () -> "passage " + passage);
            if (passage.getNumMatches() > distinct(passage)) {
                repeated++;
            }
        }
        assertTrue(repeated > 1_000, "passages with a term matched more than once: " + repeated);
    }

    @Test
    void shouldScoreAPassageWithoutMatchesAsLucene() {
        Passage empty = new Passage();
        empty.setStartOffset(40);
        empty.setEndOffset(120);
        assertEquals(new PassageScorer().score(empty, 500), new PassageScores().score(empty, 500));
    }

    /** Up to 12 matches of a few words, each with its frequency in the document (the same for the same word). */
    private static Passage passage(Random random) {
        int start = random.nextInt(2_000);
        int[] inDocument = new int[WORDS.length];
        for (int w = 0; w < WORDS.length; w++) {
            inDocument[w] = 1 + random.nextInt(9);
        }
        int[] words = random.ints(random.nextInt(13), 0, WORDS.length).toArray();
        int[] at = new int[words.length];
        int end = start;
        for (int m = 0; m < words.length; m++) {
            at[m] = end + 1 + random.nextInt(30);
            end = at[m] + WORDS[words[m]].length();
        }
        Passage p = new Passage();   // Lucene's asserts: the passage's bounds first, then its matches in order
        p.setStartOffset(start);
        p.setEndOffset(end + random.nextInt(50));
        for (int m = 0; m < words.length; m++) {
            String word = WORDS[words[m]];
            p.addMatch(at[m], at[m] + word.length(), new BytesRef(word), inDocument[words[m]]);
        }
        return p;
    }

    private static int distinct(Passage p) {
        return (int) Arrays.stream(p.getMatchTerms(), 0, p.getNumMatches()).distinct().count();
    }
}
