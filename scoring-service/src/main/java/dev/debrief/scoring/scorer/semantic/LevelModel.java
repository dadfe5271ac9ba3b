package dev.debrief.scoring.scorer.semantic;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordinal logistic model from a dimension's features to a level 1–4, with the all-threshold loss: one weight
 * vector shared by every dimension (the features are relative to each dimension's own anchors), three ordered
 * thresholds, and a small per-dimension offset learnt where the labelled set has that dimension. The level is
 * the expected level (1 + the sum of P(level &gt; k)), rounded. Features are standardised with the training
 * split's means and deviations, which the artefact keeps.
 *
 * @param offsets per {@code rubric/dimension}; a dimension without one (a firm's rubric) gets none
 */
public record LevelModel(String version, List<String> features, double[] mean, double[] std, double[] weights,
        double[] thresholds, Map<String, Double> offsets, Map<String, Object> provenance) {

    public static final String RESOURCE = "scorer/levels-model.json";

    public double[] standardise(double[] x) {
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - mean[i]) / std[i];
        }
        return z;
    }

    /** The expected level, not rounded (1.0–4.0). */
    public double expected(String dimension, double[] x) {
        double s = score(dimension, standardise(x));
        double e = 1;
        for (double t : thresholds) {
            e += sigmoid(s - t);
        }
        return e;
    }

    public int level(String dimension, double[] x) {
        return (int) Math.max(1, Math.min(4, Math.round(expected(dimension, x))));
    }

    @JsonIgnore
    double score(String dimension, double[] z) {
        double s = offsets.getOrDefault(dimension, 0.0);
        for (int i = 0; i < z.length; i++) {
            s += weights[i] * z[i];
        }
        return s;
    }

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    public static LevelModel load() {
        try (InputStream in = LevelModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: run the fit command (docs/scoring-service.md)");
            }
            return Json.mapper().readValue(in, LevelModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One labelled row: the dimension's key, its features and the coach's level. */
    public record Row(String dimension, double[] x, int level) {
    }

    /**
     * Fits by full-batch gradient descent on the all-threshold logistic loss with L2 penalties (weights, and a
     * stronger one on the offsets so a dimension with few answers stays near the shared model).
     *
     * @param useOffsets false for the anchors-only model firms' rubrics get
     */
    public static LevelModel fit(String version, List<String> features, List<Row> rows, boolean useOffsets,
            Map<String, Object> provenance) {
        return fit(version, features, rows, useOffsets, Regularisation.LEVELS_2, provenance);
    }

    /**
     * The L2 penalties: {@code weights} on the shared weight vector, {@code offsets} on the per-dimension offsets
     * (larger keeps a dimension with few answers nearer the shared model). {@link #LEVELS_2} is what levels-2 and the
     * baselines use; the fit command compares them by cross-validation.
     */
    public record Regularisation(double weights, double offsets) {
        public static final Regularisation LEVELS_2 = new Regularisation(0.02, 0.3);
    }

    public static LevelModel fit(String version, List<String> features, List<Row> rows, boolean useOffsets,
            Regularisation regularisation, Map<String, Object> provenance) {
        int f = features.size();
        double[] mean = new double[f];
        double[] std = new double[f];
        for (Row r : rows) {
            for (int i = 0; i < f; i++) {
                mean[i] += r.x()[i] / rows.size();
            }
        }
        for (Row r : rows) {
            for (int i = 0; i < f; i++) {
                std[i] += Math.pow(r.x()[i] - mean[i], 2) / rows.size();
            }
        }
        for (int i = 0; i < f; i++) {
            std[i] = Math.max(1e-6, Math.sqrt(std[i]));
        }
        double[] w = new double[f];
        double[] t = {-1, 0, 1};
        Map<String, Double> b = new HashMap<>();
        double lambda = regularisation.weights();
        double lambdaOffset = regularisation.offsets();
        double rate = 0.3;
        LevelModel shape = new LevelModel(version, features, mean, std, w, t, b, provenance);
        List<double[]> z = rows.stream().map(r -> shape.standardise(r.x())).toList();
        for (int iter = 0; iter < 3000; iter++) {
            double[] gw = new double[f];
            double[] gt = new double[3];
            Map<String, Double> gb = new HashMap<>();
            for (int n = 0; n < rows.size(); n++) {
                Row r = rows.get(n);
                double s = shape.score(r.dimension(), z.get(n));
                double gs = 0;
                for (int k = 0; k < 3; k++) {
                    double target = r.level() > k + 1 ? 1 : 0;
                    double g = sigmoid(s - t[k]) - target;
                    gs += g;
                    gt[k] -= g;
                }
                for (int i = 0; i < f; i++) {
                    gw[i] += gs * z.get(n)[i];
                }
                if (useOffsets) {
                    gb.merge(r.dimension(), gs, Double::sum);
                }
            }
            for (int i = 0; i < f; i++) {
                w[i] -= rate * (gw[i] / rows.size() + lambda * w[i]);
            }
            for (int k = 0; k < 3; k++) {
                t[k] -= rate * gt[k] / rows.size();
            }
            java.util.Arrays.sort(t);
            for (Map.Entry<String, Double> e : gb.entrySet()) {
                double current = b.getOrDefault(e.getKey(), 0.0);
                b.put(e.getKey(), current - rate * (e.getValue() / rows.size() * 20 + lambdaOffset * current));
            }
        }
        return new LevelModel(version, features, mean, std, w, t, Map.copyOf(b), provenance);
    }

    /** Reads a model back from its JSON (the fit command's output). */
    public static LevelModel read(JsonNode node) {
        return Json.mapper().convertValue(node, LevelModel.class);
    }
}
