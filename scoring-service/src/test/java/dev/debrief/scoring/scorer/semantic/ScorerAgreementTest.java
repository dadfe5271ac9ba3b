package dev.debrief.scoring.scorer.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.scorer.AnswerScorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scorer against the TEST split of the labelled set, which the fit never sees (checked here by content hash),
 * beside three baselines fit on the training split: always the training mode of the dimension, a level from the
 * answer's length alone (the issue's), and from its length and count of numbers (a stricter one). Gate, overall
 * across every dimension of the test split: at least 90% within one level, a quadratic weighted kappa at least 0.2
 * above the mode baseline's and the length baseline's, and above the stricter baseline's (by
 * {@link #LENGTH_AND_NUMBERS_MARGIN}). It also prints a ceiling read from the labels alone: each dimension given its
 * answer's own mean level. Per-rubric figures are printed, not gated: the split is too small for them to be more
 * than a signal.
 */
class ScorerAgreementTest {

    static final double WITHIN_ONE_FLOOR = 0.90;
    static final double QWK_MARGIN = 0.2;
    /**
     * The margin over the stricter baseline (log words and digit tokens). Reached: levels-4 (levels-3's features beside
     * their means and maxima over the rubric's dimensions, chosen by cross-validation on the training split) gives on
     * the test split QWK 0.799 against 0.624: +0.175, short of the 0.2 asked over length alone (which it reaches:
     * length alone is 0.576, +0.223). levels-3 had 0.763 (+0.139 and +0.187). The labels' own ceiling (each dimension
     * at its answer's mean level) is 0.823; docs/scoring-service.md.
     */
    static final double LENGTH_AND_NUMBERS_MARGIN = 0.0;

    static AnswerScorer scorer;
    static Map<String, RubricDefinition> rubrics;
    static List<LabelledSet.Answer> all;

    @BeforeAll
    static void load() {
        scorer = AnswerScorer.shared();
        rubrics = LabelledSet.rubrics();
        all = LabelledSet.load();
    }

    @Test
    void shouldKeepEveryTestAnswerOutOfTheTrainingData() throws IOException {
        JsonNode model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(LevelModel.RESOURCE)) {
            model = Json.mapper().readTree(in);
        }
        Set<String> fitOn = new HashSet<>();
        model.path("full").path("provenance").path("trainContentSha256").forEach(h -> fitOn.add(h.asText()));
        Set<String> train = new HashSet<>();
        all.stream().filter(a -> !a.isTest()).forEach(a -> train.add(a.contentHash()));
        List<LabelledSet.Answer> test = all.stream().filter(LabelledSet.Answer::isTest).toList();
        assertTrue(all.size() >= 200, "at least 200 labelled answers, got " + all.size());
        assertTrue(test.size() >= 0.3 * all.size(), "a test split of at least 30%, got " + test.size() + "/" + all.size());
        assertEquals(train, fitOn, "the artefact was fit on exactly the current training split (refit after editing it)");
        for (LabelledSet.Answer a : test) {
            assertTrue(!fitOn.contains(a.contentHash()), a.id() + " is a test answer but the level model was fit on it");
        }
    }

    @Test
    void shouldSplitByPromptWithTheFixedRule() {
        Map<String, Set<String>> splits = new HashMap<>();
        Map<String, Boolean> onlyNew = new HashMap<>();
        for (LabelledSet.Answer a : all) {
            splits.computeIfAbsent(a.prompt(), p -> new HashSet<>()).add(a.split());
            // answers added after the first 207 have ids "lq-"; a prompt only they answer follows the hash rule
            onlyNew.merge(a.prompt(), a.id().startsWith("lq-"), Boolean::logicalAnd);
        }
        splits.forEach((prompt, s) -> assertEquals(1, s.size(), "one split per prompt: " + prompt));
        onlyNew.forEach((prompt, isNew) -> {
            if (isNew) {
                assertEquals(LabelledSet.splitOfNewPrompt(prompt), splits.get(prompt).iterator().next(), prompt);
            }
        });
    }

    @Test
    void shouldBeatBothBaselinesOnTheTestSplit() {
        List<LabelledSet.Answer> train = all.stream().filter(a -> !a.isTest()).toList();
        List<LabelledSet.Answer> test = all.stream().filter(LabelledSet.Answer::isTest).toList();
        Baselines baselines = Baselines.fit(train);

        List<int[]> scored = new ArrayList<>();
        List<int[]> mode = new ArrayList<>();
        List<int[]> length = new ArrayList<>();
        List<int[]> words = new ArrayList<>();
        List<int[]> ceiling = new ArrayList<>();
        Map<String, List<int[]>> perDimension = new TreeMap<>();
        Map<String, List<int[]>> perRubric = new TreeMap<>();
        Map<String, List<int[]>> perFormat = new TreeMap<>();
        for (LabelledSet.Answer a : test) {
            AnswerScorer.Result result = scorer.score(rubrics.get(a.rubric()), a.input(), null);
            for (DimensionScore d : result.dimensions()) {
                int expected = a.expected().get(d.key());
                int[] pair = {d.level(), expected};
                scored.add(pair);
                perDimension.computeIfAbsent(a.rubric() + "/" + d.key(), k -> new ArrayList<>()).add(pair);
                perRubric.computeIfAbsent(a.rubric(), k -> new ArrayList<>()).add(pair);
                perFormat.computeIfAbsent(a.format(), k -> new ArrayList<>()).add(pair);
                mode.add(new int[]{baselines.mode(a.rubric() + "/" + d.key()), expected});
                length.add(new int[]{baselines.length(a.rubric() + "/" + d.key(), a), expected});
                words.add(new int[]{baselines.words(a.rubric() + "/" + d.key(), a), expected});
                ceiling.add(new int[]{meanLevel(a), expected});
                if (System.getenv("AGREEMENT_DETAIL") != null && d.level() != expected) {
                    System.out.printf("  %s %s/%s scored %d labelled %d%n", a.id(), a.rubric(), d.key(), d.level(), expected);
                }
            }
        }
        Agreement overall = Agreement.of(scored);
        Agreement byMode = Agreement.of(mode);
        Agreement byLength = Agreement.of(length);
        Agreement byWords = Agreement.of(words);
        System.out.println("Test split (" + test.size() + " answers), scorer:          " + overall);
        System.out.println("Test split, always-the-mode baseline: " + byMode);
        System.out.println("Test split, length-only baseline:     " + byWords);
        System.out.println("Test split, length-and-numbers:       " + byLength);
        System.out.println("Test split, ceiling (answer's mean):  " + Agreement.of(ceiling));
        perRubric.forEach((k, v) -> System.out.println("  rubric " + k + ": " + Agreement.of(v)));
        perFormat.forEach((k, v) -> System.out.println("  format " + k + ": " + Agreement.of(v)));
        perDimension.forEach((k, v) -> System.out.println("  " + k + ": " + Agreement.of(v)));

        assertTrue(overall.withinOne() >= WITHIN_ONE_FLOOR, "within one " + overall);
        assertTrue(overall.qwk() >= byMode.qwk() + QWK_MARGIN, "QWK " + overall.qwk() + " vs the mode's " + byMode.qwk());
        assertTrue(overall.qwk() >= byWords.qwk() + QWK_MARGIN, "QWK " + overall.qwk() + " vs length's " + byWords.qwk());
        assertTrue(overall.qwk() > byLength.qwk() + LENGTH_AND_NUMBERS_MARGIN,
                "QWK " + overall.qwk() + " vs length and numbers' " + byLength.qwk());
    }

    /**
     * The answer's mean labelled level, rounded: what a scorer that knew each answer's overall quality exactly, and
     * nothing of how its dimensions differ, would give every dimension. Labels only; no scorer reads it.
     */
    static int meanLevel(LabelledSet.Answer a) {
        return (int) Math.round(a.expected().values().stream().mapToInt(Integer::intValue).average().orElseThrow());
    }

    /** The baselines, all learnt from the training split only. */
    record Baselines(Map<String, Integer> modes, LevelModel lengthModel, LevelModel wordsModel) {

        static Baselines fit(List<LabelledSet.Answer> train) {
            Map<String, Map<Integer, Integer>> counts = new HashMap<>();
            List<LevelModel.Row> rows = new ArrayList<>();
            List<LevelModel.Row> wordRows = new ArrayList<>();
            for (LabelledSet.Answer a : train) {
                a.expected().forEach((key, level) -> {
                    counts.computeIfAbsent(a.rubric() + "/" + key, k -> new HashMap<>()).merge(level, 1, Integer::sum);
                    rows.add(new LevelModel.Row(a.rubric() + "/" + key, lengthFeatures(a), level));
                    wordRows.add(new LevelModel.Row(a.rubric() + "/" + key, wordFeatures(a), level));
                });
            }
            Map<String, Integer> modes = new HashMap<>();
            counts.forEach((k, c) -> modes.put(k, c.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey()));
            return new Baselines(modes, LevelModel.fit("length", List.of("log-words", "numbers"), rows, true, Map.of()),
                    LevelModel.fit("words", List.of("log-words"), wordRows, true, Map.of()));
        }

        int mode(String dimension) {
            return modes.getOrDefault(dimension, 1);
        }

        int length(String dimension, LabelledSet.Answer a) {
            return lengthModel.level(dimension, lengthFeatures(a));
        }

        /** The length-only baseline. */
        int words(String dimension, LabelledSet.Answer a) {
            return wordsModel.level(dimension, wordFeatures(a));
        }

        static double[] wordFeatures(LabelledSet.Answer a) {
            return new double[]{lengthFeatures(a)[0]};
        }

        /** Words and digits-bearing tokens: the "length and numbers" counter the old floor could not tell apart. */
        static double[] lengthFeatures(LabelledSet.Answer a) {
            String text = a.text() + (a.structured() == null ? "" : " " + a.structured());
            String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
            long numbers = java.util.Arrays.stream(words).filter(w -> w.chars().anyMatch(Character::isDigit)).count();
            return new double[]{Math.log1p(words.length), Math.min(numbers, 6)};
        }
    }
}
