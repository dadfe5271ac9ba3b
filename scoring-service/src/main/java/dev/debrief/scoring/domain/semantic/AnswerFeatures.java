package dev.debrief.scoring.domain.semantic;

import dev.debrief.scoring.domain.TextAnalyzer;
import dev.debrief.scoring.domain.semantic.AnchorBank.Anchor;
import dev.debrief.scoring.domain.semantic.AnchorBank.DimensionAnchors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An answer cut into units (sentences; for SQL, lines) and embedded once, with the cues the level model reads
 * beside the similarities: negation, hedging, numbers and how much of each unit is ordinary connected language.
 */
public final class AnswerFeatures {

    /** The features of one dimension, in the model's order. */
    public static final List<String> NAMES = List.of("level1", "level2", "level3", "level4", "for", "against",
            "relevance", "substance", "numbers", "hedging", "connectedness", "rule");
    /** The features the anchors-only model may use: none of the seeded rubrics' exemplars. */
    public static final List<String> ANCHOR_NAMES = List.of("level1", "level2", "level3", "level4", "relevance",
            "substance", "numbers", "hedging", "connectedness", "rule");

    /** Not a negation: a bound ("no more than 2%") is how a guardrail is stated. */
    private static final Pattern BOUND = Pattern.compile("\\bno (more|less|later|earlier|fewer|worse|lower|higher) than\\b");
    /**
     * A claim the speaker says they do not make ("we did not keep a holdout", "I won't check", "without any
     * control"): first-person negation, not the conditionals strong answers are full of ("if it doesn't move").
     */
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(i|we)\\b(\\s+\\w+){0,2}?\\s+(not|never)\\b|\\b(i|we)(\\s+\\w+)?\\s+\\w+n['’]t\\b"
                    + "|\\bwithout (any|a|an)\\b|^no\\b");
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
        double best = 0;
        for (Unit u : units) {
            best = Math.max(best, SentenceEncoder.cosine(u.vector(), prompt));
        }
        return best;
    }

    /** Share of the on-topic words that are function words: near zero for a keyword list. */
    double connectedness() {
        int words = 0;
        int function = 0;
        for (int u = 0; u < units.size(); u++) {
            if (isOnTopic(u)) {
                words += units.get(u).words();
                function += units.get(u).functionWords();
            }
        }
        return words == 0 ? 0 : (double) function / words;
    }

    /** The features of one dimension (see {@link #NAMES}); {@code sqlPoints} is 0 outside SQL. */
    double[] of(DimensionAnchors anchors, double sqlPoints) {
        double[] level = new double[4];
        double pro = 0;
        double con = 0;
        int words = 0;
        int numbers = 0;
        int hedged = 0;
        int onTopicUnits = 0;
        for (int u = 0; u < units.size(); u++) {
            Unit unit = units.get(u);
            if (!isOnTopic(u)) {
                continue;
            }
            onTopicUnits++;
            // a claim said in the negative ("we did not keep a holdout") adds no substance
            words += unit.negated() ? 0 : unit.words();
            numbers += unit.negated() ? 0 : unit.numbers();
            hedged += unit.hedged() ? 1 : 0;
            for (int k = 0; k < 4; k++) {
                // a negated sentence ("we did not keep a holdout") can show a weak level, never a strong one
                if (k < 2 || !unit.negated()) {
                    level[k] = Math.max(level[k], max(unit.vector(), anchors.levels().get(k)));
                }
            }
            List<Anchor> forAnchors = anchors.forAnchors().isEmpty() ? anchors.levels().get(3) : anchors.forAnchors();
            List<Anchor> against = anchors.against().isEmpty() ? anchors.levels().get(0) : anchors.against();
            if (!unit.negated()) {
                pro = Math.max(pro, max(unit.vector(), forAnchors));
            }
            con = Math.max(con, max(unit.vector(), against));
        }
        return new double[]{level[0], level[1], level[2], level[3], pro, con, relevance(),
                Math.log1p(words) / Math.log1p(250), Math.min(numbers, 4) / 4.0,
                onTopicUnits == 0 ? 0 : (double) hedged / onTopicUnits, connectedness(), sqlPoints};
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

    /** Picks the anchors-only features out of a full vector. */
    static double[] anchorsOnly(double[] full) {
        double[] out = new double[ANCHOR_NAMES.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = full[NAMES.indexOf(ANCHOR_NAMES.get(i))];
        }
        return out;
    }
}
