package dev.debrief.scoring.scorer.semantic;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer's context features: each dimension keeps its own and sees the same means and maxima over the rubric. */
class AnswerContextTest {

    @Test
    void shouldAppendTheMeanAndMaximumOfEachDimensionSpecificFeature() {
        Map<String, double[]> own = new LinkedHashMap<>();
        own.put("a", vector(0.2, 0.5));
        own.put("b", vector(0.6, 0.5));

        Map<String, double[]> inContext = AnswerFeatures.inContext(own);

        for (String key : List.of("a", "b")) {
            double[] x = inContext.get(key);
            assertEquals(AnswerFeatures.ALL.size(), x.length);
            double[] picked = AnswerFeatures.select(x, List.of("level4", "substance", "answer:level4", "answerMax:level4"));
            assertEquals(own.get(key)[AnswerFeatures.PER_DIMENSION.indexOf("level4")], picked[0], 1e-12, key + " keeps its own");
            assertEquals(0.5, picked[1], 1e-12);
            assertArrayEquals(new double[]{0.4, 0.6}, new double[]{picked[2], picked[3]}, 1e-12, key + " sees the rubric's");
        }
    }

    @Test
    void shouldGiveNoContextToAnAnswerWideFeature() {
        assertTrue(AnswerFeatures.ALL.contains("answer:coverage"));
        assertTrue(!AnswerFeatures.ALL.contains("answer:substance"), "substance reads the whole answer already");
        assertTrue(AnswerFeatures.readsExemplars("answerMax:forTop2"));
        assertTrue(!AnswerFeatures.readsExemplars("answer:level4"));
    }

    /** A per-dimension vector with the given level-4 similarity and substance, every other feature 0. */
    private static double[] vector(double level4, double substance) {
        double[] x = new double[AnswerFeatures.PER_DIMENSION.size()];
        x[AnswerFeatures.PER_DIMENSION.indexOf("level4")] = level4;
        x[AnswerFeatures.PER_DIMENSION.indexOf("substance")] = substance;
        return x;
    }
}
