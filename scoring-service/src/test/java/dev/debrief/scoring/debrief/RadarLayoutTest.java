package dev.debrief.scoring.debrief;

import dev.debrief.scoring.scorecards.Recommendation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The debrief chart's geometry: one chart per rubric, at most eight axes, human labels, no text over other text. */
class RadarLayoutTest {

    private static final String[] WORDS = { "causality", "rigor", "user", "model", "depth", "optionality",
            "preservation", "trade-offs", "named", "data", "skepticism", "concise", "setup", "quantified", "impact",
            "judgment", "candor", "WWWWWWWW", "mmmmmmmmmmmmmmmmmmmmmmmmmmmm", "a", "I", "Ownership", "SQL" };

    @Test
    void shouldDrawOneChartPerRubricWithAtMostEightAxesAndNoOverlappingLabels() {
        Random random = new Random(7);
        for (int trial = 0; trial < 400; trial++) {
            List<Debrief.Round> rounds = new ArrayList<>();
            int rubrics = 1 + random.nextInt(3);
            int[] dimensionsOf = new int[rubrics];
            for (int k = 0; k < rubrics; k++) {
                dimensionsOf[k] = 1 + random.nextInt(20);
                List<Debrief.Dimension> dims = new ArrayList<>();
                for (int i = 0; i < dimensionsOf[k]; i++) {
                    dims.add(dimension("dim-" + k + "-" + i, name(random, i), 1 + random.nextInt(4)));
                }
                // two rounds of the same rubric share one chart
                rounds.add(new Debrief.Round(2 * k + 1, "rubric-" + k, 1, 2.5, dims, Map.of()));
                rounds.add(new Debrief.Round(2 * k + 2, "rubric-" + k, 1, 2.5, dims, Map.of()));
            }
            RadarLayout.Layout layout = RadarLayout.of(debrief(rounds));

            for (int k = 0; k < rubrics; k++) {
                String title = "Rubric " + k;
                List<RadarLayout.Chart> ofRubric = layout.charts().stream().filter(c -> c.title().startsWith(title)).toList();
                assertEquals((dimensionsOf[k] + 7) / 8, ofRubric.size(), "charts of " + title);
                assertEquals(dimensionsOf[k], ofRubric.stream().mapToInt(c -> c.axes().size()).sum());
            }
            double previousBottom = 0;
            for (RadarLayout.Chart chart : layout.charts()) {
                assertTrue(chart.axes().size() <= RadarLayout.MAX_AXES, chart.title() + ": " + chart.axes().size());
                assertTrue(chart.top() >= previousBottom, "charts stack without overlapping");
                previousBottom = chart.top() + chart.height();
                List<RadarLayout.Box> boxes = chart.axes().stream().map(RadarLayout.Axis::label).toList();
                for (int i = 0; i < boxes.size(); i++) {
                    RadarLayout.Box b = boxes.get(i);
                    assertFalse(b.entersCircle(chart.cx(), chart.cy(), RadarLayout.RADIUS), "label over the rings");
                    assertTrue(b.x() >= 0 && b.x() + b.width() <= layout.width(), "label inside the picture's width");
                    assertTrue(b.y() >= chart.top() + RadarLayout.TITLE && b.y() + b.height() <= chart.top() + chart.height(),
                            "label inside its chart, below the title");
                    for (int j = i + 1; j < boxes.size(); j++) {
                        assertFalse(b.overlaps(boxes.get(j)), chart.title() + ": labels " + i + " and " + j + " overlap");
                    }
                    for (String line : chart.axes().get(i).lines()) {
                        assertTrue(line.length() <= RadarLayout.WRAP + 1, line);
                    }
                }
            }
            assertTrue(previousBottom <= layout.height());
        }
    }

    @Test
    void shouldLabelAxesWithNamesAndReadASlugAsWords() {
        var named = dimension("causality-rigor", "Causality rigor", 3);
        var bare = dimension("data-skepticism", "data-skepticism", 2);
        RadarLayout.Layout layout = RadarLayout.of(debrief(List.of(
                new Debrief.Round(1, "data-case", 1, 2.5, List.of(named, bare, dimension("x", "Impact", 4)), Map.of()))));

        RadarLayout.Chart chart = layout.charts().get(0);
        assertEquals("Data case", chart.title());
        assertEquals(List.of("Causality rigor", "Data skepticism", "Impact"),
                chart.axes().stream().map(RadarLayout.Axis::name).toList());
        assertEquals(List.of("Causality rigor", "3.0 of 4"), chart.axes().get(0).lines());
        String svg = DebriefRenderer.radarSvg(debrief(layoutRounds()));
        assertFalse(svg.contains(">data-skepticism<"), "no slug on an axis");
    }

    @Test
    void shouldWrapLongNamesToThreeShortLines() {
        assertEquals(List.of("Preserves options", "under uncertainty"), RadarLayout.wrap("Preserves options under uncertainty"));
        List<String> lines = RadarLayout.wrap("one two three four five six seven eight nine ten eleven twelve thirteen fourteen");
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).endsWith("\u2026"));
        assertTrue(RadarLayout.wrap("x".repeat(50)).stream().allMatch(l -> l.length() <= RadarLayout.WRAP));
    }

    private static List<Debrief.Round> layoutRounds() {
        return List.of(new Debrief.Round(1, "data-case", 1, 2.5, List.of(dimension("data-skepticism", "data-skepticism", 2),
                dimension("a", "A", 1), dimension("b", "B", 3)), Map.of()));
    }

    private static String name(Random random, int i) {
        int words = 1 + random.nextInt(6);
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            s.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s + " " + i;
    }

    private static Debrief.Dimension dimension(String key, String name, double level) {
        return new Debrief.Dimension(key, name, 1.0, level, Map.of("automated", (int) level), List.of(), null);
    }

    private static Debrief debrief(List<Debrief.Round> rounds) {
        return new Debrief(UUID.randomUUID(), "cara", 2.5, Recommendation.NO, Debrief.DECISION_RULE, rounds, List.of(),
                List.of(), null, List.of(), Instant.EPOCH);
    }
}
