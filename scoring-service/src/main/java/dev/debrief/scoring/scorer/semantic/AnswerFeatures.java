package dev.debrief.scoring.scorer.semantic;

import dev.debrief.scoring.scorer.TextAnalyzer;
import dev.debrief.scoring.scorer.semantic.AnchorBank.Anchor;
import dev.debrief.scoring.scorer.semantic.AnchorBank.DimensionAnchors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An answer cut into units (sentences; for SQL, lines) and embedded once, with the cues the level model reads
 * beside the similarities: negation, hedging, numbers and how much of each unit is ordinary connected language.
 */
public final class AnswerFeatures {

    /**
     * Every feature this class computes for one dimension, in this order. Everything but {@code substance} and
     * {@code numbers} is a maximum, a top-two mean or a share, so padding cannot raise it.
     */
    public static final List<String> PER_DIMENSION = List.of("level1", "level2", "level3", "level4", "for", "against",
            "relevance", "substance", "numbers", "hedging", "connectedness", "rule",
            "level3top2", "level4top2", "forTop2", "margin", "marginAnchors", "onTopicShare", "numberDensity",
            "negatedShare", "substanceCapped", "substanceRelevant", "coverage", "coverageAnchors", "relevanceMean");
    /**
     * The per-dimension features that differ between the dimensions of one answer (the others, such as
     * {@code substance} or {@code hedging}, read the whole answer already).
     */
    public static final List<String> DIMENSION_SPECIFIC = List.of("level1", "level2", "level3", "level4", "for",
            "against", "rule", "level3top2", "level4top2", "forTop2", "margin", "marginAnchors", "substanceRelevant",
            "coverage", "coverageAnchors");
    /**
     * Prefixes of the answer's context features: the mean and the maximum of each dimension-specific feature over
     * the rubric's dimensions. A coach reads a dimension's evidence in the light of the whole answer; a dimension's
     * own sentences alone miss that (issue #14, fourth round).
     */
    public static final String ANSWER_MEAN = "answer:";
    public static final String ANSWER_MAX = "answerMax:";
    /**
     * Every feature a fitted model can name ({@link LevelModel#features()}), chosen by cross-validation on the
     * training split (FitLevels): the per-dimension ones, then the means, then the maxima over the rubric.
     */
    public static final List<String> ALL = Stream.of(PER_DIMENSION.stream(),
            DIMENSION_SPECIFIC.stream().map(f -> ANSWER_MEAN + f), DIMENSION_SPECIFIC.stream().map(f -> ANSWER_MAX + f))
            .flatMap(s -> s).toList();
    /** Where each dimension-specific feature sits in a per-dimension vector. */
    private static final int[] CONTEXT_SOURCES = DIMENSION_SPECIFIC.stream().mapToInt(PER_DIMENSION::indexOf).toArray();
    /** The features the shipped full model was fit with before levels-2 (kept for the fit command's comparison). */
    public static final List<String> NAMES = List.of("level1", "level2", "level3", "level4", "for", "against",
            "relevance", "substance", "numbers", "hedging", "connectedness", "rule");
    /** Features that read the seeded rubrics' exemplars: a firm's rubric has none, so its model never uses them. */
    public static final Set<String> EXEMPLAR_FEATURES = Set.of("for", "against", "forTop2", "margin", "coverage");
    /** Words at which {@code substanceCapped} stops growing: about a short, complete spoken answer. */
    static final int SUBSTANCE_CAP = 80;
    /** A sentence this close to the dimension's upper anchors or exemplars speaks to it ({@code substanceRelevant}). */
    static final double RELEVANT = 0.3;

