package dev.debrief.question.index;

import dev.debrief.question.domain.AnswerFormat;
import dev.debrief.question.domain.Category;
import dev.debrief.question.domain.Difficulty;
import dev.debrief.question.domain.JobRole;
import dev.debrief.question.domain.QuestionStatus;
import dev.debrief.question.domain.RoundType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The search cache keeps what was used last within its budget of matches, and never an answer of another snapshot. */
class MatchCacheTest {

    private final CatalogSnapshot snapshot = CatalogSnapshot.of(1, IntStream.rangeClosed(1, 10)
            .mapToObj(MatchCacheTest::question).toList());

    @Test
    void shouldDropTheLeastRecentlyUsedTextsWhenFull() {
        MatchCache cache = new MatchCache(10);
        TextMatch a = match(4);
        TextMatch b = match(4);
        cache.put("a", a);
        cache.put("b", b);
        assertSame(a, cache.get("a"));   // a is now the most recent
        cache.put("c", match(4));            // 12 > 10: b goes, a stays
        assertSame(a, cache.get("a"));
        assertNull(cache.get("b"));
        assertEquals(2, cache.texts());
        assertEquals(8, cache.matches());
    }

    @Test
    void shouldCountAReplacedTextOnce() {
        MatchCache cache = new MatchCache(10);
        cache.put("a", match(4));
        cache.put("a", match(6));
        assertEquals(1, cache.texts());
        assertEquals(6, cache.matches());
    }

    @Test
    void shouldNotKeepAMatchLargerThanTheBudgetNorAnythingWhenOff() {
        MatchCache small = new MatchCache(3);
        small.put("big", match(4));
        assertNull(small.get("big"));
        MatchCache off = new MatchCache(0);
        off.put("none", match(0));
        assertNull(off.get("none"));
        assertEquals(0, off.texts());
    }

    @Test
    void shouldKeepAnEntryOfANewerSnapshotOverOneOfAnOlder() {
        MatchCache cache = new MatchCache(100);
        CatalogSnapshot next = snapshot.with(2, List.of(question(11)));
        TextMatch newer = TextMatch.of(next, new int[] { 11 }, new float[] { 0.5f });
        cache.put("a", newer);
        cache.put("a", match(2));   // answered on snapshot 1, after snapshot 2 was seen
        assertSame(newer, cache.get("a"));
        assertEquals(1, cache.matches());
    }

    private TextMatch match(int size) {
        int[] keys = IntStream.rangeClosed(1, size).toArray();
        float[] ranks = new float[size];
        return TextMatch.of(snapshot, keys, ranks);
    }

    private static IndexedQuestion question(int key) {
        return new IndexedQuestion(key, UUID.randomUUID(), "q-" + key, 1, QuestionStatus.PUBLISHED, null, "Q " + key,
                "excerpt", Category.SQL, JobRole.DATA_PM, List.of("SENIOR"), null, RoundType.ONSITE, List.of(), List.of(),
                Difficulty.EASY, 600, AnswerFormat.SQL, "sql-analysis", 0);
    }
}
