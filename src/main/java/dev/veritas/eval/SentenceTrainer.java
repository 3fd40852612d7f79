package dev.veritas.eval;

import dev.veritas.checks.darkpatterns.NgramModel;
import dev.veritas.checks.darkpatterns.PatternType;
import dev.veritas.checks.darkpatterns.SentenceEmbedder;
import dev.veritas.checks.darkpatterns.SentenceModel;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Fits a {@link SentenceModel} by stochastic gradient descent with L2 regularisation on standardised meaning vectors. The
 * shuffle's seed, the epoch count and the learning-rate schedule are fixed, so the same vectors give the same weights.
 */
final class SentenceTrainer {
    static final int EPOCHS = 8;
    static final double LEARNING_RATE = 0.05;
    static final double L2 = 1e-4;
    static final long SEED = 7;
    static final double MIN_SCALE = 1e-3;

    private SentenceTrainer() {
    }

    /** @param labels each vector's class index in {@code classes} */
    static SentenceModel train(List<float[]> vectors, int[] labels, List<Optional<PatternType>> classes, double threshold,
                               List<String> honestLookAlikes, List<String> header) {
        int n = vectors.size();
        int d = SentenceEmbedder.DIMENSIONS;
        int k = classes.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= Math.max(1, n);
        }
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) {
                scale[j] += (v[j] - mean[j]) * (v[j] - mean[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            // A component that hardly varies (the quantized network has a few) is left unscaled rather than divided by ~0,
            // which would turn rounding in the saved file into infinities.
            scale[j] = Math.max(MIN_SCALE, Math.sqrt(scale[j] / Math.max(1, n)));
        }
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = (vectors.get(i)[j] - mean[j]) / scale[j];
            }
        }
        double[][] w = new double[k][d];
        double[] bias = new double[k];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(SEED);
        long step = 0;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int idx : order) {
                double lr = LEARNING_RATE / (1 + 0.0002 * step++);
                double[] z = bias.clone();
                for (int c = 0; c < k; c++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += w[c][j] * x[idx][j];
                    }
                    z[c] += s;
                }
                double[] p = NgramModel.softmax(z);
                for (int c = 0; c < k; c++) {
                    double g = p[c] - (c == labels[idx] ? 1 : 0);
                    for (int j = 0; j < d; j++) {
                        w[c][j] -= lr * (g * x[idx][j] + L2 * w[c][j]);
                    }
                    bias[c] -= lr * g;
                }
            }
        }
        return new SentenceModel(classes, bias, w, mean, scale, threshold, honestLookAlikes, header);
    }

    static String describe() {
        return "epochs " + EPOCHS + ", learning rate " + LEARNING_RATE + ", L2 " + L2 + ", seed " + SEED;
    }
}
