package dev.debrief.scoring.domain.semantic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.debrief.contracts.Json;
import dev.debrief.scoring.domain.AnswerScorer;
import dev.debrief.scoring.domain.RubricDefinition;

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
 *     -Dexec.mainClass=dev.debrief.scoring.domain.semantic.FitLevels</pre>
 */
public final class FitLevels {

    public static final String VERSION = "levels-1";

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/" + LevelModel.RESOURCE);
        AnswerScorer scorer = AnswerScorer.shared();
        Map<String, RubricDefinition> rubrics = LabelledSet.rubrics();
        List<LabelledSet.Answer> train = LabelledSet.load().stream().filter(a -> !a.isTest()).toList();
        List<Example> examples = examples(scorer, rubrics, train);
        List<LevelModel.Row> rows = examples.stream().map(Example::row).toList();

        cues(scorer, rubrics, train);
        if (Boolean.getBoolean("cuesOnly")) {
            System.exit(0);
        }
        List<String> prompts = new ArrayList<>(new TreeSet<>(train.stream().map(LabelledSet.Answer::prompt).toList()));
        List<int[]> cv = new ArrayList<>();
        List<int[]> cvAnchors = new ArrayList<>();
        for (int fold = 0; fold < 5; fold++) {
            final int f = fold;
            List<Example> fitOn = examples.stream().filter(e -> prompts.indexOf(e.prompt()) % 5 != f).toList();
            List<Example> heldOut = examples.stream().filter(e -> prompts.indexOf(e.prompt()) % 5 == f).toList();
            LevelModel full = LevelModel.fit(VERSION, AnswerFeatures.NAMES, fitOn.stream().map(Example::row).toList(), true, Map.of());
            LevelModel anchors = LevelModel.fit(VERSION, AnswerFeatures.ANCHOR_NAMES,
                    fitOn.stream().map(Example::anchorRow).toList(), false, Map.of());
            for (Example e : heldOut) {
                cv.add(new int[]{full.level(e.row().dimension(), e.row().x()), e.row().level()});
                cvAnchors.add(new int[]{anchors.level(e.row().dimension(), AnswerFeatures.anchorsOnly(e.row().x())), e.row().level()});
            }
        }
        System.out.println("5-fold CV on the training split (semantic dimensions), full model:    " + Agreement.of(cv));
        System.out.println("5-fold CV on the training split (semantic dimensions), anchors only:  " + Agreement.of(cvAnchors));

        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("fitOn", "training split of " + LabelledSet.RESOURCE + " (" + train.size() + " answers, "
                + rows.size() + " dimension levels)");
        provenance.put("labelledSetSha256", LabelledSet.hash(readLabelled()));
        provenance.put("scorer", SemanticScorer.VERSION + "/" + SentenceEncoder.MODEL);
        provenance.put("exemplars", scorer.semantic().anchors().exemplarsVersion());
        provenance.put("command", "./mvnw -B -o -pl scoring-service test-compile exec:java -Dexec.classpathScope=test "
                + "-Dexec.mainClass=" + FitLevels.class.getName());
        provenance.put("trainContentSha256", train.stream().map(LabelledSet.Answer::contentHash).sorted().toList());
        LevelModel full = LevelModel.fit(VERSION, AnswerFeatures.NAMES, rows, true, provenance);
        LevelModel anchorsOnly = LevelModel.fit(VERSION, AnswerFeatures.ANCHOR_NAMES,
                examples.stream().map(Example::anchorRow).toList(), false, Map.of("fitOn", "the same rows, anchor features only"));
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("full", Json.mapper().valueToTree(full));
        root.set("anchorsOnly", Json.mapper().valueToTree(anchorsOnly));
        Files.writeString(out, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        System.out.println("weights " + java.util.Arrays.toString(full.weights()) + " thresholds "
                + java.util.Arrays.toString(full.thresholds()));
        System.out.println("wrote " + out.toAbsolutePath());
        System.exit(0);
    }

    /** One labelled dimension level with its features, and the prompt its fold is chosen by. */
    record Example(String prompt, LevelModel.Row row) {
        LevelModel.Row anchorRow() {
            return new LevelModel.Row(row.dimension(), AnswerFeatures.anchorsOnly(row.x()), row.level());
        }
    }

    static List<Example> examples(AnswerScorer scorer, Map<String, RubricDefinition> rubrics, List<LabelledSet.Answer> answers) {
        List<Example> out = new ArrayList<>();
        for (LabelledSet.Answer a : answers) {
            RubricDefinition rubric = rubrics.get(a.rubric());
            scorer.features(rubric, a.input()).forEach((key, x) -> {
                Integer level = a.expected().get(key);
                if (level != null) {
                    out.add(new Example(a.prompt(), new LevelModel.Row(a.rubric() + "/" + key, x, level)));
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
