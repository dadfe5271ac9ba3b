package dev.debrief.scoring.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.contracts.scores.AnswerScored.Evidence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The automated scorer against the labelled answers (levels a careful coach gave, written for this; free text,
 * structured metric answers and SQL). Floors:
 * at least 85% of levels within one of the coach's and at least 50% exact. Figures are printed for the docs.
 */
class ScorerAgreementTest {

    static final double WITHIN_ONE_FLOOR = 0.85;
    static final double EXACT_FLOOR = 0.50;

    static AnswerScorer scorer;
    static Map<String, RubricDefinition> rubrics;
    static List<JsonNode> labelled;

    @BeforeAll
    static void load() throws IOException {
        scorer = new AnswerScorer(new TextAnalyzer());
        rubrics = RubricSeeder.read().stream().collect(Collectors.toMap(RubricDefinition::slug, Function.identity()));
        labelled = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ScorerAgreementTest.class.getClassLoader().getResourceAsStream("labelled/answers.jsonl"),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    labelled.add(Json.mapper().readTree(line));
                }
            }
        }
    }

    @Test
    void shouldAgreeWithTheCoachesWithinOneLevelAtLeastEightyFivePercentOfTheTime() {
        int total = 0;
        int exact = 0;
        int withinOne = 0;
        Map<String, int[]> perRubric = new TreeMap<>();
        for (JsonNode row : labelled) {
            AnswerScorer.Result result = score(row);
            String group = row.get("rubric").asText() + (row.hasNonNull("structured") ? " (structured)" : "");
            int[] counts = perRubric.computeIfAbsent(group, k -> new int[3]);
            var expected = row.get("expected").fields();
            while (expected.hasNext()) {
                var entry = expected.next();
                int level = result.dimension(entry.getKey()).orElseThrow().level();
                int want = entry.getValue().asInt();
                if (level != want && System.getenv("AGREEMENT_DETAIL") != null) {
                    System.out.printf("    %s %s: scorer %d, coach %d%n", row.get("id").asText(), entry.getKey(), level, want);
                }
                total++;
                counts[0]++;
                if (level == want) {
                    exact++;
                    counts[1]++;
                }
                if (Math.abs(level - want) <= 1) {
                    withinOne++;
                    counts[2]++;
                }
            }
        }
        System.out.printf("agreement over %d answers, %d levels: exact %.1f%%, within one %.1f%%%n", labelled.size(),
                total, 100.0 * exact / total, 100.0 * withinOne / total);
        perRubric.forEach((rubric, c) -> System.out.printf("  %-18s %3d levels: exact %.1f%%, within one %.1f%%%n",
                rubric, c[0], 100.0 * c[1] / c[0], 100.0 * c[2] / c[0]));
        assertTrue(perRubric.containsKey("data-case (structured)"), "the labelled set has structured answers");
        assertTrue(labelled.size() >= 40, "the labelled set has at least 40 answers");
        assertTrue((double) withinOne / total >= WITHIN_ONE_FLOOR, "within-one agreement " + withinOne + "/" + total);
        assertTrue((double) exact / total >= EXACT_FLOOR, "exact agreement " + exact + "/" + total);
    }

    @Test
    void shouldQuoteEvidenceThatIsExactlyTheAnswerTextAtItsOffsets() {
        for (JsonNode row : labelled) {
            String answer = row.get("answer").asText();
            for (DimensionScore dimension : score(row).dimensions()) {
                for (Evidence evidence : dimension.evidence()) {
                    String quoted = evidence.pointer() == null ? answer
                            : row.get("structured").at(evidence.pointer()).asText();
                    assertEquals(quoted.substring(evidence.start(), evidence.end()), evidence.quote(), row.get("id").asText());
                }
                assertFalse(dimension.feedback().isBlank());
            }
        }
    }

    @Test
    void shouldGiveTheSameLevelsEveryTime() {
        JsonNode row = labelled.get(0);
        assertEquals(score(row), score(row));
    }

    private static AnswerScorer.Result score(JsonNode row) {
        return scorer.score(rubrics.get(row.get("rubric").asText()), new AnswerScorer.AnswerInput(
                row.get("answerFormat").asText(), row.get("prompt").asText(), row.get("answer").asText(),
                row.get("structured")), null);
    }
}
