package dev.debrief.scoring.scorer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.AnswerFormat;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.rubrics.RubricSeeder;
import dev.debrief.scoring.scorer.TextAnalyzer.Analysis;
import dev.debrief.scoring.scorer.TextAnalyzer.Token;
import dev.debrief.scoring.scorer.semantic.AnchorBank;
import dev.debrief.scoring.scorer.semantic.SemanticScorer;
import dev.debrief.scoring.scorer.semantic.SentenceEncoder;
import dev.debrief.scoring.sql.SqlInspector;
import dev.debrief.scoring.sql.SqlOutcome;
import opennlp.tools.util.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The automated scorer. Free text (and SQL, and a structured answer's notes) is scored by meaning against the
 * rubric's level anchors ({@link SemanticScorer}); a structured metric answer's structural dimensions by its
 * structure ({@link StructuredAnswerScorer}); SQL adds the traps JSqlParser finds and the sandbox's comparison
 * with the reference as one more feature. Every level quotes the spans it rests on.
 */
public final class AnswerScorer {

    /** Dimensions a structured metric answer is scored on from its structure rather than its notes. */
    static final Set<String> STRUCTURAL = Set.of("decision-spine", "optionality-preservation", "causality-rigor",
            "tradeoffs-named");
    private static final Pattern FIRST_PERSON_ACTION = Pattern.compile("^(i|we)$");
    /** ONNX Runtime's threads for the shared scorer: set before its first use (the service does at startup). */
    private static volatile SentenceEncoder.Threads encoderThreads = SentenceEncoder.Threads.fromSystemProperties();

    private final TextAnalyzer analyzer;
    private final SemanticScorer semantic;
    private final SqlInspector sql = new SqlInspector();
    private final StructuredAnswerScorer structured = new StructuredAnswerScorer();

    public AnswerScorer(TextAnalyzer analyzer, SemanticScorer semantic) {
        this.analyzer = analyzer;
        this.semantic = semantic;
    }

    private static final class Shared {
        static final AnswerScorer INSTANCE = load();
    }

    /** The encoder's threads for {@link #shared()}; only a call before its first use has an effect. */
    public static void configure(SentenceEncoder.Threads threads) {
        encoderThreads = threads;
    }

    /** One scorer per JVM: the models (about 30 MB) load once, and the seeded rubrics' anchors are embedded then. */
    public static AnswerScorer shared() {
        return Shared.INSTANCE;
    }

    private static AnswerScorer load() {
        TextAnalyzer analyzer = new TextAnalyzer();
        SentenceEncoder encoder = new SentenceEncoder(encoderThreads);
        AnchorBank anchors = new AnchorBank(encoder);
        RubricSeeder.read().forEach(anchors::warm);
        return new AnswerScorer(analyzer, new SemanticScorer(analyzer, encoder, anchors, SemanticScorer.Models.load()));
    }

    public SemanticScorer semantic() {
        return semantic;
    }

    /**
     * An answer to score: its format (FREE_TEXT, STRUCTURED_METRICS, SQL), the prompt, the text (for a structured
     * answer, the candidate's notes) and the structured part ({@code {metrics:[{name,rank,kind}], decisionThreshold}}).
     */
    public record AnswerInput(AnswerFormat answerFormat, String prompt, String text, JsonNode structured) {

        public AnswerInput(AnswerFormat answerFormat, String prompt, String text) {
            this(answerFormat, prompt, text, null);
        }

        boolean isSql() {
            return answerFormat == AnswerFormat.SQL;
        }

        boolean isStructured() {
            return structured != null && structured.isObject()
                    && answerFormat == AnswerFormat.STRUCTURED_METRICS;
        }
    }

    /** The levels, the weighted overall, the scorer's full name, and for SQL what the inspection and the sandbox found. */
    public record Result(double overall, List<DimensionScore> dimensions, SqlInspector.Report sqlReport,
            SqlOutcome sqlOutcome, String scorer) {
        public Optional<DimensionScore> dimension(String key) {
            return dimensions.stream().filter(d -> d.key().equals(key)).findFirst();
        }
    }

    /** The features one level rests on, before they become a level (structured answers). */
    record Judgement(double points, List<Span> evidence, String negativePhrase) {
    }

    public Result score(RubricDefinition rubric, AnswerInput answer, SqlOutcome outcome) {
        String text = answer.text() == null ? "" : answer.text();
        if (answer.isStructured()) {
            Result byStructure = structured.score(rubric, answer);
            SemanticScorer.Scored notes = semantic.score(rubric, answer.prompt(), text, false, Map.of(),
                    key -> !STRUCTURAL.contains(key));
            List<DimensionScore> merged = new ArrayList<>();
            for (RubricDefinition.Dimension d : rubric.dimensions()) {
                (STRUCTURAL.contains(d.key()) ? byStructure.dimension(d.key())
                        : notes.dimensions().stream().filter(x -> x.key().equals(d.key())).findFirst())
                        .ifPresent(merged::add);
            }
            return new Result(overall(rubric, merged), List.copyOf(merged), null, null, notes.scorer() + "+structure");
        }
        SqlInspector.Report report = answer.isSql() ? sql.inspect(text, answer.prompt()) : null;
        SemanticScorer.Scored scored = semantic.score(rubric, answer.prompt(), text, answer.isSql(),
                rulePoints(rubric, text, report, outcome), key -> true);
        List<DimensionScore> dimensions = report == null ? scored.dimensions() : scored.dimensions().stream()
                .map(d -> withSqlFeedback(d, rubric, report, outcome)).toList();
        return new Result(overall(rubric, dimensions), dimensions, report, outcome, scored.scorer());
    }

    /**
     * The level model's features per dimension, exactly as {@link #score} computes them (the fit command learns
     * from these): for a structured answer only the dimensions its notes are scored on.
     */
    public Map<String, double[]> features(RubricDefinition rubric, AnswerInput answer) {
        String text = answer.text() == null ? "" : answer.text();
        if (answer.isStructured()) {
            Map<String, double[]> all = semantic.features(rubric, answer.prompt(), text, false, Map.of());
            all.keySet().removeIf(STRUCTURAL::contains);
            return all;
        }
        SqlInspector.Report report = answer.isSql() ? sql.inspect(text, answer.prompt()) : null;
        return semantic.features(rubric, answer.prompt(), text, answer.isSql(), rulePoints(rubric, text, report, null));
    }

    /** Per dimension, the points of the checks that are rules rather than meaning (SQL traps, the setup's length). */
    public Map<String, Double> rulePoints(RubricDefinition rubric, String text, SqlInspector.Report report,
            SqlOutcome outcome) {
        Map<String, Double> points = new HashMap<>();
        for (RubricDefinition.Dimension d : rubric.dimensions()) {
            if (report != null) {
                points.put(d.key(), sqlPoints(d.key(), report, outcome));
            } else if (d.key().equals("concise-setup") && !text.isBlank()) {
                int setup = wordsBeforeFirstAction(analyzer.analyze(text));
                points.put(d.key(), setup <= 75 ? 1.0 : setup > 120 ? -1.0 : 0.0);
            }
        }
        return points;
    }

    public SqlInspector.Report inspectSql(String text, String prompt) {
        return sql.inspect(text, prompt);
    }

    private static double overall(RubricDefinition rubric, List<DimensionScore> dimensions) {
        double weighted = 0;
        double weights = 0;
        for (DimensionScore d : dimensions) {
            RubricDefinition.Dimension dimension = rubric.dimension(d.key()).orElseThrow();
            weighted += rubric.weightOf(dimension) * d.level();
            weights += rubric.weightOf(dimension);
        }
        return weights == 0 ? 1 : Math.round(weighted / weights * 100) / 100.0;
    }

    /** Level thresholds on the feature points (structured answers). */
    static int level(double points) {
        if (points >= 2.5) {
            return 4;
        }
        if (points >= 1.25) {
            return 3;
        }
        if (points >= 0.5) {
            return 2;
        }
        return 1;
    }

    private static double sqlPoints(String key, SqlInspector.Report report, SqlOutcome outcome) {
        if (!report.parsed()) {
            return -3;
        }
        List<SqlInspector.Trap> traps = report.traps();
        long hygiene = traps.stream().filter(t -> t.code().equals(SqlInspector.DUPLICATES)
                || t.code().equals(SqlInspector.TEST_ACCOUNTS) || t.code().equals(SqlInspector.FANOUT)).count();
        return switch (key) {
            case "result-correctness" -> outcome != null && outcome.ran()
                    ? (outcome.matches() ? 3 : 1.25 - 0.25 * traps.size())
                    : 2.75 - 0.75 * traps.size();
            case "data-skepticism" -> 1.0 - 0.5 * hygiene;
            case "validation-first" -> report.checks() > 0 ? 1.0 : -0.5;
            case "query-clarity" -> (report.ctes() > 0 ? 0.5 : 0) + (report.implicitJoins() || report.selectStar() ? -0.5 : 0.25);
            case "communicates-assumptions" -> Math.min(report.commentLines(), 6) * 0.2 - 0.25;
            default -> 0;
        };
    }

    /** The trap or the sandbox's difference leads the feedback where it explains the level. */
    private static DimensionScore withSqlFeedback(DimensionScore d, RubricDefinition rubric, SqlInspector.Report report,
            SqlOutcome outcome) {
        RubricDefinition.Dimension dimension = rubric.dimension(d.key()).orElseThrow();
        String feedback = feedback(dimension, d.level(), new Judgement(0, List.of(), null), report, outcome);
        return feedback.startsWith("To reach") || feedback.startsWith("At the top") ? d
                : new DimensionScore(d.key(), d.level(), d.evidence(), feedback + " " + d.feedback(), d.calibration());
    }

    /**
     * Words spoken before the story's first action: the tokens before the first sentence where "I" or "we" is
     * followed by a verb (the POS tagger's VERB), which is where a listener hears what the candidate did.
     */
    static int wordsBeforeFirstAction(Analysis analysis) {
        List<Token> tokens = analysis.tokens();
        int words = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (FIRST_PERSON_ACTION.matcher(token.text().toLowerCase(Locale.ROOT)).matches()) {
                for (int j = i + 1; j < Math.min(i + 4, tokens.size()); j++) {
                    if (tokens.get(j).sentence() == token.sentence() && "VERB".equals(analysis.pos(tokens.get(j)))) {
                        int sentence = token.sentence();
                        return (int) tokens.stream().filter(t -> t.sentence() < sentence).filter(Token::isWord).count();
                    }
                }
            }
            if (token.isWord()) {
                words++;
            }
        }
        return words;
    }

    /** One sentence: what the next anchor asks for, or why the answer is already at the top. */
    static String feedback(RubricDefinition.Dimension dimension, int level, Judgement judgement,
            SqlInspector.Report report, SqlOutcome outcome) {
        if (report != null && !report.parsed()) {
            return "The query does not parse, so nothing can be judged: " + report.error() + ".";
        }
        if (report != null && !report.traps().isEmpty() && level < 4
                && (dimension.key().equals("result-correctness") || dimension.key().equals("data-skepticism"))) {
            return report.traps().get(0).explanation();
        }
        if (report != null && outcome != null && !outcome.matches() && !outcome.differences().isEmpty()
                && dimension.key().equals("result-correctness")) {
            return outcome.differences().get(0);
        }
        if (level == 4) {
            return "At the top anchor for " + dimension.name().toLowerCase(Locale.ROOT) + ": "
                    + lowerFirst(firstSentence(dimension.level(4).map(RubricDefinition.Level::anchor).orElse("")));
        }
        String next = firstSentence(dimension.level(level + 1).map(RubricDefinition.Level::anchor).orElse(""));
        String drop = judgement.negativePhrase() == null ? ""
                : "Drop \u201c" + judgement.negativePhrase() + "\u201d and, ";
        return (drop.isEmpty() ? "To reach level " + (level + 1) + ": " : drop + "to reach level " + (level + 1) + ": ")
                + lowerFirst(next);
    }

    static String firstSentence(String anchor) {
        int end = anchor.indexOf(". ");
        String sentence = end < 0 ? anchor.trim() : anchor.substring(0, end + 1).trim();
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
