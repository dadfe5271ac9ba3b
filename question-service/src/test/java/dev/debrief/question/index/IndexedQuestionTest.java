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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packed question gives back exactly what it was built from, and sorts titles as PostgreSQL's C.UTF-8 does. */
class IndexedQuestionTest {

    private static final UUID ID = UUID.fromString("f0e1d2c3-b4a5-4697-8877-665544332211");

    @Test
    void shouldGiveBackEveryFieldItWasBuiltFrom() {
        IndexedQuestion q = question(7, ID, "métrique-1", "Définir une métrique 📈", "Le taux de rétention…");
        assertEquals(7, q.key());
        assertEquals(ID, q.id());
        assertEquals("métrique-1", q.slug());
        assertEquals("Définir une métrique 📈", q.title());
        assertEquals("Le taux de rétention…", q.excerpt());
        assertEquals(3, q.version());
        assertEquals(QuestionStatus.RETIRED, q.status());
        assertEquals("firm-a", q.tenant());
        assertEquals(Category.SQL, q.category());
        assertEquals(JobRole.DATA_PM, q.role());
        assertEquals(List.of("SENIOR", "STAFF"), q.levels());
        assertEquals("Netflix", q.company());
        assertEquals(RoundType.ONSITE, q.roundType());
        assertEquals(List.of("JUDGMENT"), q.competencies());
        assertEquals(List.of("sql", "joins"), q.tags());
        assertEquals(Difficulty.HARD, q.difficulty());
        assertEquals(900, q.timeBudgetSeconds());
        assertEquals(AnswerFormat.SQL, q.answerFormat());
        assertEquals("sql-analysis", q.rubric());
        assertEquals(1_700_000_000_123_456L, q.updatedMicros());
    }

    @Test
    void shouldGiveBackACodedExcerptAndCompareEqualOnTheSameDictionary() {
        WordCodes words = WordCodes.growing();
        String excerpt = "Netflix wants to measure the retention effect of downloads: which retention metric?";
        IndexedQuestion coded = coded(words, excerpt);
        assertEquals(excerpt, coded.excerpt());
        assertEquals("métrique-1", coded.slug());
        assertEquals("Title 📈", coded.title());
        assertEquals(coded, coded(words, excerpt));
        assertNotEquals(coded, coded(words, excerpt + "!"));
    }

    private static IndexedQuestion coded(WordCodes words, String excerpt) {
        return new IndexedQuestion(1, ID, "métrique-1", 1, QuestionStatus.PUBLISHED, null, "Title 📈", excerpt,
                Category.METRIC_DESIGN, JobRole.DATA_PM, List.of(), null, RoundType.ONSITE, List.of(), List.of(),
                Difficulty.EASY, 600, AnswerFormat.FREE_TEXT, "data-case", 0, words);
    }

    @Test
    void shouldBeEqualOnlyWhenEveryFieldIs() {
        IndexedQuestion q = question(1, ID, "s", "Title", "excerpt");
        assertEquals(q, question(1, ID, "s", "Title", "excerpt"));
        assertEquals(q.hashCode(), question(1, ID, "s", "Title", "excerpt").hashCode());
        // the same bytes split differently between slug and title is another question
        assertNotEquals(q, question(1, ID, "sT", "itle", "excerpt"));
        assertNotEquals(q, question(1, ID, "s", "Title", "excerpt!"));
        assertNotEquals(q, question(2, ID, "s", "Title", "excerpt"));
    }

    @Test
    void shouldCompareTitlesInCodePointOrderLikeTheCatalogDatabase() {
        // U+FF5E sorts before U+1F600 by code point (and in C.UTF-8); String.compareTo says the opposite
        IndexedQuestion fullwidth = question(1, ID, "a", "a\uFF5E", "");
        IndexedQuestion emoji = question(2, ID, "b", "a\uD83D\uDE00", "");
        IndexedQuestion shorter = question(3, ID, "c", "a", "");
        IndexedQuestion accented = question(4, ID, "d", "É", "");
        IndexedQuestion lower = question(5, ID, "e", "z", "");
        assertTrue(IndexedQuestion.compareTitles(fullwidth, emoji) < 0);
        assertTrue("a\uFF5E".compareTo("a\uD83D\uDE00") > 0, "UTF-16 order differs here, which is why bytes are compared");
        assertTrue(IndexedQuestion.compareTitles(shorter, fullwidth) < 0);
        assertTrue(IndexedQuestion.compareTitles(lower, accented) < 0);
        assertEquals(0, IndexedQuestion.compareTitles(shorter, question(9, ID, "longer-slug", "a", "x")));
    }

    @Test
    void shouldCompareIdsAsUnsignedBytes() {
        IndexedQuestion low = question(1, UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"), "a", "t", "");
        IndexedQuestion high = question(2, UUID.fromString("80000000-0000-0000-0000-000000000000"), "b", "t", "");
        assertTrue(IndexedQuestion.compareIds(low, high) < 0);
        assertTrue(IndexedQuestion.compareIds(high, low) > 0);
    }

    private static IndexedQuestion question(int key, UUID id, String slug, String title, String excerpt) {
        return new IndexedQuestion(key, id, slug, 3, QuestionStatus.RETIRED, "firm-a", title, excerpt, Category.SQL,
                JobRole.DATA_PM, List.of("SENIOR", "STAFF"), "Netflix", RoundType.ONSITE, List.of("JUDGMENT"),
                List.of("sql", "joins"), Difficulty.HARD, 900, AnswerFormat.SQL, "sql-analysis", 1_700_000_000_123_456L);
    }
}
