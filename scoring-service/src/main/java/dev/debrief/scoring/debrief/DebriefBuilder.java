package dev.debrief.scoring.debrief;

import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.contracts.scores.AnswerScored.Evidence;
import dev.debrief.contracts.scores.ScorecardSubmitted.DimensionRating;
import dev.debrief.scoring.answers.Answer;
import dev.debrief.scoring.answers.AnswerScoreRow;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.scorecards.Recommendation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Builds a {@link Debrief} from a session's answers, automated scores and coaches' current scorecards. */
public final class DebriefBuilder {

    private DebriefBuilder() {
    }

    /** A coach's current scorecard for a round. */
    public record CoachCard(int roundPosition, String scorer, Recommendation recommendation, List<DimensionRating> ratings) {
    }

    public static Debrief build(UUID sessionId, List<Answer> answers, List<AnswerScoreRow> scores, List<CoachCard> cards,
            java.util.function.BiFunction<String, Integer, Optional<RubricDefinition>> rubrics, Instant now) {
        String candidate = answers.isEmpty() ? null : answers.get(0).candidate;
        Map<UUID, Integer> roundOf = new LinkedHashMap<>();
        answers.forEach(a -> roundOf.put(a.answerId, a.roundPosition));
        Map<Integer, List<AnswerScoreRow>> scoresByRound = new TreeMap<>();
        scores.forEach(s -> scoresByRound.computeIfAbsent(roundOf.getOrDefault(s.answerId, 0), k -> new ArrayList<>()).add(s));
        cards.forEach(c -> scoresByRound.computeIfAbsent(c.roundPosition(), k -> new ArrayList<>()));

        List<Debrief.Round> rounds = new ArrayList<>();
        List<Debrief.Point> strengths = new ArrayList<>();
        List<Debrief.Point> concerns = new ArrayList<>();
        List<Debrief.Dissent> dissent = new ArrayList<>();
        for (var entry : scoresByRound.entrySet()) {
            int round = entry.getKey();
            List<AnswerScoreRow> roundScores = entry.getValue();
            List<CoachCard> roundCards = cards.stream().filter(c -> c.roundPosition() == round).toList();
            String slug = roundScores.isEmpty() ? null : roundScores.get(0).rubricSlug;
            int version = roundScores.isEmpty() ? 0 : roundScores.get(0).rubricVersion;
            Optional<RubricDefinition> rubric = slug == null ? Optional.empty() : rubrics.apply(slug, version);
            Map<String, Map<String, List<Integer>>> levels = new LinkedHashMap<>();
            Map<String, DimensionScore> best = new LinkedHashMap<>();
            Map<String, DimensionScore> worst = new LinkedHashMap<>();
            for (AnswerScoreRow score : roundScores) {
                for (DimensionScore d : score.dimensionScores()) {
                    levels.computeIfAbsent(d.key(), k -> new TreeMap<>()).computeIfAbsent(score.scorer, k -> new ArrayList<>())
                            .add(d.level());
                    best.merge(d.key(), d, (a, b) -> b.level() > a.level() ? b : a);
                    worst.merge(d.key(), d, (a, b) -> b.level() < a.level() ? b : a);
                }
            }
            for (CoachCard card : roundCards) {
                for (DimensionRating r : card.ratings()) {
                    levels.computeIfAbsent(r.key(), k -> new TreeMap<>()).computeIfAbsent(card.scorer(), k -> new ArrayList<>())
                            .add(r.level());
                }
            }
            if (rubric.isPresent()) {
                levels = inRubricOrder(levels, rubric.get());
            }
            List<Debrief.Dimension> dimensions = new ArrayList<>();
            double weighted = 0;
            double weights = 0;
            for (var dim : levels.entrySet()) {
                Map<String, Integer> byScorer = new TreeMap<>();
                dim.getValue().forEach((scorer, ls) -> byScorer.put(scorer,
                        (int) Math.round(ls.stream().mapToInt(Integer::intValue).average().orElse(1))));
                double panel = median(new ArrayList<>(byScorer.values()));
                Optional<RubricDefinition.Dimension> def = rubric.flatMap(r -> r.dimension(dim.getKey()));
                double weight = def.map(d -> rubric.get().weightOf(d)).orElse(1.0);
                String name = def.map(RubricDefinition.Dimension::name).orElse(dim.getKey());
                DimensionScore shown = panel >= 3 ? best.get(dim.getKey()) : worst.get(dim.getKey());
                List<Evidence> evidence = shown == null ? List.of() : shown.evidence();
                String feedback = shown == null ? null : shown.feedback();
                dimensions.add(new Debrief.Dimension(dim.getKey(), name, weight, panel, byScorer, evidence, feedback));
                weighted += weight * panel;
                weights += weight;
                int max = byScorer.values().stream().max(Integer::compare).orElse(0);
                int min = byScorer.values().stream().min(Integer::compare).orElse(0);
                if (max - min >= 2) {
                    dissent.add(new Debrief.Dissent(round, dim.getKey(), byScorer, "Scorers are " + (max - min)
                            + " levels apart on " + name + "."));
                }
                String quote = evidence.isEmpty() ? "(no quoted evidence)" : "\u201c" + evidence.get(0).quote() + "\u201d";
                if (panel >= 3) {
                    strengths.add(new Debrief.Point(round, dim.getKey(), panel, quote, feedback));
                } else if (panel <= 2) {
                    concerns.add(new Debrief.Point(round, dim.getKey(), panel, quote, feedback));
                }
            }
            Map<String, Recommendation> coachCalls = new TreeMap<>();
            roundCards.forEach(c -> coachCalls.put(c.scorer(), c.recommendation()));
            if (coachCalls.values().stream().map(Recommendation::hire).distinct().count() > 1) {
                dissent.add(new Debrief.Dissent(round, null, Map.of(), "Coaches disagree on hire: " + coachCalls + "."));
            }
            double overall = weights == 0 ? 0 : round2(weighted / weights);
            rounds.add(new Debrief.Round(round, slug, version, overall, dimensions, coachCalls));
        }
        double overall = round2(rounds.stream().mapToDouble(Debrief.Round::overall).average().orElse(0));
        Recommendation recommendation = decide(overall, rounds);
        for (Debrief.Round r : rounds) {
            r.coachRecommendations().forEach((coach, call) -> {
                if (call.hire() != recommendation.hire()) {
                    dissent.add(new Debrief.Dissent(r.roundPosition(), null, Map.of(), "Coach " + coach + " said " + call
                            + " in round " + r.roundPosition() + "; the decision rule says " + recommendation + "."));
                }
            });
        }
        strengths.sort(Comparator.comparingDouble(Debrief.Point::level).reversed());
        concerns.sort(Comparator.comparingDouble(Debrief.Point::level));
        Debrief.Point oneThing = oneThingToChange(rounds, concerns);
        return new Debrief(sessionId, candidate, overall, recommendation, Debrief.DECISION_RULE, rounds,
                List.copyOf(strengths), List.copyOf(concerns), oneThing, List.copyOf(dissent), now);
    }

