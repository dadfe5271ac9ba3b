package dev.debrief.scoring.scorer.semantic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.debrief.contracts.Json;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.scorer.AnswerScorer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The fit command: learns the level models from the TRAINING split of the labelled set only, reports 5-fold
 * cross-validation on that split (folds by prompt, like the test split), prints the cues the two rules read so
 * their thresholds can be checked on training answers, and writes {@code scorer/levels-model.json}.
 *
 * <pre>./mvnw -B -o -pl scoring-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.debrief.scoring.scorer.semantic.FitLevels</pre>
 */
public final class FitLevels {

    public static final String VERSION = "levels-4";

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/" + LevelModel.RESOURCE);
        AnswerScorer scorer = AnswerScorer.shared();
        Map<String, RubricDefinition> rubrics = LabelledSet.rubrics();
        List<LabelledSet.Answer> train = LabelledSet.load().stream().filter(a -> !a.isTest()).toList();
        List<Example> examples = examples(scorer, rubrics, train);
        List<LevelModel.Row> rows = examples.stream().map(Example::row).toList();
        System.out.println("training split: " + train.size() + " answers, " + rows.size() + " dimension levels");

        cues(scorer, rubrics, train);
        if (Boolean.getBoolean("cuesOnly")) {
            System.exit(0);
        }
        List<String> prompts = new ArrayList<>(new TreeSet<>(train.stream().map(LabelledSet.Answer::prompt).toList()));
        // the length baselines, cross-validated on the same folds: what the scorer has to beat
        List<int[]> cvLength = new ArrayList<>();
        List<int[]> cvWords = new ArrayList<>();
        for (int fold = 0; fold < 5; fold++) {
            final int f = fold;
            ScorerAgreementTest.Baselines b = ScorerAgreementTest.Baselines.fit(
                    train.stream().filter(a -> prompts.indexOf(a.prompt()) % 5 != f).toList());
            train.stream().filter(a -> prompts.indexOf(a.prompt()) % 5 == f).forEach(a -> a.expected().forEach((key, level) -> {
                if (examples.stream().anyMatch(e -> e.answerId().equals(a.id()) && e.row().dimension().equals(a.rubric() + "/" + key))) {
                    cvLength.add(new int[]{b.length(a.rubric() + "/" + key, a), level});
                    cvWords.add(new int[]{b.words(a.rubric() + "/" + key, a), level});
                }
            }));
        }
        System.out.println("5-fold CV on the training split, length-only baseline: " + Agreement.of(cvWords));
        System.out.println("5-fold CV on the training split, length and numbers:   " + Agreement.of(cvLength));

