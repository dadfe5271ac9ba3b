package dev.debrief.scoring.scorer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.contracts.scores.AnswerScored.Evidence;
import dev.debrief.scoring.rubrics.RubricDefinition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scores a structured metric answer ({@code {metrics:[{name,rank,kind}], decisionThreshold}} plus optional notes)
 * on its rubric. The seeds' decision spine is checked on the structure itself: one PRIMARY metric ranked first,
 * guardrails with a bound, a numeric threshold stated before the results, a bounded action with a kill switch.
 * The rubric's signal phrases count in every field as they do in text. Evidence names the field by JSON pointer
 * and quotes its value; spans of the notes have no pointer and index into the answer text.
 */
final class StructuredAnswerScorer {

    private static final int MAX_EVIDENCE = 3;
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern BOUND = Pattern.compile("\\d|no more than|not (drop|fall|rise|grow|get worse)|at most|at least|within");
    private static final Pattern ACTION = Pattern.compile("\\b(ship|launch|roll|expand|kill|stop|revert|keep|scale)");
    private static final Pattern KILL = Pattern.compile("\\b(kill|stop|roll (it )?back|rollback|revert|turn (it )?off|switch (it )?off|shut (it )?down)");
    private static final Pattern BOUNDED = Pattern.compile("\\b(pilot|one region|one market|region|market|ramp|staged|holdout|cohort|small slice)\\b|\\d+ ?% of (traffic|members|users)");
    private static final Pattern TIME_BOX = Pattern.compile("\\b(weeks?|days?|review point|review)\\b");
    private static final Pattern COUNTERFACTUAL = Pattern.compile("\\b(control|holdout|a/b|treatment|counterfactual|randomi[sz]ed)\\b");
    private static final Pattern VAGUE = Pattern.compile("\\b(monitor|everything|all other|the rest|other metrics)\\b");
    private static final Pattern REASON = Pattern.compile("\\b(because|rather than|instead of|the outcome|the reason)\\b");
    private static final Pattern DOORS = Pattern.compile("one-way|two-way|reversib|irreversib");
    private static final Pattern THREAT = Pattern.compile("novelty|gameable|gamed|can inflate|easy to inflate|seasonal|selection bias|mix shift");
    private static final Pattern NORMALISED = Pattern.compile("\\b(rate|share|ratio|per|retention|conversion|completion)\\b|%");

    /** A string value of the answer: a JSON pointer into the structured part, or null for the notes text. */
    private record Field(String pointer, String value, String lower) {
        Field(String pointer, String value) {
            this(pointer, value, value.toLowerCase(Locale.ROOT));
        }
    }

    private record Metric(Field name, int rank, String kind) {
    }

    /** A match: the field and the span inside it. */
    private record Hit(Field field, int start, int end) {
    }

    /** The answer taken apart once for all dimensions. */
    private record Parts(List<Metric> metrics, Field threshold, Field notes, List<Field> fields) {

        List<Metric> ofKind(String kind) {
            return metrics.stream().filter(m -> m.kind().equals(kind)).toList();
        }

        /** The threshold and the notes: where actions, kill switches and test designs are stated. */
        List<Field> statements() {
            List<Field> statements = new ArrayList<>();
            if (threshold != null) {
                statements.add(threshold);
            }
            if (notes != null) {
                statements.add(notes);
            }
            return statements;
        }
    }

    /** Points, evidence and the first structural gap (what to add), for one dimension. */
    private static final class Judgement {
        double points;
        final List<Hit> evidence = new ArrayList<>();
        String gap;
        String negative;

        void gap(String text) {
            if (gap == null) {
                gap = text;
            }
        }

        /** A found statement earns its points and is quoted; a missing one leaves its gap (when it has one). */
        void credit(Hit hit, double worth, String gapWhenMissing) {
            if (hit != null) {
                points += worth;
                evidence.add(hit);
            } else if (gapWhenMissing != null) {
                gap(gapWhenMissing);
            }
        }
    }

    AnswerScorer.Result score(RubricDefinition rubric, AnswerScorer.AnswerInput answer) {
        Parts parts = parts(answer.structured(), answer.text());
        List<DimensionScore> dimensions = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (RubricDefinition.Dimension dimension : rubric.dimensions()) {
            Judgement judgement = judge(dimension, parts);
            int level = AnswerScorer.level(judgement.points);
            dimensions.add(new DimensionScore(dimension.key(), level, evidence(judgement.evidence),
                    feedback(dimension, level, judgement), DimensionScore.RULES));
            weighted += rubric.weightOf(dimension) * level;
            weights += rubric.weightOf(dimension);
        }
        double overall = weights == 0 ? 1 : Math.round(weighted / weights * 100) / 100.0;
        return new AnswerScorer.Result(overall, List.copyOf(dimensions), null, null, "structure");
    }

