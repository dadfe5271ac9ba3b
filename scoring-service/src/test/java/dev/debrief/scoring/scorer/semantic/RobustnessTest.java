package dev.debrief.scoring.scorer.semantic;

import dev.debrief.contracts.AnswerFormat;
import dev.debrief.contracts.scores.AnswerScored.DimensionScore;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.scorer.AnswerScorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a careful coach would not be fooled by, on answers written for this test (none is in the labelled set):
 * the same content in other words, a list of the rubric's terms, padding, a claim said in the negative, and an
 * answer to a different question.
 */
class RobustnessTest {

    static final String PROMPT = "How would you decide whether a new 'recently added' row on the TV home screen is worth keeping?";
    static final String BASE = "I'd give the row to a random half of TV members and keep the rest on today's screen. "
            + "What counts is whether people who open the app find something and watch it for at least ten minutes, so that share is the main number. "
            + "Browsing time before a title starts must not grow by more than five percent. "
            + "The first week is ignored because anything new on the screen gets curious clicks. "
            + "If the share rises by a point after three weeks, the row stays; otherwise we remove it, which is easy to do.";
    static final String PARAPHRASE = "Half of the TV audience, picked at random, sees the new row while the others keep the current screen. "
            + "The key measure is the share of app openings that end in at least ten minutes of viewing. "
            + "The time people spend browsing before anything plays may rise by five percent at most. "
            + "Week one is left out of the read since novelty draws clicks. "
            + "A one-point gain after three weeks keeps the row; without it we take it away, which costs little.";

    static AnswerScorer scorer;
    static Map<String, RubricDefinition> rubrics;

    @BeforeAll
    static void load() {
        scorer = AnswerScorer.shared();
        rubrics = LabelledSet.rubrics();
    }

    static Map<String, Integer> levels(String rubric, String prompt, String text) {
        return scorer.score(rubrics.get(rubric), new AnswerScorer.AnswerInput(AnswerFormat.FREE_TEXT, prompt, text), null)
                .dimensions().stream().collect(Collectors.toMap(DimensionScore::key, DimensionScore::level));
    }

    @Test
    void shouldScoreAParaphraseWithinOneLevel() {
        Map<String, Integer> base = levels("data-case", PROMPT, BASE);
        Map<String, Integer> paraphrase = levels("data-case", PROMPT, PARAPHRASE);
        base.forEach((key, level) -> assertTrue(Math.abs(level - paraphrase.get(key)) <= 1,
                key + ": " + level + " vs the paraphrase's " + paraphrase.get(key)));
    }

    @Test
    void shouldScoreAKeywordSaladAtMostTwoEverywhere() {
        Map<String, String> salads = Map.of(
                "data-case", "Counterfactual, randomised holdout, novelty effect, selection bias, primary metric, guardrails, "
                        + "decision threshold, kill switch, one-way door, staged rollout, member segments, deduplication, bots, sample ratio mismatch.",
                "behavioral-story", "STAR, SPSIL, situation, task, action, result, lessons, ownership, impact 40%, judgment, pushback, alternatives.",
                "system-design", "Requirements, non-functional requirements, partitioning, hot keys, idempotency, backpressure, batch vs streaming, "
                        + "caching, milestones, rollout plan, ownership, reuse.",
                "culture-values", "Judgment, candor, selflessness, courage, curiosity, innovation, inclusion, feedback, context not control.");
        salads.forEach((rubric, salad) -> levels(rubric, "Tell me how you would approach this.", salad)
                .forEach((key, level) -> assertTrue(level <= 2, rubric + "/" + key + " scored " + level + " for a keyword list")));
    }

    @Test
    void shouldNotRaiseAnyLevelForTwoHundredWordsOfFiller() {
        String filler = " I have always found this kind of question fascinating, and I enjoy talking about it with colleagues. "
                + "There are many schools of thought, and people in the industry hold strong and varied opinions about them. "
                + "In my experience it pays to stay curious, to keep an open mind, and to listen carefully to everyone in the room. "
                + "Good collaboration is essential, and I believe that clear communication is the foundation of every successful team. "
                + "I also think it is important to enjoy the work, to celebrate small wins, and to support one another through hard weeks. "
                + "Over the years I have read many books and articles on these topics, and I keep learning something new every month. "
                + "Ultimately, what matters most is that everyone feels valued and that we keep improving together as a group. "
                + "That is the spirit in which I approach almost everything I do at work, and it has served me well so far in my career. "
                + "I think teams that communicate openly tend to be happier, and happier teams tend to do better work over time. "
                + "Outside of work I like to cook for friends, walk in the hills on Sundays, and read history books late into the night. "
                + "Those habits keep me balanced, and balance, I find, is what lets me bring my best self to the office every single day.";
        assertTrue(filler.split("\\s+").length >= 200, "the filler is at least 200 words");
        Map<String, Integer> base = levels("data-case", PROMPT, BASE);
        Map<String, Integer> padded = levels("data-case", PROMPT, BASE + filler);
        base.forEach((key, level) -> assertTrue(padded.get(key) <= level,
                key + ": " + level + " became " + padded.get(key) + " with filler"));
    }

    @Test
    void shouldGiveANegatedClaimNoCredit() {
        String core = "I'd look at how many people use the row each week and whether they seem to like it. "
                + "If usage looks healthy after a month we keep it.";
        String negated = core + " We would not keep any holdout or control group, and we would not worry about novelty.";
        Map<String, Integer> without = levels("data-case", PROMPT, core);
        Map<String, Integer> withNegation = levels("data-case", PROMPT, negated);
        assertTrue(withNegation.get("causality-rigor") <= without.get("causality-rigor"),
                "causality " + without.get("causality-rigor") + " became " + withNegation.get("causality-rigor"));
        assertTrue(withNegation.get("causality-rigor") <= 2, "a refused comparison is not rigor");
    }

    @Test
    void shouldScoreAnOffTopicAnswerOneAcrossTheBoard() {
        String offTopic = "My favourite holiday was a week of sailing around the Greek islands with my cousins. "
                + "We cooked fish on the boat every evening and swam in the mornings. "
                + "The weather was perfect and the water was very clear.";
        for (String rubric : List.of("data-case", "behavioral-story", "system-design", "culture-values")) {
            levels(rubric, rubric.equals("data-case") ? PROMPT : "Tell me about a project you led.", offTopic)
                    .forEach((key, level) -> assertEquals(1, level, rubric + "/" + key + " for an off-topic answer"));
        }
    }
}