        // the feature sets compared, each with the L2 penalties it is fit with; the one with the best cross-validated
        // QWK is fit and shipped
        LevelModel.Regularisation levels2 = LevelModel.Regularisation.LEVELS_2;
        LevelModel.Regularisation looser = new LevelModel.Regularisation(0.01, 0.03);
        LevelModel.Regularisation loosest = new LevelModel.Regularisation(0.005, 0.05);
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        candidates.put("previous (sums: words, numbers)", new Candidate(AnswerFeatures.NAMES, levels2));
        candidates.put("no length", new Candidate(List.of("level1", "level2", "level3", "level4", "for", "against",
                "relevance", "hedging", "connectedness", "rule"), levels2));
        candidates.put("padding-robust", new Candidate(List.of("level1", "level2", "level3", "level4", "for", "against",
                "relevance", "hedging", "connectedness", "rule", "level3top2", "level4top2", "forTop2", "margin",
                "onTopicShare", "numberDensity", "negatedShare"), levels2));
        candidates.put("padding-robust + capped words", new Candidate(List.of("level1", "level2", "level3", "level4",
                "for", "against", "relevance", "hedging", "connectedness", "rule", "level3top2", "level4top2", "forTop2",
                "margin", "onTopicShare", "numberDensity", "negatedShare", "substanceCapped"), levels2));
        List<String> robust = List.of("level3top2", "level4top2", "forTop2", "margin", "onTopicShare", "numberDensity",
                "negatedShare");
        List<String> withRobust = new ArrayList<>(AnswerFeatures.NAMES);
        withRobust.addAll(robust);
        candidates.put("previous + padding-robust", new Candidate(List.copyOf(withRobust), levels2));
        List<String> cappedRobust = new ArrayList<>(withRobust);
        cappedRobust.set(cappedRobust.indexOf("substance"), "substanceCapped");
        candidates.put("previous + padding-robust, capped", new Candidate(List.copyOf(cappedRobust), levels2));
        List<String> relevant = new ArrayList<>(withRobust);
        relevant.add("substanceRelevant");
        candidates.put("previous + padding-robust + relevant words", new Candidate(List.copyOf(relevant), levels2));
        List<String> relevantOnly = new ArrayList<>(relevant);
        relevantOnly.remove("substance");
        candidates.put("padding-robust + relevant words, no total", new Candidate(List.copyOf(relevantOnly), levels2));
        // levels-3: the levels-2 set with looser penalties (weights 0.01, offsets 0.03), and with coverage of each side
        // of the rubric (upper statements covered less lower ones) and the mean relevance of the sentences to the prompt
        List<String> coverage = new ArrayList<>(relevant);
        coverage.add("coverage");
        List<String> coverageRelevance = new ArrayList<>(coverage);
        coverageRelevance.add("relevanceMean");
        candidates.put("levels-2 set, looser penalties", new Candidate(List.copyOf(relevant), looser));
        candidates.put("levels-2 set + coverage", new Candidate(List.copyOf(coverage), levels2));
        candidates.put("levels-2 set + coverage, looser penalties", new Candidate(List.copyOf(coverage), looser));
        candidates.put("levels-2 set + coverage, loosest penalties", new Candidate(List.copyOf(coverage), loosest));
        candidates.put("levels-2 set + coverage + mean relevance, looser", new Candidate(List.copyOf(coverageRelevance), looser));
        candidates.put("levels-2 set + coverage + mean relevance, loosest", new Candidate(List.copyOf(coverageRelevance), loosest));
        // levels-4: the levels-3 set beside its means (and maxima) over the rubric's dimensions: the whole answer as
        // context for each dimension
        List<String> context = coverageRelevance.stream().filter(AnswerFeatures.DIMENSION_SPECIFIC::contains).toList();
        List<String> withMeans = new ArrayList<>(coverageRelevance);
        context.forEach(n -> withMeans.add(AnswerFeatures.ANSWER_MEAN + n));
        List<String> withMeansAndMaxima = new ArrayList<>(withMeans);
        context.forEach(n -> withMeansAndMaxima.add(AnswerFeatures.ANSWER_MAX + n));
        candidates.put("levels-3 set + its answer means, looser", new Candidate(List.copyOf(withMeans), looser));
        candidates.put("levels-3 set + its answer means, loosest", new Candidate(List.copyOf(withMeans), loosest));
        candidates.put("levels-3 set + its answer means and maxima, looser", new Candidate(List.copyOf(withMeansAndMaxima), looser));
        String best = null;
        double bestQwk = -1;
        for (Map.Entry<String, Candidate> c : candidates.entrySet()) {
            Agreement full = crossValidate(examples, prompts, c.getValue().features(), c.getValue().regularisation());
            Agreement anchors = crossValidate(examples, prompts, anchorsOnly(c.getValue().features()),
                    c.getValue().regularisation());
            System.out.printf("5-fold CV on the training split, %-50s full: %s | anchors only: %s%n", c.getKey(), full, anchors);
            if (full.qwk() > bestQwk) {
                bestQwk = full.qwk();
                best = c.getKey();
            }
        }
        List<String> chosen = candidates.get(best).features();
        LevelModel.Regularisation penalties = candidates.get(best).regularisation();
        System.out.println("chosen by CV: " + best + " " + chosen + " " + penalties);
        Map<String, List<int[]>> byCase = new java.util.TreeMap<>();
        crossValidatePairs(examples, prompts, chosen, penalties, byCase);
        byCase.forEach((k, v) -> System.out.println("  CV by case " + k + ": " + Agreement.of(v)));

        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("fitOn", "training split of " + LabelledSet.RESOURCE + " (" + train.size() + " answers, "
                + rows.size() + " dimension levels)");
        provenance.put("labelledSetSha256", LabelledSet.hash(readLabelled()));
        provenance.put("scorer", SemanticScorer.VERSION + "/" + SentenceEncoder.MODEL);
        provenance.put("exemplars", scorer.semantic().anchors().exemplarsVersion());
        provenance.put("command", "./mvnw -B -o -pl scoring-service test-compile exec:java -Dexec.classpathScope=test "
                + "-Dexec.mainClass=" + FitLevels.class.getName());
        provenance.put("trainContentSha256", train.stream().map(LabelledSet.Answer::contentHash).sorted().toList());
        provenance.put("featuresChosenBy", "5-fold CV QWK on the training split among " + candidates.keySet());
        provenance.put("penalties", Map.of("weights", penalties.weights(), "offsets", penalties.offsets()));
        LevelModel full = LevelModel.fit(VERSION, chosen, rows(examples, chosen), true, penalties, provenance);
        LevelModel anchorsOnly = LevelModel.fit(VERSION, anchorsOnly(chosen), rows(examples, anchorsOnly(chosen)), false,
                penalties, Map.of("fitOn", "the same rows, anchor features only"));
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("full", Json.mapper().valueToTree(full));
        root.set("anchorsOnly", Json.mapper().valueToTree(anchorsOnly));
        Files.writeString(out, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        System.out.println("weights " + java.util.Arrays.toString(full.weights()) + " thresholds "
                + java.util.Arrays.toString(full.thresholds()));
        System.out.println("wrote " + out.toAbsolutePath());
        System.exit(0);
    }

