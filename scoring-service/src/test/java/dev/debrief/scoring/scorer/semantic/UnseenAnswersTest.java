package dev.debrief.scoring.scorer.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.AnswerFormat;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.scorer.AnswerScorer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check issue #14 was filed from, on answers outside the labelled set: eight answers to prompts no labelled
 * answer has (a strong and a weak one per free-text rubric), written after levels-4 was fit and never used to fit or
 * choose anything, each marked with the side of the rubric a coach would put all its dimensions on (3–4 or 1–2).
 * Rating everything low would put half of the dimensions on their side; the first measurement had 64%.
 */
class UnseenAnswersTest {

    static final String RESOURCE = "unseen/answers.json";
    /** Of the dimensions of strong answers, and separately of weak ones, this share must land on the coach's side. */
    static final double ON_THEIR_SIDE = 0.9;

    @Test
    void shouldPutStrongAnswersHighAndWeakAnswersLow() throws IOException {
        AnswerScorer scorer = AnswerScorer.shared();
        Map<String, RubricDefinition> rubrics = LabelledSet.rubrics();
        int[] right = new int[2];
        int[] all = new int[2];
        for (JsonNode answer : answers()) {
            boolean strong = answer.get("side").asText().equals("strong");
            AnswerScorer.Result result = scorer.score(rubrics.get(answer.get("rubric").asText()),
                    new AnswerScorer.AnswerInput(AnswerFormat.FREE_TEXT, answer.get("prompt").asText(),
                            answer.get("text").asText()), null);
            int side = strong ? 1 : 0;
            for (DimensionScore d : result.dimensions()) {
                all[side]++;
                right[side] += (strong ? d.level() >= 3 : d.level() <= 2) ? 1 : 0;
            }
            System.out.println("unseen " + answer.get("rubric").asText() + " " + answer.get("side").asText() + ": "
                    + result.dimensions().stream().map(d -> d.key() + "=" + d.level()).toList());
        }
        System.out.printf("unseen: strong answers high on %d of %d dimensions, weak answers low on %d of %d%n",
                right[1], all[1], right[0], all[0]);
        assertTrue(right[1] >= ON_THEIR_SIDE * all[1], "strong answers high on " + right[1] + " of " + all[1]);
        assertTrue(right[0] >= ON_THEIR_SIDE * all[0], "weak answers low on " + right[0] + " of " + all[0]);
    }

    private static JsonNode answers() throws IOException {
        try (InputStream in = UnseenAnswersTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return Json.mapper().readTree(in);
        }
    }
}
