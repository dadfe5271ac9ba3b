package dev.debrief.scoring.scorer.semantic;

import dev.debrief.contracts.AnswerFormat;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.scorer.AnswerScorer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feedback a person can use, on every dimension of every seeded rubric: the level, quotes that are exactly the
 * answer's text at their offsets, and one "to reach the next level" line taken from the rubric's own next anchor.
 */
class FeedbackTest {

    static final Map<String, String> ANSWERS = Map.of(
            "data-case", "I'd hold back a random tenth of members for a month and compare completed episodes per member. "
                    + "Start-up delay may not get more than 5% worse. If completions rise two points we ship to one region first.",
            "behavioral-story", "As the lead on billing I missed a migration date by a week. I chose to delay rather than "
                    + "ship without a rollback, and we lost no invoices; since then I plan the rollback before the date.",
            "culture-values", "I told my director in the planning review that our growth target hid a churn problem, "
                    + "with the cohort numbers, and we changed the goal that quarter.",
            "system-design", "Members read their history far more than they write it, so one table per member keyed by "
                    + "time, cached at the edge, is enough for now; we add a stream only if freshness needs it.",
            "sql-analysis", "-- one row per play\nSELECT title_id, count(DISTINCT member_id) AS viewers\nFROM plays\nGROUP BY title_id;");

    @Test
    void shouldGiveLevelQuotesAndTheNextAnchorOnEveryDimension() {
        Map<String, RubricDefinition> rubrics = LabelledSet.rubrics();
        ANSWERS.forEach((slug, text) -> {
            RubricDefinition rubric = rubrics.get(slug);
            AnswerScorer.Result result = AnswerScorer.shared().score(rubric, new AnswerScorer.AnswerInput(
                    slug.equals("sql-analysis") ? AnswerFormat.SQL : AnswerFormat.FREE_TEXT, "A question.", text), null);
            assertEquals(rubric.dimensions().size(), result.dimensions().size(), slug);
            boolean anyQuote = false;
            for (DimensionScore d : result.dimensions()) {
                assertTrue(d.level() >= 1 && d.level() <= 4, slug + "/" + d.key());
                for (var e : d.evidence()) {
                    assertEquals(text.substring(e.start(), e.end()), e.quote(), slug + "/" + d.key());
                    anyQuote = true;
                }
                RubricDefinition.Dimension dimension = rubric.dimension(d.key()).orElseThrow();
                String target = d.level() == 4 ? "At the top anchor" : "To reach level " + (d.level() + 1) + ":";
                assertTrue(d.feedback().contains(target), slug + "/" + d.key() + ": " + d.feedback());
                String anchor = SemanticScorer.firstSentence(dimension.level(Math.min(4, d.level() + 1)).orElseThrow().anchor());
                // the line quotes the anchor itself (first letter lower-cased)
                assertTrue(d.feedback().contains(anchor.substring(1)), slug + "/" + d.key() + ": " + d.feedback());
                assertFalse(d.feedback().isBlank());
            }
            assertTrue(anyQuote, slug + ": some evidence is quoted");
        });
    }

    @Test
    void shouldQuoteTheUpperSideForAStrongLevelAndNeverANegatedSentence() {
        String text = "We did not keep a holdout group at all. Instead I'd randomise a tenth of members into the new row "
                + "for four weeks, leave out the first week because of novelty clicks, and compare qualified plays.";
        AnswerScorer.Result result = AnswerScorer.shared().score(LabelledSet.rubrics().get("data-case"),
                new AnswerScorer.AnswerInput(AnswerFormat.FREE_TEXT, "How would you judge a new row?", text), null);
        for (DimensionScore d : result.dimensions()) {
            if (d.level() >= 3) {
                assertTrue(d.evidence().stream().noneMatch(e -> e.quote().startsWith("We did not")), d.key() + ": " + d.evidence());
            }
        }
        List<DimensionScore> strong = result.dimensions().stream().filter(d -> d.level() >= 3).toList();
        strong.forEach(d -> assertFalse(d.evidence().isEmpty(), d.key() + " is " + d.level() + " with no quote"));
    }
}
