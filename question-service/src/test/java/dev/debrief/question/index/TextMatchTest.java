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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A text's matches keep their relevance order and every rank, ties included, whatever the snapshot lacks. */
class TextMatchTest {

    private final CatalogSnapshot snapshot = CatalogSnapshot.of(1, IntStream.rangeClosed(1, 8)
            .mapToObj(TextMatchTest::question).toList());

    @Test
    void shouldGiveEachOrdinalItsOwnRankAcrossRunsOfTies() {
        int[] keys = { 5, 2, 7, 1, 3, 8 };
        float[] ranks = { 0.9f, 0.5f, 0.5f, 0.3f, 0.3f, 0.1f };
        TextMatch match = TextMatch.of(snapshot, keys, ranks);
        assertEquals(6, match.size());
        int[] page = { snapshot.ordinalOf(8), snapshot.ordinalOf(5), snapshot.ordinalOf(7), snapshot.ordinalOf(3),
                snapshot.ordinalOf(2), snapshot.ordinalOf(1) };
        assertArrayEquals(new float[] { 0.1f, 0.9f, 0.5f, 0.3f, 0.5f, 0.3f }, match.ranksOf(page));
        assertArrayEquals(IntStream.of(keys).map(snapshot::ordinalOf).toArray(), match.ordinals());
    }

    @Test
    void shouldLeaveOutKeysTheSnapshotDoesNotHoldYetAndKeepTheOthersRanks() {
        TextMatch match = TextMatch.of(snapshot, new int[] { 4, 99, 6 }, new float[] { 0.7f, 0.6f, 0.2f });
        assertEquals(2, match.size());
        assertArrayEquals(new float[] { 0.2f, 0.7f },
                match.ranksOf(new int[] { snapshot.ordinalOf(6), snapshot.ordinalOf(4) }));
    }

    @Test
    void shouldHoldAnEmptyMatch() {
        TextMatch match = TextMatch.of(snapshot, new int[0], new float[0]);
        assertEquals(0, match.size());
        assertArrayEquals(new float[0], match.ranksOf(new int[0]));
    }

    private static IndexedQuestion question(int key) {
        return new IndexedQuestion(key, UUID.randomUUID(), "q-" + key, 1, QuestionStatus.PUBLISHED, null, "Q " + key,
                "excerpt", Category.SQL, JobRole.DATA_PM, List.of("SENIOR"), null, RoundType.ONSITE, List.of(), List.of(),
                Difficulty.EASY, 600, AnswerFormat.SQL, "sql-analysis", 0);
    }
}