    private static Map<String, Map<String, List<Integer>>> inRubricOrder(Map<String, Map<String, List<Integer>>> levels,
            RubricDefinition rubric) {
        Map<String, Map<String, List<Integer>>> ordered = new LinkedHashMap<>();
        rubric.dimensions().forEach(d -> {
            if (levels.containsKey(d.key())) {
                ordered.put(d.key(), levels.get(d.key()));
            }
        });
        levels.forEach(ordered::putIfAbsent);
        return ordered;
    }

    static Recommendation decide(double overall, List<Debrief.Round> rounds) {
        double lowestLevel = rounds.stream().flatMap(r -> r.dimensions().stream()).mapToDouble(Debrief.Dimension::level)
                .min().orElse(0);
        double lowestRound = rounds.stream().mapToDouble(Debrief.Round::overall).min().orElse(0);
        if (overall >= 3.5 && lowestLevel >= 2) {
            return Recommendation.STRONG_YES;
        }
        if (overall >= 2.75 && lowestRound >= 2.0) {
            return Recommendation.YES;
        }
        return overall >= 2.0 ? Recommendation.NO : Recommendation.STRONG_NO;
    }

    /**
     * The lowest dimension that weighs the most: where one change moves the result furthest. It is chosen among the
     * concerns (below 3) when there are any, so a strength is never the thing to change.
     */
    private static Debrief.Point oneThingToChange(List<Debrief.Round> rounds, List<Debrief.Point> concerns) {
        boolean anyConcern = rounds.stream().anyMatch(r -> r.dimensions().stream().anyMatch(d -> d.level() < 3));
        Debrief.Point pick = null;
        double gain = -1;
        for (Debrief.Round round : rounds) {
            for (Debrief.Dimension d : round.dimensions()) {
                double g = (4 - d.level()) * d.weight();
                if (g > gain && d.level() < (anyConcern ? 3 : 4)) {
                    gain = g;
                    String quote = d.evidence().isEmpty() ? "(no quoted evidence)" : "\u201c" + d.evidence().get(0).quote() + "\u201d";
                    pick = new Debrief.Point(round.roundPosition(), d.key(), d.level(), quote, d.feedback());
                }
            }
        }
        return pick != null ? pick : concerns.isEmpty() ? null : concerns.get(0);
    }

    static double median(List<Integer> values) {
        if (values.isEmpty()) {
            return 0;
        }
        values.sort(Integer::compare);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