    private static Parts parts(JsonNode structured, String text) {
        List<Metric> metrics = new ArrayList<>();
        JsonNode list = structured.path("metrics");
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            String name = m.path("name").asText("");
            if (!name.isBlank()) {
                metrics.add(new Metric(new Field("/metrics/" + i + "/name", name), m.path("rank").asInt(100),
                        m.path("kind").asText("").toUpperCase(Locale.ROOT)));
            }
        }
        String thresholdText = structured.path("decisionThreshold").asText("");
        Field threshold = thresholdText.isBlank() ? null : new Field("/decisionThreshold", thresholdText);
        Field notes = text == null || text.isBlank() ? null : new Field(null, text);
        List<Field> fields = new ArrayList<>(metrics.stream().map(Metric::name).toList());
        if (threshold != null) {
            fields.add(threshold);
        }
        if (notes != null) {
            fields.add(notes);
        }
        return new Parts(List.copyOf(metrics), threshold, notes, List.copyOf(fields));
    }

    private static Judgement judge(RubricDefinition.Dimension dimension, Parts parts) {
        Judgement j = new Judgement();
        // the decision spine is read from the structure itself: naming "guardrail" or "launch if" adds nothing there
        List<Hit> positives = dimension.key().equals("decision-spine") ? List.of()
                : signals(parts.fields(), dimension.signalsOrEmpty().positive());
        List<Hit> negatives = signals(parts.fields(), dimension.signalsOrEmpty().negative());
        j.points = positives.size() - 1.5 * negatives.size();
        j.evidence.addAll(positives);
        j.evidence.addAll(negatives);
        if (!negatives.isEmpty()) {
            Hit first = negatives.get(0);
            j.negative = first.field().value().substring(first.start(), first.end());
        }
        switch (dimension.key()) {
            case "decision-spine" -> decisionSpine(parts, j);
            case "optionality-preservation" -> optionality(parts, j);
            case "causality-rigor" -> causality(parts, j);
            case "tradeoffs-named" -> tradeoffs(parts, j);
            default -> {
                // other dimensions rest on their signal phrases alone
            }
        }
        return j;
    }

    /**
     * One metric that makes or breaks the feature, what must not get worse, and the bar set before the results.
     * As in the rubric's anchors, level 3 needs a single primary, a guardrail with a number and a numeric threshold;
     * level 4 also needs a bounded action or a review point, and the reason the primary was chosen.
     */
    private static void decisionSpine(Parts parts, Judgement j) {
        List<Metric> primaries = parts.ofKind("PRIMARY");
        List<Metric> guardrails = parts.ofKind("GUARDRAIL").stream().filter(g -> !VAGUE.matcher(g.name().lower()).find())
                .toList();
        boolean essentials = true;
        if (primaries.size() == 1) {
            j.points += 0.75;
            j.evidence.add(0, whole(primaries.get(0).name()));
        } else {
            essentials = false;
            j.points -= primaries.isEmpty() ? 0 : 0.5;
            j.gap(primaries.isEmpty() ? "Name one PRIMARY metric, the one that would make or break the feature."
                    : "Keep one PRIMARY metric, the one that would make or break the feature, and rank the rest below it.");
        }
        if (guardrails.isEmpty()) {
            essentials = false;
            j.gap("Add a GUARDRAIL metric with its bound: what must not get worse while the primary moves.");
        } else {
            j.points += 0.25;
            j.evidence.add(whole(guardrails.get(0).name()));
            if (guardrails.stream().anyMatch(g -> BOUND.matcher(g.name().lower()).find())) {
                j.points += 0.5;
            } else {
                essentials = false;
                j.gap("Give each guardrail its bound, e.g. \u201cno more than 10% slower\u201d.");
            }
        }
        Field threshold = parts.threshold();
        if (threshold != null && DIGIT.matcher(threshold.lower()).find()) {
            j.points += 0.5;
            j.evidence.add(whole(threshold));
        } else {
            essentials = false;
            j.gap("State the decision threshold as a number, before the results: what you ship at and what you kill at.");
        }
        boolean bounded = first(parts.statements(), BOUNDED) != null || first(parts.statements(), TIME_BOX) != null;
        j.points += bounded ? 0.5 : 0;
        boolean reasoned = parts.notes() != null && REASON.matcher(parts.notes().lower()).find();
        j.points += reasoned ? 0.25 : 0;
        if (parts.metrics().size() > 6 || parts.ofKind("SECONDARY").size() >= 5) {
            j.points -= 0.75;
            j.gap("Cut the list to the few metrics that change the decision; a long flat list is no hierarchy.");
        }
        if (!essentials) {
            j.points = Math.min(j.points, 1.0);
        } else if (!bounded || !reasoned) {
            j.points = Math.min(j.points, 2.0);
            j.gap(bounded ? "Say why this primary metric, over the others, is the one that decides."
                    : "Bound the action: a region or a share of traffic first, with a review date.");
        }
    }

    /**
     * Commitment with escape valves: a bounded first step, a kill switch, a time box. The top level also prices the
     * optionality (which doors are one-way), which a structure cannot show without saying so.
     */
    private static void optionality(Parts parts, Judgement j) {
        j.credit(first(parts.statements(), KILL), 0.75, "Add a kill switch: the result at which you stop or roll back.");
        j.credit(first(parts.statements(), BOUNDED), 0.75,
                "Bound the first step: a single-region pilot or a sliver of traffic, not everyone at once.");
        j.credit(first(parts.statements(), TIME_BOX), 0.5, null);
        if (first(parts.statements(), DOORS) == null) {
            j.points = Math.min(j.points, 2.0);
            j.gap("Say which parts are one-way doors and what the cheap, reversible first step buys you.");
        }
    }

    /**
     * A comparison against what would have happened anyway, a named threat to it, and an outcome that does not
     * just move with traffic.
     */
    private static void causality(Parts parts, Judgement j) {
        List<Field> where = new ArrayList<>(parts.statements());
        parts.metrics().forEach(m -> where.add(m.name()));
        j.credit(first(where, COUNTERFACTUAL), 0.75,
                "Say what the change is compared with (a control or a holdout), so the threshold reads as an effect.");
        j.credit(first(parts.statements(), THREAT), 0.5, null);
        parts.ofKind("PRIMARY").stream().findFirst()
                .filter(p -> NORMALISED.matcher(p.name().lower()).find())
                .ifPresent(p -> j.points += 0.25);
    }

    /**
     * Guardrails are costs the candidate has named; what is given up, and when they would change sides, is said in
     * the notes. The stronger of the two counts, not their sum: a guardrail list is not a second trade-off.
     */
    private static void tradeoffs(Parts parts, Judgement j) {
        List<Metric> guardrails = parts.ofKind("GUARDRAIL").stream().filter(g -> !VAGUE.matcher(g.name().lower()).find())
                .toList();
        double fromGuardrails = guardrails.isEmpty() ? 0 : 0.5 + (guardrails.size() >= 2 ? 0.25 : 0);
        if (fromGuardrails > j.points) {
            j.points = fromGuardrails;
            guardrails.stream().limit(2).forEach(g -> j.evidence.add(whole(g.name())));
        }
        if (guardrails.isEmpty()) {
            j.gap("Name the cost of pushing the primary metric as a guardrail, and say what you are choosing to ignore.");
        } else {
            j.gap("Say what you are giving up for the primary metric and what would make you change sides.");
        }
    }

    /**
     * Each phrase of a firm's rubric once, at its first whole-word occurrence in field order (the seeded rubrics
     * carry no phrases any more: their notes are scored by meaning).
     */
    private static List<Hit> signals(List<Field> fields, List<String> phrases) {
        List<Hit> hits = new ArrayList<>();
        for (String phrase : phrases) {
            Pattern whole = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase.toLowerCase(Locale.ROOT))
                    + "(?![\\p{L}\\p{N}])");
            for (Field field : fields) {
                var m = whole.matcher(field.lower());
                if (m.find()) {
                    hits.add(new Hit(field, m.start(), m.end()));
                    break;
                }
            }
        }
        return hits;
    }

    private static Hit first(List<Field> fields, Pattern pattern) {
        for (Field field : fields) {
            var m = pattern.matcher(field.lower());
            if (m.find()) {
                return new Hit(field, m.start(), m.end());
            }
        }
        return null;
    }

    private static Hit whole(Field field) {
        return new Hit(field, 0, field.value().length());
    }

    /** Structured fields are quoted whole (they are short); in the notes, the sentence around the match. */
    private static List<Evidence> evidence(List<Hit> hits) {
        List<Evidence> quotes = new ArrayList<>();
        for (Hit hit : hits) {
            Field field = hit.field();
            int start = 0;
            int end = field.value().length();
            if (field.pointer() == null) {
                start = sentenceStart(field.value(), hit.start());
                end = sentenceEnd(field.value(), hit.end());
            }
            while (end > start && Character.isWhitespace(field.value().charAt(end - 1))) {
                end--;
            }
            final int s = start;
            final int e = end;
            if (e > s && quotes.size() < MAX_EVIDENCE && quotes.stream().noneMatch(q -> q.start() == s && q.end() == e
                    && java.util.Objects.equals(q.pointer(), field.pointer()))) {
                quotes.add(new Evidence(s, e, field.value().substring(s, e), field.pointer()));
            }
        }
        return List.copyOf(quotes);
    }

    private static int sentenceStart(String text, int at) {
        int i = Math.min(at, text.length()) - 1;
        while (i >= 0 && ".!?\n".indexOf(text.charAt(i)) < 0) {
            i--;
        }
        int start = i + 1;
        while (start < at && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return start;
    }

    private static int sentenceEnd(String text, int from) {
        for (int i = Math.max(0, from); i < text.length(); i++) {
            if (".!?\n".indexOf(text.charAt(i)) >= 0) {
                return text.charAt(i) == '\n' ? i : i + 1;
            }
        }
        return text.length();
    }

    /** The structural gap when there is one (what to add to the structure), else the next anchor. */
    private static String feedback(RubricDefinition.Dimension dimension, int level, Judgement j) {
        if (level < 4 && j.gap != null) {
            return j.gap;
        }
        return AnswerScorer.feedback(dimension, level, new AnswerScorer.Judgement(j.points, List.of(), j.negative),
                null, null);
    }
}
