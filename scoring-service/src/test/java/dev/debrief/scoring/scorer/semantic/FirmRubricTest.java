package dev.debrief.scoring.scorer.semantic;

import dev.debrief.contracts.AnswerFormat;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.scoring.rubrics.RubricDefinition.Dimension;
import dev.debrief.scoring.rubrics.RubricDefinition.Level;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.scorer.AnswerScorer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A firm's own rubric has no labelled answers and no exemplars: it is scored by its own level anchors alone, and
 * the score says so, per dimension and in the scorer's name. A seeded rubric says its levels are fitted.
 */
class FirmRubricTest {

    static final RubricDefinition FIRM = new RubricDefinition("acme-pricing-case", "Acme pricing case", null,
            List.of("PRODUCT_STRATEGY"), List.of(
                    new Dimension("price-anchoring", "Price anchoring", null, 0.5, List.of(
                            new Level(1, "Quotes a price with no reference point or customer segment."),
                            new Level(2, "Compares with one competitor's price but not with the value delivered."),
                            new Level(3, "Ties the price to the value a named segment gets and to what they pay today."),
                            new Level(4, "Tests price points against willingness to pay per segment and says which result would change the price.")), null),
                    new Dimension("risk", "Downside plan", null, 0.5, List.of(
                            new Level(1, "No downside considered."),
                            new Level(2, "Says revenue could fall without saying by how much or what to do."),
                            new Level(3, "Names the churn it would accept and a trigger to roll the price back."),
                            new Level(4, "Stages the change by market, sets the churn limit in advance and keeps a fallback price ready.")), null)));

    @Test
    void shouldScoreAFirmsRubricByItsOwnAnchorsAloneAndSaySo() {
        String answer = "Small studios pay about forty dollars a month for the tools we replace, so I'd anchor the new "
                + "tier at thirty and test thirty, thirty-five and forty in three markets. If monthly churn goes above 3% "
                + "in any of them we go back to the old price there.";
        AnswerScorer.Result result = AnswerScorer.shared().score(FIRM,
                new AnswerScorer.AnswerInput(AnswerFormat.FREE_TEXT, "How would you price our new studio tier?", answer), null);

        assertEquals(2, result.dimensions().size());
        for (DimensionScore d : result.dimensions()) {
            assertEquals(DimensionScore.ANCHORS_ONLY, d.calibration(), d.key());
            assertTrue(d.level() >= 1 && d.level() <= 4);
            assertTrue(d.feedback().contains(FIRM.dimension(d.key()).orElseThrow().level(Math.min(4, d.level() + 1))
                    .orElseThrow().anchor().substring(1, 20)), "the next step comes from the firm's own anchors: " + d.feedback());
        }
        assertTrue(result.scorer().endsWith("/anchors-only:" + FitLevels.VERSION), result.scorer());
    }

    @Test
    void shouldSayASeededRubricsLevelsAreFitted() {
        AnswerScorer.Result result = AnswerScorer.shared().score(LabelledSet.rubrics().get("system-design"),
                new AnswerScorer.AnswerInput(AnswerFormat.FREE_TEXT, "Design a URL shortener.",
                        "I'd start with who uses it and how many links a day, then keep one table keyed by the short code."), null);
        result.dimensions().forEach(d -> assertEquals(DimensionScore.FITTED, d.calibration(), d.key()));
        assertTrue(!result.scorer().contains("anchors-only"), result.scorer());
    }
}
