package dev.debrief.scoring.scorer.semantic;

import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.scorer.AnswerScorer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scorer must not recognise the labelled answers by their words. Everything it compares an answer with (each
 * seeded rubric's level anchors and descriptions, the exemplars, the function-word list) is checked against every
 * labelled answer: no run of four consecutive words may be shared (the issue asks for six; four also rules out
 * the stock phrases a labelled answer and an exemplar could both lean on). The rate of shared three-word runs is
 * reported.
 */
class MemorisationTest {

    @Test
    void shouldShareNoRunOfFourWordsWithAnyLabelledAnswer() {
        List<String> resources = new ArrayList<>(AnswerScorer.shared().semantic().anchors().exemplarTexts());
        for (RubricDefinition rubric : LabelledSet.rubrics().values()) {
            for (RubricDefinition.Dimension d : rubric.dimensions()) {
                d.levels().forEach(l -> resources.add(l.anchor()));
                resources.add(d.description() == null ? "" : d.description());
                resources.addAll(d.signalsOrEmpty().positive());
                resources.addAll(d.signalsOrEmpty().negative());
            }
        }
        resources.add(String.join(" ", AnswerFeatures.FUNCTION_WORDS));

        Set<String> four = new HashSet<>();
        Set<String> three = new HashSet<>();
        resources.forEach(r -> {
            four.addAll(runs(r, 4));
            three.addAll(runs(r, 3));
        });
        List<String> shared = new ArrayList<>();
        long answerTrigrams = 0;
        long sharedTrigrams = 0;
        for (LabelledSet.Answer a : LabelledSet.load()) {
            String text = a.text() + (a.structured() == null ? "" : " " + a.structured().toString());
            for (String run : runs(text, 4)) {
                if (four.contains(run)) {
                    shared.add(a.id() + ": \u201c" + run + "\u201d");
                }
            }
            for (String run : runs(text, 3)) {
                answerTrigrams++;
                sharedTrigrams += three.contains(run) ? 1 : 0;
            }
        }
        System.out.printf("Shared 3-word runs: %d of %d in the labelled answers (%.2f%%)%n", sharedTrigrams, answerTrigrams,
                100.0 * sharedTrigrams / Math.max(1, answerTrigrams));
        assertTrue(shared.isEmpty(), "runs of four words shared between the scorer's resources and labelled answers: " + shared);
    }

    /** Every run of n consecutive words, lower-cased, punctuation dropped. */
    static List<String> runs(String text, int n) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+", " ").trim().split("\\s+");
        List<String> out = new ArrayList<>();
        for (int i = 0; i + n <= words.length; i++) {
            out.add(String.join(" ", java.util.Arrays.asList(words).subList(i, i + n)));
        }
        return out;
    }
}
