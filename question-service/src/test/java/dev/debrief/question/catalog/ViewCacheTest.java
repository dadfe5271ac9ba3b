package dev.debrief.question.catalog;

import dev.debrief.contracts.AnswerFormat;
import dev.debrief.question.catalog.domain.ExemplarQuality;
import dev.debrief.question.catalog.domain.QuestionContent;
import dev.debrief.question.catalog.domain.QuestionStatus;
import dev.debrief.question.taxonomy.Category;
import dev.debrief.question.taxonomy.Difficulty;
import dev.debrief.question.taxonomy.JobRole;
import dev.debrief.question.taxonomy.RoundType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack: a firm's author writes questions as large as validation allows (about 160 KB of text each) and reads
 * them by id, one after another, so every replica keeps their views. A cache bounded by its number of entries
 * (20,000 before) kept them all, gigabytes against a 104 MB heap; this one keeps what its size allows.
 */
class ViewCacheTest {

    static final long BUDGET = 4L << 20;

    @Test
    void shouldKeepNoMoreThanItsSizeOfTheLargestQuestions() {
        ViewCache cache = new ViewCache(BUDGET);
        for (int i = 0; i < 500; i++) {
            cache.put(UUID.randomUUID(), new ViewCache.Entry(largest(), "firm-a", QuestionStatus.PUBLISHED));
        }
        assertTrue(cache.bytes() <= BUDGET, "the views hold an estimated " + cache.bytes() + " bytes");
        assertTrue(cache.size() < 500 && cache.size() > 0, cache.size() + " of 500 kept");
    }

    @Test
    void shouldWeighAViewByAtLeastItsText() {
        QuestionView view = largest();
        long text = 0;
        for (QuestionContent.Exemplar e : view.content().exemplars()) {
            text += e.answer().length() + e.why().length();
        }
        int weight = ViewCache.weight(view);
        assertTrue(text >= 100_000, "the largest question carries " + text + " characters of exemplars");
        assertTrue(weight >= text, "weight " + weight + " for " + text + " characters");
    }

    /** A question with every list and text at its validated maximum. */
    static QuestionView largest() {
        String exemplar = "a".repeat(8000);
        String why = "b".repeat(2000);
        List<QuestionContent.Exemplar> exemplars = Collections.nCopies(10,
                new QuestionContent.Exemplar(ExemplarQuality.STRONG, exemplar, why));
        List<QuestionContent.FollowUp> followUps = Collections.nCopies(20, new QuestionContent.FollowUp("c".repeat(1000), 60));
        QuestionContent content = new QuestionContent("t".repeat(200), "p".repeat(4000), Category.SQL, JobRole.DATA_PM,
                List.of(), null, RoundType.DATA_CASE, List.of(), List.of(), 600, Difficulty.EASY, "sql-analysis",
                AnswerFormat.SQL, null, followUps, List.of(), exemplars,
                new QuestionContent.SqlSpec("s".repeat(8000), List.of())).normalised();
        Instant now = Instant.parse("2026-12-03T17:00:00Z");
        return new QuestionView(UUID.randomUUID(), "largest", "firm-a", QuestionStatus.PUBLISHED, 1, 1, now, now, content);
    }
}
