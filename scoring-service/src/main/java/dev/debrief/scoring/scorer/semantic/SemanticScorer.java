package dev.debrief.scoring.scorer.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.contracts.scores.AnswerScored.Evidence;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.scorer.TextAnalyzer;
import dev.debrief.scoring.scorer.semantic.AnchorBank.DimensionAnchors;
import dev.debrief.scoring.scorer.semantic.AnswerFeatures.Unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores free text (and SQL, and a structured answer's notes) against a rubric by meaning. Each dimension's
 * features are the answer's similarities to that dimension's level anchors and exemplars plus a few structural
 * cues ({@link AnswerFeatures}); a fitted ordinal model ({@link LevelModel}) turns them into a level. Two rules a
 * coach would apply come first and are said in the feedback: an answer that is nowhere near the question or the
 * rubric is off topic (level 1 everywhere), and a list of terms with no connecting language is capped at 2.
 * Evidence is the sentences closest to the anchors, with offsets and similarity.
 */
public final class SemanticScorer {

    public static final String VERSION = "semantic-4";
    /** A unit counts as on topic when it is this much closer to the prompt or the rubric than to small talk. */
    static final double ON_TOPIC = 0.0;
    /** An answer with no sentence nearer the question or the rubric than small talk is off topic. */
    static final double OFF_TOPIC = 0.0;
    /** Function words below this share of the on-topic words: a keyword list, not reasoning. */
    static final double SALAD = 0.14;
    static final int MAX_UNITS = 80;
    private static final int MAX_EVIDENCE = 3;

    /** The fitted models: the full one and the one for rubrics with level anchors only. */
    public record Models(LevelModel full, LevelModel anchorsOnly) {

        public static Models load() {
            try (InputStream in = SemanticScorer.class.getClassLoader().getResourceAsStream(LevelModel.RESOURCE)) {
                if (in == null) {
                    return null;
                }
                JsonNode root = Json.mapper().readTree(in);
                return new Models(LevelModel.read(root.path("full")), LevelModel.read(root.path("anchorsOnly")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The scored dimensions and the scorer's full name (version, model, calibration). */
    public record Scored(List<DimensionScore> dimensions, String scorer) {
    }

    private final TextAnalyzer analyzer;
    private final SentenceEncoder encoder;
    private final AnchorBank anchors;
    private final Models models;

    public SemanticScorer(TextAnalyzer analyzer, SentenceEncoder encoder, AnchorBank anchors, Models models) {
        this.analyzer = analyzer;
        this.encoder = encoder;
        this.anchors = anchors;
        this.models = models;
    }

    public AnchorBank anchors() {
        return anchors;
    }

    /** Each dimension's feature vector (over {@link AnswerFeatures#ALL}): what the fit command learns from. */
    public Map<String, double[]> features(RubricDefinition rubric, String prompt, String text, boolean sql,
            Map<String, Double> sqlPoints) {
        Prepared p = prepare(rubric, prompt, text, sql, sqlPoints);
        return p.features();
    }

    /** The two whole-answer cues the rules read: closeness to the question or rubric, and connecting language. */
    public record Cues(double topicality, double connectedness, double relevance, double[] units) {
    }

    public Cues cues(RubricDefinition rubric, String prompt, String text, boolean sql) {
        Prepared p = prepare(rubric, prompt, text, sql, Map.of());
        return new Cues(p.answer().onTopicShare(), p.answer().connectedness(), p.answer().relevance(),
                p.answer().unitTopicality());
    }

    /** Only the given dimensions are scored (a structured answer's structure scores the others). */
    public Scored score(RubricDefinition rubric, String prompt, String text, boolean sql, Map<String, Double> sqlPoints,
            java.util.function.Predicate<String> which) {
        if (models == null) {
            throw new IllegalStateException(LevelModel.RESOURCE + " is missing: run the fit command");
        }
        Prepared p = prepare(rubric, prompt, text, sql, sqlPoints);
        boolean offTopic = !sql && p.answer().onTopicShare() <= OFF_TOPIC;
        boolean salad = !sql && !p.answer().units().isEmpty() && p.answer().connectedness() < SALAD;
        boolean anyAnchorsOnly = false;
        List<DimensionScore> out = new ArrayList<>();
        for (RubricDefinition.Dimension dimension : rubric.dimensions()) {
            if (!which.test(dimension.key())) {
                continue;
            }
            DimensionAnchors a = p.anchors().get(dimension.key());
            double[] x = p.features().get(dimension.key());
            LevelModel model = a.anchorsOnly() ? models.anchorsOnly() : models.full();
            int level = model.level(rubric.slug() + "/" + dimension.key(), AnswerFeatures.select(x, model.features()));
            anyAnchorsOnly |= a.anchorsOnly();
            String why = null;
            if (text == null || text.isBlank() || offTopic) {
                level = 1;
                why = "The answer does not address the question or anything this rubric looks for. ";
            } else if (salad && level > 2) {
                level = 2;
                why = "A list of terms shows vocabulary, not reasoning: say how they connect and what you would decide. ";
            }
            out.add(new DimensionScore(dimension.key(), level, evidence(p.answer(), a, level),
                    (why == null ? "" : why) + nextStep(dimension, level),
                    a.anchorsOnly() ? DimensionScore.ANCHORS_ONLY : DimensionScore.FITTED));
        }
        String scorer = "automated:" + VERSION + "/" + SentenceEncoder.MODEL + "/" + models.full().version()
                + (anyAnchorsOnly ? "/anchors-only:" + models.anchorsOnly().version() : "");
        return new Scored(List.copyOf(out), scorer);
    }

    public String name() {
        return "automated:" + VERSION + "/" + SentenceEncoder.MODEL + "/" + (models == null ? "unfitted" : models.full().version());
    }

    private record Prepared(AnswerFeatures answer, Map<String, DimensionAnchors> anchors, Map<String, double[]> features) {
    }

    private Prepared prepare(RubricDefinition rubric, String prompt, String text, boolean sql,
            Map<String, Double> sqlPoints) {
        AnswerFeatures answer = AnswerFeatures.of(text == null ? "" : text, prompt, sql, analyzer, encoder, MAX_UNITS);
        Map<String, DimensionAnchors> byKey = new LinkedHashMap<>();
        for (RubricDefinition.Dimension d : rubric.dimensions()) {
            byKey.put(d.key(), anchors.of(rubric.slug(), d));
        }
        answer.markOnTopic(List.copyOf(byKey.values()), anchors.background());
        Map<String, double[]> features = new LinkedHashMap<>();
        byKey.forEach((key, a) -> features.put(key, answer.of(a, sqlPoints.getOrDefault(key, 0.0))));
        return new Prepared(answer, byKey, AnswerFeatures.inContext(features));
    }

    /**
     * The sentences closest to what the level rests on: for a strong level the best non-negated matches to the
     * upper anchors and exemplars, for a weak one also the closest match to the weak side.
     */
    private static List<Evidence> evidence(AnswerFeatures answer, DimensionAnchors a, int level) {
        record Match(Unit unit, double similarity) {
        }
        List<Match> strong = new ArrayList<>();
        List<Match> weak = new ArrayList<>();
        for (Unit u : answer.units()) {
            double up = Math.max(AnswerFeatures.max(u.vector(), a.levels().get(2)),
                    Math.max(AnswerFeatures.max(u.vector(), a.levels().get(3)), AnswerFeatures.max(u.vector(), a.forAnchors())));
            double down = Math.max(AnswerFeatures.max(u.vector(), a.levels().get(0)), AnswerFeatures.max(u.vector(), a.against()));
            if (!u.negated() && up >= 0.3) {
                strong.add(new Match(u, up));
            }
            if (down >= 0.3) {
                weak.add(new Match(u, down));
            }
        }
        strong.sort(Comparator.comparingDouble(Match::similarity).reversed());
        weak.sort(Comparator.comparingDouble(Match::similarity).reversed());
        List<Match> chosen = new ArrayList<>();
        if (level >= 3) {
            chosen.addAll(strong.stream().limit(MAX_EVIDENCE).toList());
        } else {
            chosen.addAll(weak.stream().limit(2).toList());
            strong.stream().filter(m -> chosen.stream().noneMatch(c -> c.unit() == m.unit())).limit(1).forEach(chosen::add);
        }
        return chosen.stream().sorted(Comparator.comparingInt(m -> m.unit().start()))
                .map(m -> new Evidence(m.unit().start(), m.unit().end(), m.unit().text(), null,
                        Math.round(m.similarity() * 1000) / 1000.0))
                .toList();
    }

    /** One concrete step from the rubric's own anchors: the next level's first sentence, or why this is the top. */
    static String nextStep(RubricDefinition.Dimension dimension, int level) {
        if (level == 4) {
            return "At the top anchor for " + dimension.name().toLowerCase(Locale.ROOT) + ": "
                    + lowerFirst(firstSentence(dimension.level(4).map(RubricDefinition.Level::anchor).orElse("")));
        }
        return "To reach level " + (level + 1) + ": "
                + lowerFirst(firstSentence(dimension.level(level + 1).map(RubricDefinition.Level::anchor).orElse("")));
    }

    static String firstSentence(String anchor) {
        List<String> sentences = AnchorBank.sentences(anchor);
        String s = sentences.isEmpty() ? anchor.trim() : sentences.get(0);
        return s.endsWith(".") ? s : s + ".";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
