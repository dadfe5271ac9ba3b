package dev.debrief.scoring.scorer;

import dev.debrief.contracts.AnswerFormat;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.rubrics.RubricSeeder;
import dev.debrief.scoring.scorer.semantic.SentenceEncoder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service scores a chunk of answers side by side (one thread per core), each answer's sentences in one encoder
 * run of their own. The quantised model quantises each run's activations with one range, so a sentence's vector
 * depends on what shares its run: answers are therefore never batched together, and an answer scores the same alone
 * or in a chunk, in any order. (docs/benchmarks/scoring-service.md has the measurement behind this choice.)
 */
class ChunkScoringTest {

    private static final String PROMPT = "Tell me about a hard call you made.";
    private static final List<String> ANSWERS = List.of(
            "The situation was a launch slipping by two weeks. I decided to cut scope instead of adding people, because "
                    + "the cost of delay was 40 engineer-weeks. The result was that churn dropped from 5% to 3.8% within "
                    + "a quarter. In hindsight I should have set the bar upfront.",
            "We had two candidates for the role. I asked the panel to write their scores before the debrief. We hired "
                    + "the second one. Looking back, the process was slow but fair.",
            "I think teamwork is important. Communication matters. I always try my best.",
            "Our retention metric fell after a pricing change. I pulled the cohort data myself and found test accounts "
                    + "inflating the baseline. After removing them the drop was 1.2 points, not 4. I told my director the "
                    + "change was not the cause, and we kept the new price. Since then we exclude test accounts in the "
                    + "shared query. I also wrote a note on how to check it. The team uses it every quarter. It saved us "
                    + "a second false alarm in May.",
            "Synergy, stakeholders, alignment, metrics, velocity, roadmap, OKRs.",
            "I did not run a holdout. We shipped it to everyone and the numbers went up, so I called it a win.");

    @Test
    void shouldScoreEachAnswerTheSameAloneAndInAChunkScoredSideBySide() throws Exception {
        AnswerScorer scorer = AnswerScorer.shared();
        RubricDefinition rubric = RubricSeeder.read().stream().collect(Collectors.toMap(RubricDefinition::slug,
                Function.identity())).get("behavioral-story");
        List<List<DimensionScore>> alone = new ArrayList<>();
        for (String text : ANSWERS) {
            alone.add(scorer.score(rubric, new AnswerScorer.AnswerInput(AnswerFormat.FREE_TEXT, PROMPT, text), null).dimensions());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<List<DimensionScore>>> chunk = new ArrayList<>();
                for (int i = 0; i < ANSWERS.size(); i++) {
                    String text = ANSWERS.get((i + round) % ANSWERS.size()); // another order each round
                    chunk.add(pool.submit(() -> scorer.score(rubric, new AnswerScorer.AnswerInput(AnswerFormat.FREE_TEXT, PROMPT, text),
                            null).dimensions()));
                }
                for (int i = 0; i < ANSWERS.size(); i++) {
                    assertEquals(alone.get((i + round) % ANSWERS.size()), chunk.get(i).get(), "answer " + i);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void shouldEncodeTheSameRunToTheSameVectorsEveryTime() {
        try (SentenceEncoder encoder = new SentenceEncoder(new SentenceEncoder.Threads(2, 1))) {
            List<String> run = List.of("We ran a holdout for two weeks.", "Churn dropped from 5% to 3.8%.", PROMPT);
            float[][] first = encoder.encode(run);
            for (int i = 0; i < 3; i++) {
                float[][] again = encoder.encode(run);
                for (int s = 0; s < run.size(); s++) {
                    assertArrayEquals(first[s], again[s], 0f, run.get(s));
                }
            }
        }
    }
}
