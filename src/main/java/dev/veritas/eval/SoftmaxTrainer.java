package dev.veritas.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import dev.veritas.checks.darkpatterns.NgramFeatures;
import dev.veritas.checks.darkpatterns.NgramModel;
import dev.veritas.checks.darkpatterns.PatternType;

/**
 * Fits an {@link NgramModel} by stochastic gradient descent with L2 regularisation. Everything that
 * could vary between runs is fixed — the seed of the shuffle, the epoch count, the learning-rate
 * schedule — so the same examples always give the same weights, and the shipped file can be
 * regenerated and diffed.
 */
public final class SoftmaxTrainer {
    /** One training text (already normalised) and its class index in the model's class list. */
    public record Example(String normalized, int label) {
    }

    /**
     * @param minCount a feature must occur in at least this many examples to get a weight, so one
     *                 page's product names cannot become evidence
     * @param prune    weights smaller than this in magnitude are dropped from the model
     */
    public record Options(int epochs, double learningRate, double l2, int minCount, double prune, long seed) {
        public static Options defaults() {
            return new Options(40, 0.5, 1e-4, 2, 0.01, 20190917L);
        }
    }

    private SoftmaxTrainer() {
    }

    public static NgramModel train(List<Example> examples, List<Optional<PatternType>> classes, Options o, double threshold,
                                   List<String> header) {
        int k = classes.size();
        Map<String, Integer> counts = new HashMap<>();
        List<Set<String>> featureSets = new ArrayList<>();
        for (Example e : examples) {
            if (e.label() < 0 || e.label() >= k) {
                throw new IllegalArgumentException("label " + e.label() + " outside the " + k + " classes");
            }
            Set<String> f = NgramFeatures.of(e.normalized());
            featureSets.add(f);
            f.forEach(name -> counts.merge(name, 1, Integer::sum));
        }
        Map<String, double[]> w = new HashMap<>();
        counts.forEach((name, n) -> {
            if (n >= o.minCount()) {
                w.put(name, new double[k]);
            }
        });
        double[] bias = new double[k];
        Random random = new Random(o.seed());
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        long step = 0;
        for (int epoch = 0; epoch < o.epochs(); epoch++) {
            shuffle(order, random);
            for (int idx : order) {
                double lr = o.learningRate() / (1 + 0.0005 * step++);
                List<double[]> rows = new ArrayList<>();
                for (String f : featureSets.get(idx)) {
                    double[] row = w.get(f);
                    if (row != null) {
                        rows.add(row);
                    }
                }
                double x = 1.0 / Math.sqrt(Math.max(1, featureSets.get(idx).size()));
                double[] z = bias.clone();
                for (double[] row : rows) {
                    for (int c = 0; c < k; c++) {
                        z[c] += row[c] * x;
                    }
                }
                double[] p = NgramModel.softmax(z);
                int y = examples.get(idx).label();
                for (int c = 0; c < k; c++) {
                    double g = p[c] - (c == y ? 1 : 0);
                    bias[c] -= lr * g;
                    for (double[] row : rows) {
                        row[c] -= lr * (g * x + o.l2() * row[c]);
                    }
                }
            }
        }
        Map<String, double[]> kept = new HashMap<>();
        w.forEach((name, row) -> {
            boolean any = false;
            for (int c = 0; c < k; c++) {
                if (Math.abs(row[c]) < o.prune()) {
                    row[c] = 0;
                } else {
                    any = true;
                }
            }
            if (any) {
                kept.put(name, row);
            }
        });
        return new NgramModel(classes, bias, kept, threshold, header);
    }

    /** Fisher–Yates with the given generator, so the order depends only on the seed. */
    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
