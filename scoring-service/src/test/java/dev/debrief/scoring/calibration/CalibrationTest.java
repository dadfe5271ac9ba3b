package dev.debrief.scoring.calibration;

import dev.debrief.scoring.calibration.Calibration.Rating;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Two scorers, four items: A = 1, 2, 3, 4 and B = 1, 2, 4, 4. Worked by hand:
 * <ul>
 * <li>Quadratic-weighted kappa: w = (i−j)²/9. Observed weighted disagreement = (1/9)/4 = 1/36. Marginals A = ¼ each,
 * B = (¼, ¼, 0, ½); expected = ¼·[¼·14/9 + ¼·6/9 + ½·14/9] = 1/3. κ = 1 − (1/36)/(1/3) = 11/12 = 0.91667.</li>
 * <li>Krippendorff's ordinal alpha: coincidences o11 = 2, o22 = 2, o34 = o43 = 1, o44 = 2; n = (2, 2, 1, 3), 8 in all.
 * δ²(3,4) = ((1+3) − (1+3)/2)² = 4, so Σ o·δ² = 8. Σ n_c·n_k·δ² over ordered pairs = 2·(16 + 24.5 + 181.5 + 4.5
 * + 73.5 + 12) = 624. α = 1 − 7·8/624 = 0.91026.</li>
 * <li>Leniency: A is 1 below B on item 3 and level elsewhere: −0.25; B +0.25.</li>
 * </ul>
 */
class CalibrationTest {

    private static final Instant JAN = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-10T10:00:00Z");

    @Test
    void shouldMatchTheHandComputedKappaAlphaAndLeniency() {
        Calibration.Report report = Calibration.of(example());

        assertEquals(4, report.items());
        assertEquals(0.91667, report.pairs().get(0).kappa(), 1e-4);
        assertEquals(0.91026, report.alpha(), 1e-4);
        assertEquals(-0.25, report.leniency().stream().filter(l -> l.scorer().equals("a")).findFirst().orElseThrow()
                .leniency(), 1e-9);
        assertEquals(0.25, report.leniency().stream().filter(l -> l.scorer().equals("b")).findFirst().orElseThrow()
                .leniency(), 1e-9);
    }

    @Test
    void shouldReportLeniencyPerMonthAsDrift() {
        Calibration.Report report = Calibration.of(example());

        List<Calibration.Drift> b = report.drift().stream().filter(d -> d.scorer().equals("b")).toList();
        assertEquals(2, b.size());
        assertEquals("2026-01", b.get(0).period());
        assertEquals(0.0, b.get(0).leniency(), 1e-9);
        assertEquals("2026-02", b.get(1).period());
        assertEquals(0.5, b.get(1).leniency(), 1e-9);
    }

    @Test
    void shouldGiveNoAgreementFigureWhenNoItemWasScoredTwice() {
        assertNull(Calibration.alphaOf(List.of(new Rating("x", "a", 2, JAN), new Rating("y", "b", 3, JAN))));
    }

    @Test
    void shouldReachFullAgreementWhenScorersAgreeEverywhere() {
        List<Rating> ratings = new ArrayList<>();
        int[] levels = { 1, 2, 3, 4, 2 };
        for (int i = 0; i < levels.length; i++) {
            ratings.add(new Rating("item" + i, "a", levels[i], JAN));
            ratings.add(new Rating("item" + i, "b", levels[i], JAN));
        }
        assertEquals(1.0, Calibration.alphaOf(ratings), 1e-9);
    }

    private static List<Rating> example() {
        int[] a = { 1, 2, 3, 4 };
        int[] b = { 1, 2, 4, 4 };
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            Instant at = i < 2 ? JAN : FEB;
            ratings.add(new Rating("item" + i, "a", a[i], at));
            ratings.add(new Rating("item" + i, "b", b[i], at));
        }
        return ratings;
    }
}
