package dev.debrief.scoring.debrief;

import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.contracts.scores.AnswerScored.Evidence;
import dev.debrief.contracts.scores.ScorecardSubmitted.DimensionRating;
import dev.debrief.scoring.answers.Answer;
import dev.debrief.scoring.answers.AnswerScoreRow;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.rubrics.RubricSeeder;
import dev.debrief.scoring.scorecards.Recommendation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The debrief's decision rule, dissent, evidence-first points and renderings, on a hand-made session. */
class DebriefBuilderTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Map<String, RubricDefinition> RUBRICS = Map.of("behavioral-story", RubricSeeder.read().stream()
            .filter(r -> r.slug().equals("behavioral-story")).findFirst().orElseThrow());

    @Test
    void shouldApplyTheStatedDecisionRuleAndShowDissentAndTheOneThingToChange() throws Exception {
        UUID session = UUID.randomUUID();
        Answer answer = answer(session, 1);
        AnswerScoreRow automated = score(answer, Map.of("story-structure", 4, "concise-setup", 4, "quantified-impact", 1,
                "judgment-shown", 3, "updating-under-pushback", 3, "ownership-and-lessons", 3));
        DebriefBuilder.CoachCard coach = new DebriefBuilder.CoachCard(1, "coach-1", Recommendation.NO, List.of(
                new DimensionRating("quantified-impact", 3, "had numbers in the follow-up"),
                new DimensionRating("story-structure", 4, null)));

        Debrief debrief = DebriefBuilder.build(session, List.of(answer), List.of(automated), List.of(coach),
                (slug, v) -> Optional.ofNullable(RUBRICS.get(slug)), NOW);

        Debrief.Round round = debrief.rounds().get(0);
        Debrief.Dimension impact = round.dimensions().stream().filter(d -> d.key().equals("quantified-impact")).findFirst()
                .orElseThrow();
        assertEquals(2.0, impact.level(), 1e-9, "median of 1 and 3");
        // weights .15 .10 .20 .25 .15 .15 on levels 4 4 2 3 3 3: .6 + .4 + .4 + .75 + .45 + .45 = 3.05
        assertEquals(3.05, round.overall(), 1e-9);
        assertEquals(Recommendation.YES, debrief.recommendation(), "3.05 ≥ 2.75 and no round below 2.0");
        assertEquals("quantified-impact", debrief.oneThingToChange().dimension(), "(4 − 2) × 0.20 is the largest gain");
        assertTrue(debrief.dissent().stream().anyMatch(d -> "quantified-impact".equals(d.dimension())));
        assertTrue(debrief.dissent().stream().anyMatch(d -> d.note().contains("coach-1 said NO")));
        assertEquals("story-structure", round.dimensions().get(0).key(), "in the rubric's order");
        assertTrue(debrief.strengths().get(0).evidence().startsWith("\u201c"), "evidence first");
        String markdown = DebriefRenderer.markdown(debrief);
        assertTrue(markdown.contains("**Recommendation: YES**"));
        String svg = DebriefRenderer.radarSvg(debrief);
        assertTrue(svg.startsWith("<svg") && svg.contains("<polygon"));
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "debrief-sample.svg"), svg);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "debrief-sample.md"), markdown);
    }

    @Test
    void shouldNeverNameAStrengthAsTheOneThingToChange() throws Exception {
        UUID session = UUID.randomUUID();
        Answer answer = answer(session, 1);
        // judgment-shown at 3 weighs .25 (gain .25); concise-setup at 2 weighs .10 (gain .20) but is the only concern
        AnswerScoreRow automated = score(answer, Map.of("story-structure", 4, "concise-setup", 2, "quantified-impact", 4,
                "judgment-shown", 3, "updating-under-pushback", 4, "ownership-and-lessons", 4));
        Debrief debrief = DebriefBuilder.build(session, List.of(answer), List.of(automated), List.of(),
                (slug, v) -> Optional.ofNullable(RUBRICS.get(slug)), NOW);
        assertEquals("concise-setup", debrief.oneThingToChange().dimension());
        assertTrue(debrief.strengths().stream().noneMatch(p -> p.dimension().equals("concise-setup")));
        assertTrue(debrief.concerns().stream().noneMatch(p -> debrief.strengths().stream()
                .anyMatch(st -> st.dimension().equals(p.dimension()) && st.roundPosition() == p.roundPosition())));
    }

    @Test
    void shouldSayStrongNoBelowTwo() {
        Debrief.Round weak = new Debrief.Round(1, "x", 1, 1.5, List.of(), Map.of());
        assertEquals(Recommendation.STRONG_NO, DebriefBuilder.decide(1.5, List.of(weak)));
        Debrief.Round mid = new Debrief.Round(1, "x", 1, 2.5, List.of(), Map.of());
        assertEquals(Recommendation.NO, DebriefBuilder.decide(2.5, List.of(mid)));
    }

    private static Answer answer(UUID session, int round) {
        Answer a = new Answer();
        a.answerId = UUID.randomUUID();
        a.sessionId = session;
        a.candidate = "cand";
        a.rubricSlug = "behavioral-story";
        a.text = "The situation was a slipping launch. I decided to cut scope.";
        a.roundPosition = round;
        a.submittedAt = NOW;
        return a;
    }

    private static AnswerScoreRow score(Answer a, Map<String, Integer> levels) throws Exception {
        AnswerScoreRow row = new AnswerScoreRow();
        row.id = UUID.randomUUID();
        row.answerId = a.answerId;
        row.sessionId = a.sessionId;
        row.candidate = a.candidate;
        row.rubricSlug = a.rubricSlug;
        row.rubricVersion = 1;
        row.scorer = "automated:semantic-1";
        row.scorerKind = "AUTOMATED";
        row.overall = BigDecimal.valueOf(3);
        row.scoredAt = NOW;
        List<DimensionScore> dims = levels.entrySet().stream().map(e -> new DimensionScore(e.getKey(), e.getValue(),
                List.of(new Evidence(0, 35, a.text.substring(0, 35))), "Feedback for " + e.getKey() + ".")).toList();
        row.dimensions = Json.mapper().writeValueAsString(dims);
        return row;
    }
}