    /** Not a negation: a bound ("at most 2%") is how a guardrail is stated. */
    private static final Pattern BOUND = Pattern.compile("\\bno (more|less|later|earlier|fewer|worse|lower|higher) than\\b");
    /**
     * A claim the speaker says they do not make ("we did not keep a holdout", "I won't check", "without any
     * control"): first-person negation, not the conditionals strong answers are full of ("if it doesn't move").
     */
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(i|we)\\b(\\s+\\w+){0,2}?\\s+(not|never)\\b|\\b(i|we)(\\s+\\w+)?\\s+\\w+n['’]t\\b"
                    + "|\\bwithout (any|a|an)\\b|^no\\b|\\bno need (for|to)\\b|\\b(i|we) never\\b");
    private static final Pattern HEDGE = Pattern.compile(
            "\\b(maybe|perhaps|probably|possibly|might|i guess|i think|kind of|sort of|not sure|it depends|hard to say|hopefully|could be|i suppose)\\b");
    /**
     * Words that carry grammar rather than topic: a list of rubric terms has almost none, reasoning has many.
     * Single words, so no run of them can mirror an answer.
     */
    static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "to", "of", "and", "or", "but", "so", "because",
            "if", "then", "that", "which", "who", "when", "while", "we", "i", "it", "they", "you", "he", "she", "is",
            "are", "was", "were", "be", "been", "would", "will", "should", "could", "can", "do", "did", "does", "have",
            "has", "had", "for", "with", "on", "in", "at", "by", "from", "than", "as", "this", "there", "what", "my",
            "our", "their", "its", "not", "before", "after", "until", "since", "why", "how", "me", "us");

    /** One unit of the answer: its span, vector and cues. */
    public record Unit(int start, int end, String text, float[] vector, boolean negated, boolean hedged, int words,
            int numbers, int functionWords) {
    }

    private final List<Unit> units;
    private final float[] prompt;
    private final double[] onTopic;

    AnswerFeatures(List<Unit> units, float[] prompt, double[] onTopic) {
        this.units = units;
        this.prompt = prompt;
        this.onTopic = onTopic;
    }

    public List<Unit> units() {
        return units;
    }

    /** Cuts and embeds an answer and its prompt in one encoder call. */
    static AnswerFeatures of(String text, String prompt, boolean sql, TextAnalyzer analyzer, SentenceEncoder encoder,
            int maxUnits) {
        List<int[]> spans = new ArrayList<>();
        TextAnalyzer.Analysis analysis = analyzer.analyze(text);
        if (sql) {
            int from = 0;
            for (String line : text.split("\n", -1)) {
                if (line.strip().length() > 2) {
                    spans.add(new int[]{from, from + line.length()});
                }
                from += line.length() + 1;
            }
        } else {
            analysis.sentences().forEach(s -> spans.add(new int[]{s.getStart(), s.getEnd()}));
        }
        List<int[]> kept = spans.size() > maxUnits ? spans.subList(0, maxUnits) : spans;
        List<String> texts = new ArrayList<>();
        for (int[] s : kept) {
            texts.add(text.substring(s[0], s[1]).strip());
        }
        texts.add(prompt == null || prompt.isBlank() ? "interview question" : prompt);
        float[][] vectors = encoder.encode(texts);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            String unit = texts.get(i);
            String lower = unit.toLowerCase(Locale.ROOT);
            int[] span = kept.get(i);
            int words = 0;
            int function = 0;
            int numbers = 0;
            for (TextAnalyzer.Token token : analysis.tokens()) {
                if (token.start() >= span[0] && token.end() <= span[1] && token.isWord()) {
                    words++;
                    if (FUNCTION_WORDS.contains(token.text().toLowerCase(Locale.ROOT))) {
                        function++;
                    }
                    if (token.hasDigit()) {
                        numbers++;
                    }
                }
            }
            boolean negated = NEGATION.matcher(BOUND.matcher(lower).replaceAll(" ")).find();
            units.add(new Unit(span[0], span[0] + text.substring(span[0], span[1]).stripTrailing().length(), unit,
                    vectors[i], negated, HEDGE.matcher(lower).find(), words, numbers, function));
        }
        return new AnswerFeatures(List.copyOf(units), vectors[kept.size()], new double[units.size()]);
    }

    /**
     * How close each unit comes to the prompt or to any anchor of the rubric, less how close it comes to small talk:
     * a sentence of filler is nearer the background statements than the question, and counts for nothing.
     */
    void markOnTopic(List<DimensionAnchors> rubric, List<Anchor> background) {
        for (int u = 0; u < units.size(); u++) {
            double best = SentenceEncoder.cosine(units.get(u).vector(), prompt);
            for (DimensionAnchors d : rubric) {
                for (List<Anchor> level : d.levels()) {
                    best = Math.max(best, max(units.get(u).vector(), level));
                }
                best = Math.max(best, max(units.get(u).vector(), d.forAnchors()));
                best = Math.max(best, max(units.get(u).vector(), d.against()));
            }
            onTopic[u] = best - max(units.get(u).vector(), background);
        }
    }

    /** The share of units on topic: none for an answer to some other question. */
    double onTopicShare() {
        int on = 0;
        for (int u = 0; u < units.size(); u++) {
            on += isOnTopic(u) ? 1 : 0;
        }
        return units.isEmpty() ? 0 : (double) on / units.size();
    }

    /** The mean over units of how close each comes to the prompt or the rubric: low when every sentence is elsewhere. */
    double meanTopicality() {
        double sum = 0;
        for (double v : onTopic) {
            sum += v;
        }
        return onTopic.length == 0 ? 0 : sum / onTopic.length;
    }

    boolean isOnTopic(int unit) {
        return onTopic[unit] >= SemanticScorer.ON_TOPIC;
    }

    double relevance() {
        return relevance(true);
    }

    /** The best similarity of a unit to the prompt; without {@code negatedToo}, over the units not said in the negative. */
    double relevance(boolean negatedToo) {
        double best = 0;
        for (Unit u : units) {
            if (negatedToo || !u.negated()) {
                best = Math.max(best, SentenceEncoder.cosine(u.vector(), prompt));
            }
        }
        return best;
    }

    /** Share of the on-topic words that are function words: near zero for a keyword list. */
    double connectedness() {
        return connectedness(true);
    }

    /** As {@link #connectedness()}; without {@code negatedToo}, over the on-topic units not said in the negative. */
    double connectedness(boolean negatedToo) {
        int words = 0;
        int function = 0;
        for (int u = 0; u < units.size(); u++) {
            if (isOnTopic(u) && (negatedToo || !units.get(u).negated())) {
                words += units.get(u).words();
                function += units.get(u).functionWords();
            }
        }
        return words == 0 ? 0 : (double) function / words;
    }

    /** The features of one dimension (see {@link #PER_DIMENSION}); {@code sqlPoints} is 0 outside SQL. */
    double[] of(DimensionAnchors anchors, double sqlPoints) {
        double[][] levelSims = new double[4][];
        for (int k = 0; k < 4; k++) {
            levelSims[k] = new double[units.size()];
        }
        double[] forSims = new double[units.size()];
        double[] level = new double[4];
        double pro = 0;
        double con = 0;
        double margin = -1;
        double marginAnchors = -1;
        int words = 0;
        int relevantWords = 0;
        int numbers = 0;
        int hedged = 0;
        int negated = 0;
        int onTopicUnits = 0;
        List<Anchor> forAnchors = anchors.forAnchors().isEmpty() ? anchors.levels().get(3) : anchors.forAnchors();
        List<Anchor> against = anchors.against().isEmpty() ? anchors.levels().get(0) : anchors.against();
        for (int u = 0; u < units.size(); u++) {
            Unit unit = units.get(u);
            if (!isOnTopic(u)) {
                continue;
            }
            if (unit.negated()) {
                // a claim said in the negative ("we did not keep a holdout") counts only as a negation: it adds no
                // similarity, words, numbers or connecting language that could lift a level
                negated++;
                continue;
            }
            onTopicUnits++;
            words += unit.words();
            numbers += unit.numbers();
            hedged += unit.hedged() ? 1 : 0;
            double[] sims = new double[4];
            for (int k = 0; k < 4; k++) {
                sims[k] = max(unit.vector(), anchors.levels().get(k));
                level[k] = Math.max(level[k], sims[k]);
                levelSims[k][u] = sims[k];
            }
            double pros = max(unit.vector(), forAnchors);
            double cons = max(unit.vector(), against);
            pro = Math.max(pro, pros);
            forSims[u] = pros;
            con = Math.max(con, cons);
            // how much nearer the upper side than the lower one this one sentence is
            margin = Math.max(margin, Math.max(Math.max(sims[2], sims[3]), pros) - Math.max(Math.max(sims[0], sims[1]), cons));
            marginAnchors = Math.max(marginAnchors, Math.max(sims[2], sims[3]) - Math.max(sims[0], sims[1]));
            // words that speak to this dimension, not to the answer in general: filler and other topics add none
            relevantWords += Math.max(Math.max(sims[2], sims[3]), pros) >= RELEVANT ? unit.words() : 0;
        }
        int onTopic = Math.max(1, onTopicUnits);
        int said = onTopicUnits + negated;
        List<List<Anchor>> upper = List.of(anchors.levels().get(2), anchors.levels().get(3), forAnchors);
        List<List<Anchor>> lower = List.of(anchors.levels().get(0), anchors.levels().get(1), against);
        double coverage = coverage(upper) - coverage(lower);
        double coverageAnchors = coverage(upper.subList(0, 2)) - coverage(lower.subList(0, 2));
        return new double[]{level[0], level[1], level[2], level[3], pro, con, relevance(false),
                Math.log1p(words) / Math.log1p(250), Math.min(numbers, 4) / 4.0,
                onTopicUnits == 0 ? 0 : (double) hedged / onTopicUnits, connectedness(false), sqlPoints,
                topTwo(levelSims[2]), topTwo(levelSims[3]), topTwo(forSims), Math.max(-0.5, margin),
                Math.max(-0.5, marginAnchors), units.isEmpty() ? 0 : (double) onTopicUnits / units.size(),
                Math.min(2.0, (double) numbers / onTopic) / 2.0, said == 0 ? 0 : (double) negated / said,
                Math.log1p(Math.min(words, SUBSTANCE_CAP)) / Math.log1p(SUBSTANCE_CAP),
                Math.log1p(relevantWords) / Math.log1p(250), coverage, coverageAnchors, relevanceMean()};
    }

    /**
     * How much of a side of the rubric the answer covers: for each anchor or exemplar statement of that side, the
     * best similarity of any on-topic sentence not said in the negative, averaged over the statements. An answer
     * that touches many distinct upper statements covers more of the upper side than one that repeats one point;
     * the feature {@code coverage} is the upper side's coverage less the lower side's, {@code coverageAnchors} the
     * same over the level anchors alone (levels 3–4 against 1–2). Repeating a sentence cannot raise it.
     */
    double coverage(List<List<Anchor>> side) {
        double sum = 0;
        int n = 0;
        List<Unit> claims = claims();
        for (List<Anchor> statements : side) {
            for (Anchor a : statements) {
                double best = 0;
                for (Unit claim : claims) {
                    best = Math.max(best, SentenceEncoder.cosine(claim.vector(), a.vector()));
                }
                sum += best;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The mean similarity to the prompt of the on-topic sentences not said in the negative: answer-to-question relevance. */
    double relevanceMean() {
        List<Unit> claims = claims();
        double sum = 0;
        for (Unit claim : claims) {
            sum += SentenceEncoder.cosine(claim.vector(), prompt);
        }
        return claims.isEmpty() ? 0 : sum / claims.size();
    }

    /** The on-topic units not said in the negative: what the answer claims. */
    private List<Unit> claims() {
        List<Unit> claims = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            if (isOnTopic(u) && !units.get(u).negated()) {
                claims.add(units.get(u));
            }
        }
        return claims;
    }

    /** The mean of the two best values (one sentence alone counts half): breadth without rewarding length. */
    static double topTwo(double[] values) {
        double first = 0;
        double second = 0;
        for (double v : values) {
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
        }
        return (first + second) / 2;
    }

    static double max(float[] v, List<Anchor> anchors) {
        double best = 0;
        for (Anchor a : anchors) {
            best = Math.max(best, SentenceEncoder.cosine(v, a.vector()));
        }
        return best;
    }

    /** Per unit, how close it comes to the prompt or the rubric (for the fit command's report). */
    double[] unitTopicality() {
        return onTopic.clone();
    }

    /**
     * Each dimension's features over {@link #ALL}: its own, then the mean and the maximum of each dimension-specific
     * feature over all the rubric's dimensions (the same for each dimension of one answer).
     */
    static Map<String, double[]> inContext(Map<String, double[]> perDimension) {
        int own = PER_DIMENSION.size();
        int n = DIMENSION_SPECIFIC.size();
        double[] mean = new double[n];
        double[] max = new double[n];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] x : perDimension.values()) {
            for (int i = 0; i < n; i++) {
                double v = x[CONTEXT_SOURCES[i]];
                mean[i] += v / perDimension.size();
                max[i] = Math.max(max[i], v);
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        perDimension.forEach((key, x) -> {
            double[] all = Arrays.copyOf(x, own + 2 * n);
            System.arraycopy(mean, 0, all, own, n);
            System.arraycopy(max, 0, all, own + n, n);
            out.put(key, all);
        });
        return out;
    }

    /** Whether a feature reads the exemplars, itself or through its mean or maximum over the rubric. */
    public static boolean readsExemplars(String feature) {
        return EXEMPLAR_FEATURES.contains(feature.substring(feature.indexOf(':') + 1));
    }

    /** Picks the named features out of a vector over {@link #ALL}. */
    static double[] select(double[] all, List<String> names) {
        double[] out = new double[names.size()];
        for (int i = 0; i < out.length; i++) {
            int at = ALL.indexOf(names.get(i));
            if (at < 0) {
                throw new IllegalArgumentException("unknown feature " + names.get(i));
            }
            out[i] = all[at];
        }
        return out;
    }
}
