package dev.debrief.scoring.scorer;

import dev.debrief.contracts.AnswerFormat;
import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.rubrics.RubricSeeder;
import dev.debrief.scoring.sql.SqlInspector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scorer explains itself: levels rest on quoted spans and the feedback names what to change. */
class ScorerExplanationTest {

    static AnswerScorer scorer;
    static Map<String, RubricDefinition> rubrics;

    @BeforeAll
    static void load() {
        scorer = AnswerScorer.shared();
        rubrics = RubricSeeder.read().stream().collect(Collectors.toMap(RubricDefinition::slug, Function.identity()));
    }

    @Test
    void shouldNameTheSqlTrapsAndQuoteTheLineThatFallsIntoThem() {
        String sql = """
                -- average watch per device
                SELECT s.device, AVG(p.seconds_watched) AS avg_watch
                FROM plays p
                JOIN sessions s ON p.member_id = s.member_id
                GROUP BY s.device;""";
        AnswerScorer.Result result = scorer.score(rubrics.get("sql-analysis"),
                new AnswerScorer.AnswerInput(AnswerFormat.SQL, "Average watch time per session, by device.", sql), null);

        DimensionScore skepticism = result.dimension("data-skepticism").orElseThrow();
        assertEquals(1, skepticism.level());
        assertTrue(skepticism.feedback().contains("member_id"), skepticism.feedback());
        assertTrue(skepticism.evidence().stream().anyMatch(e -> e.quote().contains("ON p.member_id = s.member_id")));
        assertTrue(result.sqlReport().has(SqlInspector.FANOUT));
        assertTrue(result.sqlReport().has(SqlInspector.DUPLICATES));
        assertTrue(result.sqlReport().has(SqlInspector.TEST_ACCOUNTS));
    }

    @Test
    void shouldFindNoTrapsInAQueryThatAvoidsThem() {
        String sql = """
                WITH deduped AS (SELECT DISTINCT ON (play_id) play_id, session_id, seconds_watched FROM plays ORDER BY play_id)
                SELECT s.device, avg(d.seconds_watched) / 60.0 AS avg_minutes
                FROM deduped d
                JOIN sessions s ON s.session_id = d.session_id
                JOIN members m ON m.member_id = s.member_id AND NOT m.is_test_account
                GROUP BY s.device""";
        SqlInspector.Report report = new SqlInspector().inspect(sql, "Average watch time per session, by device.");
        assertTrue(report.parsed(), String.valueOf(report.error()));
        assertEquals(java.util.List.of(), report.traps());
    }

    @Test
    void shouldQuoteEvidenceWithOffsetsAndSimilarityAndMeasureTheSetup() {
        String story = "I led checkout at a retailer and the stakes were a 3% drop in conversion. I decided to roll back "
                + "the redesign within a day, and conversion went from 2.1% back to 3.0% against the baseline. In hindsight "
                + "I should have staged it; since then I ramp every launch to 5% of traffic first.";
        AnswerScorer.Result result = scorer.score(rubrics.get("behavioral-story"),
                new AnswerScorer.AnswerInput(AnswerFormat.FREE_TEXT, "Tell me about a mistake.", story), null);

        assertTrue(result.scorer().startsWith("automated:" + dev.debrief.scoring.scorer.semantic.SemanticScorer.VERSION + "/all-minilm-l6-v2-q/"), result.scorer());
        for (DimensionScore d : result.dimensions()) {
            assertTrue(d.feedback().startsWith("To reach level " + (d.level() + 1)) || d.level() == 4, d.feedback());
            d.evidence().forEach(e -> {
                assertEquals(story.substring(e.start(), e.end()), e.quote());
                assertTrue(e.similarity() != null && e.similarity() > 0 && e.similarity() <= 1, String.valueOf(e.similarity()));
            });
        }
        assertTrue(result.dimensions().stream().anyMatch(d -> !d.evidence().isEmpty()), "some evidence is quoted");
        assertEquals(0, AnswerScorer.wordsBeforeFirstAction(new TextAnalyzer().analyze(story)));
    }

    @Test
    void shouldSayWhatTheNextLevelNeedsInOneSentence() {
        AnswerScorer.Result result = scorer.score(rubrics.get("data-case"),
                new AnswerScorer.AnswerInput(AnswerFormat.FREE_TEXT, "Measure a feature.", "We should track everything and see what happens."),
                null);
        DimensionScore spine = result.dimension("decision-spine").orElseThrow();
        assertEquals(1, spine.level());
        assertTrue(spine.feedback().startsWith("To reach level 2: picks a primary metric"), spine.feedback());
        assertEquals(1, spine.feedback().split("\\. ").length, "one sentence");
    }

    @Test
    void shouldPointIntoTheStructuredAnswerWhenItQuotesAMetricOrTheThreshold() throws Exception {
        JsonNode structured = Json.mapper().readTree("""
                {"metrics":[{"name":"7-day completion rate","rank":1,"kind":"PRIMARY"},
                            {"name":"Time-to-first-play no more than 10% worse","rank":2,"kind":"GUARDRAIL"}],
                 "decisionThreshold":"Pilot in one region for 3 weeks vs a holdout; ship if completion is up 2 points, kill it if it drops below 60%."}""");
        AnswerScorer.Result result = scorer.score(rubrics.get("data-case"),
                new AnswerScorer.AnswerInput(AnswerFormat.STRUCTURED_METRICS, "Measure a feature.",
                        "Completion, because starts are easy to inflate with autoplay.", structured), null);

        DimensionScore spine = result.dimension("decision-spine").orElseThrow();
        assertEquals(4, spine.level());
        assertTrue(spine.evidence().stream().anyMatch(e -> "/metrics/0/name".equals(e.pointer())
                && e.quote().equals("7-day completion rate")), spine.evidence().toString());
        assertTrue(spine.evidence().stream().anyMatch(e -> "/metrics/1/name".equals(e.pointer())));
        DimensionScore optionality = result.dimension("optionality-preservation").orElseThrow();
        assertTrue(optionality.level() >= 3, "level " + optionality.level());
        assertTrue(optionality.evidence().stream().allMatch(e -> "/decisionThreshold".equals(e.pointer())));
    }

    @Test
    void shouldAskForTheMissingGuardrailAndNumberWhenTheStructuredSpineIsIncomplete() throws Exception {
        JsonNode structured = Json.mapper().readTree("""
                {"metrics":[{"name":"Engagement","rank":1,"kind":"PRIMARY"}],"decisionThreshold":"Launch if engagement goes up."}""");
        AnswerScorer.Result result = scorer.score(rubrics.get("data-case"),
                new AnswerScorer.AnswerInput(AnswerFormat.STRUCTURED_METRICS, "Measure a feature.", null, structured), null);

        DimensionScore spine = result.dimension("decision-spine").orElseThrow();
        assertTrue(spine.level() <= 2, "level " + spine.level());
        assertTrue(spine.feedback().contains("GUARDRAIL"), spine.feedback());
        assertEquals(1, result.dimension("optionality-preservation").orElseThrow().level());
        assertTrue(result.dimension("optionality-preservation").orElseThrow().feedback().contains("kill switch"));
    }
}
