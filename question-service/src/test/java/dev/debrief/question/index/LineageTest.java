package dev.debrief.question.index;

import dev.debrief.question.domain.AnswerFormat;
import dev.debrief.question.domain.Category;
import dev.debrief.question.domain.Difficulty;
import dev.debrief.question.domain.JobRole;
import dev.debrief.question.domain.QuestionStatus;
import dev.debrief.question.domain.RoundType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A snapshot knows which questions changed since an earlier version of its lineage, and a cached search
 * revised with only those questions answers exactly what a full search of the newer catalog answers.
 */
class LineageTest {

    @Test
    void shouldNameTheKeysChangedSinceAnEarlierVersion() {
        CatalogSnapshot s1 = CatalogSnapshot.of(1, IntStream.rangeClosed(1, 5).mapToObj(k -> question(k, "a")).toList());
        CatalogSnapshot s2 = s1.with(2, List.of(question(2, "b"), question(6, "new")));
        CatalogSnapshot s3 = s2.with(3, List.of(question(4, "c")));
        assertArrayEquals(new int[0], sorted(s3.changedSince(3)));
        assertArrayEquals(new int[] { 4 }, sorted(s3.changedSince(2)));
        assertArrayEquals(new int[] { 2, 4, 6 }, sorted(s3.changedSince(1)));
        assertNull(s3.changedSince(0), "before the full load: not known");
        assertNull(CatalogSnapshot.of(4, List.of(question(1, "a"))).changedSince(3), "a full load starts a new lineage");
    }

    @Test
    void shouldForgetStepsPastItsBounds() {
        CatalogSnapshot s = CatalogSnapshot.of(1, List.of(question(1, "a")));
        for (int v = 2; v <= 1 + Lineage.MAX_STEPS + 5; v++) {
            s = s.with(v, List.of(question(1, "v" + v)));
        }
        assertNull(s.changedSince(1));
        assertArrayEquals(new int[] { 1 }, sorted(s.changedSince(s.version() - 1)));
        int[] many = IntStream.rangeClosed(1, Lineage.MAX_KEYS + 1).toArray();
        Lineage big = Lineage.step(7, many, Lineage.step(6, new int[] { 1 }, null));
        assertNull(Lineage.changedSince(big, 8, 6), "a step larger than the key budget drops the ones before it");
        assertEquals(many.length, Lineage.changedSince(big, 8, 7).length);
    }

    @Test
    void shouldReviseACachedMatchToWhatAFullSearchOfTheNewerCatalogAnswers() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            List<IndexedQuestion> catalog = new ArrayList<>();
            float[] rank = new float[200];   // by key; 0: does not match
            for (int k = 1; k <= 60; k++) {
                catalog.add(question(k, "q"));
                rank[k] = randomRank(random);
            }
            CatalogSnapshot before = CatalogSnapshot.of(1, catalog);
            TextMatch cached = full(before, rank);
            List<IndexedQuestion> changed = new ArrayList<>();
            int[] changedKeys = random.ints(random.nextInt(8), 1, 70).distinct().toArray();   // > 60: new questions
            for (int k : changedKeys) {
                changed.add(question(k, "edited"));
                rank[k] = randomRank(random);
            }
            CatalogSnapshot after = before.with(2, changed);
            int[] freshKeys = Arrays.stream(changedKeys).filter(k -> rank[k] > 0).toArray();
            float[] freshRanks = new float[freshKeys.length];
            for (int i = 0; i < freshKeys.length; i++) {
                freshRanks[i] = rank[freshKeys[i]];
            }
            TextMatch revised = TextMatch.revised(after, cached, after.changedSince(1),
                    TextMatch.of(after, freshKeys, freshRanks));
            TextMatch expected = full(after, rank);
            assertArrayEquals(expected.ordinals(), revised.ordinals(), "round " + round);
            int[] all = revised.ordinals();
            assertArrayEquals(expected.ranksOf(all), revised.ranksOf(all), "round " + round);
            assertEquals(2, revised.version());
        }
    }

    /** What PostgreSQL answers for the whole catalog: every match, rank descending, then id. */
    private static TextMatch full(CatalogSnapshot snapshot, float[] rank) {
        List<Integer> keys = new ArrayList<>();
        for (int k = 1; k < rank.length; k++) {
            if (rank[k] > 0 && snapshot.ordinalOf(k) >= 0) {
                keys.add(k);
            }
        }
        keys.sort(Comparator.<Integer>comparingDouble(k -> -rank[k]).thenComparing(k -> id(k),
                (a, b) -> {
                    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                    return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
                }));
        float[] ranks = new float[keys.size()];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = rank[keys.get(i)];
        }
        return TextMatch.of(snapshot, keys.stream().mapToInt(Integer::intValue).toArray(), ranks);
    }

    /** Often no match, often ties: a handful of distinct ranks, as a real text gives. */
    private static float randomRank(Random random) {
        return random.nextInt(3) == 0 ? 0 : (1 + random.nextInt(4)) / 10f;
    }

    private static int[] sorted(int[] keys) {
        int[] copy = keys.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Ids whose order differs from the keys' (and crosses the sign bit), so ties really break on the id. */
    private static UUID id(int key) {
        return new UUID(Long.rotateLeft(key * 0x9E3779B97F4A7C15L, 17), key);
    }

    private static IndexedQuestion question(int key, String title) {
        return new IndexedQuestion(key, id(key), "q-" + key, 1, QuestionStatus.PUBLISHED, null, title, "excerpt",
                Category.SQL, JobRole.DATA_PM, List.of("SENIOR"), null, RoundType.ONSITE, List.of(), List.of(),
                Difficulty.EASY, 600, AnswerFormat.SQL, "sql-analysis", 0);
    }
}
