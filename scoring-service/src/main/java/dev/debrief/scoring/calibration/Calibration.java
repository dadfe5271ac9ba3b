package dev.debrief.scoring.calibration;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Agreement between scorers on ordinal levels 1–4: Krippendorff's alpha with the ordinal metric (any number
 * of scorers, missing ratings allowed), quadratic-weighted Cohen's kappa per pair, each scorer's leniency
 * against the rest of the panel, and that leniency per month (drift).
 */
public final class Calibration {

    static final int LEVELS = 4;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private Calibration() {
    }

    /** One scorer's level on one item (an answer's or a round's dimension) at a time. */
    public record Rating(String item, String scorer, int level, Instant at) {
    }

    public record PairKappa(String scorerA, String scorerB, int items, Double kappa) {
    }

    /** Mean of (own level − mean of the others' levels on the same item); positive is lenient. */
    public record Leniency(String scorer, int items, double leniency) {
    }

    public record Drift(String scorer, String period, int items, double leniency) {
    }

    public record Report(int items, int ratings, List<String> scorers, Double alpha, List<PairKappa> pairs,
            List<Leniency> leniency, List<Drift> drift) {
    }

    public static Report of(List<Rating> ratings) {
        Map<String, Map<String, Rating>> units = units(ratings);
        List<String> scorers = ratings.stream().map(Rating::scorer).distinct().sorted().toList();
        List<PairKappa> pairs = new ArrayList<>();
        for (int a = 0; a < scorers.size(); a++) {
            for (int b = a + 1; b < scorers.size(); b++) {
                pairs.add(pair(units, scorers.get(a), scorers.get(b)));
            }
        }
        int paired = (int) units.values().stream().filter(u -> u.size() >= 2).count();
        return new Report(paired, ratings.size(), scorers, alpha(units), pairs, leniency(units, scorers),
                drift(units, scorers));
    }

    /** Krippendorff's alpha, ordinal metric; null when there is no pairable unit or no variation. */
    public static Double alpha(Map<String, Map<String, Rating>> units) {
        double[][] o = new double[LEVELS + 1][LEVELS + 1];
        for (Map<String, Rating> unit : units.values()) {
            int m = unit.size();
            if (m < 2) {
                continue;
            }
            List<Integer> values = unit.values().stream().map(Rating::level).toList();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        o[values.get(i)][values.get(j)] += 1.0 / (m - 1);
                    }
                }
            }
        }
        double[] nc = new double[LEVELS + 1];
        double n = 0;
        for (int c = 1; c <= LEVELS; c++) {
            for (int k = 1; k <= LEVELS; k++) {
                nc[c] += o[c][k];
            }
            n += nc[c];
        }
        double observed = 0;
        double expected = 0;
        for (int c = 1; c <= LEVELS; c++) {
            for (int k = 1; k <= LEVELS; k++) {
                double d = ordinalDistance(nc, c, k);
                observed += o[c][k] * d;
                expected += nc[c] * nc[k] * d;
            }
        }
        if (n <= 1 || expected == 0) {
            return null;
        }
        return 1 - (n - 1) * observed / expected;
    }

    /** δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)². */
    static double ordinalDistance(double[] nc, int c, int k) {
        int low = Math.min(c, k);
        int high = Math.max(c, k);
        double sum = 0;
        for (int g = low; g <= high; g++) {
            sum += nc[g];
        }
        double d = sum - (nc[low] + nc[high]) / 2;
        return d * d;
    }

    /** Cohen's kappa with quadratic weights over the items both scored; null when undefined. */
    public static Double weightedKappa(List<int[]> pairs) {
        if (pairs.isEmpty()) {
            return null;
        }
        double[][] observed = new double[LEVELS + 1][LEVELS + 1];
        double[] rowTotals = new double[LEVELS + 1];
        double[] colTotals = new double[LEVELS + 1];
        for (int[] p : pairs) {
            observed[p[0]][p[1]]++;
            rowTotals[p[0]]++;
            colTotals[p[1]]++;
        }
        double n = pairs.size();
        double wo = 0;
        double we = 0;
        for (int i = 1; i <= LEVELS; i++) {
            for (int j = 1; j <= LEVELS; j++) {
                double w = Math.pow(i - j, 2) / Math.pow(LEVELS - 1, 2);
                wo += w * observed[i][j] / n;
                we += w * rowTotals[i] * colTotals[j] / (n * n);
            }
        }
        return we == 0 ? null : 1 - wo / we;
    }

    private static PairKappa pair(Map<String, Map<String, Rating>> units, String a, String b) {
        List<int[]> both = new ArrayList<>();
        for (Map<String, Rating> unit : units.values()) {
            if (unit.containsKey(a) && unit.containsKey(b)) {
                both.add(new int[] { unit.get(a).level(), unit.get(b).level() });
            }
        }
        return new PairKappa(a, b, both.size(), weightedKappa(both));
    }

    private static List<Leniency> leniency(Map<String, Map<String, Rating>> units, List<String> scorers) {
        List<Leniency> result = new ArrayList<>();
        for (String scorer : scorers) {
            double sum = 0;
            int n = 0;
            for (Map<String, Rating> unit : units.values()) {
                Double d = deviation(unit, scorer);
                if (d != null) {
                    sum += d;
                    n++;
                }
            }
            if (n > 0) {
                result.add(new Leniency(scorer, n, round(sum / n)));
            }
        }
        return result;
    }

    private static List<Drift> drift(Map<String, Map<String, Rating>> units, List<String> scorers) {
        List<Drift> result = new ArrayList<>();
        for (String scorer : scorers) {
            Map<String, double[]> perMonth = new TreeMap<>();
            for (Map<String, Rating> unit : units.values()) {
                Double d = deviation(unit, scorer);
                if (d != null) {
                    double[] acc = perMonth.computeIfAbsent(MONTH.format(unit.get(scorer).at()), k -> new double[2]);
                    acc[0] += d;
                    acc[1]++;
                }
            }
            perMonth.forEach((month, acc) -> result.add(new Drift(scorer, month, (int) acc[1], round(acc[0] / acc[1]))));
        }
        return result;
    }

    private static Double deviation(Map<String, Rating> unit, String scorer) {
        Rating own = unit.get(scorer);
        if (own == null || unit.size() < 2) {
            return null;
        }
        double others = unit.values().stream().filter(r -> !r.scorer().equals(scorer)).mapToInt(Rating::level).average()
                .orElseThrow();
        return own.level() - others;
    }

    /** item → scorer → rating (a scorer's latest rating of an item counts). */
    static Map<String, Map<String, Rating>> units(List<Rating> ratings) {
        Map<String, Map<String, Rating>> units = new TreeMap<>();
        for (Rating r : ratings) {
            units.computeIfAbsent(r.item(), k -> new TreeMap<>()).merge(r.scorer(), r,
                    (old, now) -> now.at().isAfter(old.at()) ? now : old);
        }
        return units;
    }

    public static Double alphaOf(List<Rating> ratings) {
        return alpha(units(ratings));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static TreeSet<String> sorted(List<String> values) {
        return new TreeSet<>(values);
    }
}