    /** One labelled dimension level with its features (over {@link AnswerFeatures#ALL}), its prompt and case. */
    record Example(String prompt, String answerId, String hardCase, LevelModel.Row row) {
        LevelModel.Row select(List<String> names) {
            return new LevelModel.Row(row.dimension(), AnswerFeatures.select(row.x(), names), row.level());
        }
    }

    /** A feature set and the penalties it is fit with. */
    record Candidate(List<String> features, LevelModel.Regularisation regularisation) {
    }

    /**
     * The anchors-only model's features: the chosen ones less those that read exemplars (themselves or through an
     * answer mean or maximum), with margin and coverage read from the level anchors instead.
     */
    static List<String> anchorsOnly(List<String> names) {
        List<String> out = new ArrayList<>(names.stream().filter(n -> !AnswerFeatures.readsExemplars(n)).toList());
        for (String n : names) {
            if (n.endsWith("margin") || n.endsWith("coverage")) {
                out.add(n + "Anchors");
            }
        }
        return List.copyOf(out);
    }

    static List<LevelModel.Row> rows(List<Example> examples, List<String> names) {
        return examples.stream().map(e -> e.select(names)).toList();
    }

    /** 5-fold cross-validation, folds by prompt (every answer of a prompt in one fold), offsets only on full sets. */
    static Agreement crossValidate(List<Example> examples, List<String> prompts, List<String> names,
            LevelModel.Regularisation penalties) {
        return Agreement.of(crossValidatePairs(examples, prompts, names, penalties, new java.util.TreeMap<>()));
    }

    static List<int[]> crossValidatePairs(List<Example> examples, List<String> prompts, List<String> names,
            LevelModel.Regularisation penalties, Map<String, List<int[]>> byCase) {
        boolean offsets = names.stream().anyMatch(AnswerFeatures::readsExemplars);
        List<int[]> pairs = new ArrayList<>();
        for (int fold = 0; fold < 5; fold++) {
            final int f = fold;
            List<Example> fitOn = examples.stream().filter(e -> prompts.indexOf(e.prompt()) % 5 != f).toList();
            LevelModel model = LevelModel.fit(VERSION, names, rows(fitOn, names), offsets, penalties, Map.of());
            for (Example e : examples.stream().filter(x -> prompts.indexOf(x.prompt()) % 5 == f).toList()) {
                int[] pair = {model.level(e.row().dimension(), AnswerFeatures.select(e.row().x(), names)), e.row().level()};
                pairs.add(pair);
                byCase.computeIfAbsent(e.hardCase().isEmpty() ? "-" : e.hardCase(), k -> new ArrayList<>()).add(pair);
            }
        }
        return pairs;
    }

    static List<Example> examples(AnswerScorer scorer, Map<String, RubricDefinition> rubrics, List<LabelledSet.Answer> answers) {
        List<Example> out = new ArrayList<>();
        for (LabelledSet.Answer a : answers) {
            RubricDefinition rubric = rubrics.get(a.rubric());
            scorer.features(rubric, a.input()).forEach((key, x) -> {
                Integer level = a.expected().get(key);
                if (level != null) {
                    out.add(new Example(a.prompt(), a.id(), a.hardCase(), new LevelModel.Row(a.rubric() + "/" + key, x, level)));
                }
            });
        }
        return out;
    }

    /** The cues the off-topic and keyword-list rules read, on training answers only, by hard case. */
    private static void cues(AnswerScorer scorer, Map<String, RubricDefinition> rubrics, List<LabelledSet.Answer> train) {
        for (LabelledSet.Answer a : train) {
            if ("SQL".equals(a.format())) {
                continue;
            }
            SemanticScorer.Cues c = scorer.semantic().cues(rubrics.get(a.rubric()), a.prompt(), a.text(), false);
            System.out.printf("cues %-14s %-8s topicality %.3f connectedness %.3f relevance %.3f %s%n",
                    a.hardCase().isEmpty() ? "-" : a.hardCase(), a.quality(), c.topicality(), c.connectedness(),
                    c.relevance(), a.id());
        }
    }

    private static String readLabelled() throws IOException {
        try (InputStream in = FitLevels.class.getClassLoader().getResourceAsStream(LabelledSet.RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
