package dev.debrief.scoring.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.contracts.scores.AnswerScored.Evidence;
import dev.debrief.scoring.domain.TextAnalyzer.Analysis;
import dev.debrief.scoring.domain.TextAnalyzer.Token;
import opennlp.tools.util.Span;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The automated scorer. Deterministic and explainable: every level comes from features a coach can check in
 * the answer (the rubric's signal phrases, elaboration, numbers, the setup before the first action, and for
 * SQL the traps JSqlParser finds and the sandbox's comparison with the reference), and every level quotes
 * the spans it rests on.
 */
public final class AnswerScorer {

    public static final String ENGINE = "automated:features-v1";
    private static final int MAX_EVIDENCE = 3;
    private static final Pattern FIRST_PERSON_ACTION = Pattern.compile("^(i|we)$");

    private final TextAnalyzer analyzer;
    private final SqlInspector sql = new SqlInspector();
    private final StructuredAnswerScorer structured = new StructuredAnswerScorer();

    public AnswerScorer(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * An answer to score: its format (FREE_TEXT, STRUCTURED_METRICS, SQL), the prompt, the text (for a structured
     * answer, the candidate's notes) and the structured part ({@code {metrics:[{name,rank,kind}], decisionThreshold}}).
     */
    public record AnswerInput(String answerFormat, String prompt, String text, JsonNode structured) {

        public AnswerInput(String answerFormat, String prompt, String text) {
            this(answerFormat, prompt, text, null);
        }

        boolean isSql() {
            return "SQL".equalsIgnoreCase(answerFormat);
        }

        boolean isStructured() {
            return structured != null && structured.isObject()
                    && answerFormat != null && answerFormat.toUpperCase(Locale.ROOT).startsWith("STRUCTURED");
        }
    }

    /** The levels, the weighted overall, and for SQL what the inspection and the sandbox found. */
    public record Result(double overall, List<DimensionScore> dimensions, SqlInspector.Report sqlReport,
            SqlOutcome sqlOutcome) {
        public Optional<DimensionScore> dimension(String key) {
            return dimensions.stream().filter(d -> d.key().equals(key)).findFirst();
        }
    }

    /** The features one level rests on, before they become a level. */
    record Judgement(double points, List<Span> evidence, String negativePhrase) {
    }

    public Result score(RubricDefinition rubric, AnswerInput answer, SqlOutcome outcome) {
        if (answer.isStructured()) {
            return structured.score(rubric, answer);
        }
        String text = answer.text() == null ? "" : answer.text();
        Analysis analysis = analyzer.analyze(text);
        SqlInspector.Report report = answer.isSql() ? sql.inspect(text, answer.prompt()) : null;
        List<DimensionScore> dimensions = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (RubricDefinition.Dimension dimension : rubric.dimensions()) {
            Judgement judgement = judge(dimension, analysis, report, outcome);
            int level = level(judgement.points());
            dimensions.add(new DimensionScore(dimension.key(), level, evidence(text, judgement.evidence()),
                    feedback(dimension, level, judgement, report, outcome)));
            weighted += rubric.weightOf(dimension) * level;
            weights += rubric.weightOf(dimension);
        }
        double overall = weights == 0 ? 1 : Math.round(weighted / weights * 100) / 100.0;
        return new Result(overall, List.copyOf(dimensions), report, outcome);
    }

    /** Level thresholds on the feature points, tuned on the labelled set (see ScorerAgreementTest). */
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

    private Judgement judge(RubricDefinition.Dimension dimension, Analysis analysis, SqlInspector.Report report,
            SqlOutcome outcome) {
        List<Span> evidence = new ArrayList<>();
        Map<String, Integer> positives = matches(analysis.lower(), dimension.signalsOrEmpty().positive());
        Map<String, Integer> negatives = matches(analysis.lower(), dimension.signalsOrEmpty().negative());
        positives.values().forEach(at -> evidence.add(evidenceSpan(analysis, at, report)));
        negatives.values().forEach(at -> evidence.add(evidenceSpan(analysis, at, report)));
        long words = analysis.wordCount();
        String key = dimension.key();
        // a developed answer carries more of what most dimensions look for; a concise setup is the exception
        double points = positives.size() - 1.5 * negatives.size() + (key.equals("concise-setup") ? 0 : elaboration(words));
        if (report != null) {
            points += sqlPoints(key, report, outcome, evidence);
        } else if (key.equals("quantified-impact")) {
            List<Token> numbers = analysis.tokens().stream().filter(analysis::isNumber).toList();
            points += Math.min(numbers.size(), 4) * 0.25;
            numbers.stream().limit(2).forEach(t -> evidence.add(analysis.sentenceAt(t.start())));
        } else if (key.equals("concise-setup")) {
            int setup = wordsBeforeFirstAction(analysis);
            points += setup <= 75 ? 1.5 : setup > 120 ? -1.0 : 0.5;
            if (!analysis.sentences().isEmpty()) {
                evidence.add(0, analysis.sentences().get(0));
            }
        }
        String negative = negatives.isEmpty() ? null : negatives.keySet().iterator().next();
        return new Judgement(points, evidence, negative);
    }

    /** Longer, developed answers carry more of what a rubric looks for; a few lines rarely do. */
    private static double elaboration(long words) {
        return (words > 180 ? 0.75 : 0) + (words > 120 ? 0.5 : 0) - (words < 70 ? 0.5 : 0);
    }

    private static double sqlPoints(String key, SqlInspector.Report report, SqlOutcome outcome, List<Span> evidence) {
        if (!report.parsed()) {
            return -3;
        }
        List<SqlInspector.Trap> traps = report.traps();
        traps.forEach(t -> evidence.add(new Span(t.where().start(), t.where().end())));
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

    /** The first offset of each phrase that occurs, starting at a word boundary. */
    static Map<String, Integer> matches(String lower, List<String> phrases) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (String phrase : phrases) {
            String p = phrase.toLowerCase(Locale.ROOT);
            int from = 0;
            while (from <= lower.length()) {
                int at = lower.indexOf(p, from);
                if (at < 0) {
                    break;
                }
                boolean boundary = at == 0 || !Character.isLetterOrDigit(p.charAt(0))
                        || !Character.isLetterOrDigit(lower.charAt(at - 1));
                if (boundary) {
                    found.put(phrase, at);
                    break;
                }
                from = at + 1;
            }
        }
        return found;
    }

    /** The sentence around a match; in SQL the line, since a query's "sentence" is the whole statement. */
    private static Span evidenceSpan(Analysis analysis, int at, SqlInspector.Report report) {
        if (report != null) {
            String text = analysis.text();
            int start = text.lastIndexOf('\n', at) + 1;
            int end = text.indexOf('\n', at);
            return new Span(start, end < 0 ? text.length() : end);
        }
        return analysis.sentenceAt(at);
    }

    private static List<Evidence> evidence(String text, List<Span> spans) {
        List<Evidence> quotes = new ArrayList<>();
        for (Span span : spans) {
            int start = Math.max(0, span.getStart());
            int end = Math.min(text.length(), span.getEnd());
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            final int s = start;
            final int e = end;
            if (e > s && quotes.stream().noneMatch(q -> q.start() == s && q.end() == e) && quotes.size() < MAX_EVIDENCE) {
                quotes.add(new Evidence(s, e, text.substring(s, e)));
            }
        }
        return List.copyOf(quotes);
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
