package dev.debrief.question.catalog.domain;

import dev.debrief.contracts.AnswerFormat;
import dev.debrief.question.taxonomy.Category;
import dev.debrief.question.taxonomy.Difficulty;
import dev.debrief.question.taxonomy.JobRole;
import dev.debrief.question.taxonomy.RoundType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The question's status machine alone: each move returns the event it announces, as the question was then. */
class QuestionTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    private static QuestionContent content(String title) {
        return new QuestionContent(title, "A prompt", Category.SQL, JobRole.DATA_PM, List.of(), null,
                RoundType.DATA_CASE, List.of(), List.of(), 600, Difficulty.EASY, "sql-analysis", AnswerFormat.SQL,
                null, List.of(), List.of(), List.of(), null).normalised();
    }

    @Test
    void shouldAnnounceEachMoveWithTheQuestionAsItWasThen() {
        Question q = Question.create("firm-a", "q", QuestionStatus.DRAFT, content("First"), "coach", NOW);
        assertEquals(QuestionEvent.Kind.REVISED, q.created().kind());

        QuestionEvent revised = q.revise(content("Second"), NOW);
        QuestionEvent published = q.publish(NOW);
        QuestionEvent retired = q.retire(NOW);

        assertEquals(List.of(2, 2, 2), List.of(revised.version(), published.version(), retired.version()));
        assertEquals(List.of(QuestionStatus.DRAFT, QuestionStatus.PUBLISHED, QuestionStatus.RETIRED),
                List.of(revised.status(), published.status(), retired.status()));
        assertEquals("Second", published.title());
        assertEquals("firm-a", retired.tenant());
    }

    @Test
    void shouldAnnounceACreationAsPublishedWhenCreatedPublished() {
        Question q = Question.create(null, "q", QuestionStatus.PUBLISHED, content("T"), "admin", NOW);
        assertEquals(QuestionEvent.Kind.PUBLISHED, q.created().kind());
    }

    @Test
    void shouldRefuseIllegalMovesWithItsOwnException() {
        Question q = Question.create(null, "q", QuestionStatus.DRAFT, content("T"), "admin", NOW);
        assertThrows(IllegalStatusMove.class, () -> q.retire(NOW));
        q.publish(NOW);
        assertThrows(IllegalStatusMove.class, () -> q.publish(NOW));
        assertThrows(IllegalStatusMove.class, () -> q.moveTo(QuestionStatus.DRAFT, NOW));
        assertEquals(QuestionStatus.PUBLISHED, q.status);
    }
}
