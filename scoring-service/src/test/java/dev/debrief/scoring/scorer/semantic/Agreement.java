package dev.debrief.scoring.scorer.semantic;

import java.util.List;

/** Exact and within-one agreement and quadratic weighted kappa between predicted and labelled levels 1–4. */
public record Agreement(int n, double exact, double withinOne, double qwk) {

    public static Agreement of(List<int[]> pairs) {
        int n = pairs.size();
        if (n == 0) {
            return new Agreement(0, Double.NaN, Double.NaN, Double.NaN);
        }
        int exact = 0;
        int within = 0;
        double[][] observed = new double[4][4];
        double[] predicted = new double[4];
        double[] labelled = new double[4];
        for (int[] p : pairs) {
            exact += p[0] == p[1] ? 1 : 0;
            within += Math.abs(p[0] - p[1]) <= 1 ? 1 : 0;
            observed[p[0] - 1][p[1] - 1]++;
            predicted[p[0] - 1]++;
            labelled[p[1] - 1]++;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double w = (i - j) * (i - j) / 9.0;
                num += w * observed[i][j];
                den += w * predicted[i] * labelled[j] / n;
            }
        }
        double qwk = den == 0 ? 0 : 1 - num / den;
        return new Agreement(n, (double) exact / n, (double) within / n, qwk);
    }

    @Override
    public String toString() {
        return String.format("n=%d exact %.1f%% within-one %.1f%% QWK %.3f", n, 100 * exact, 100 * withinOne, qwk);
    }
}
