package dev.veritas.eval;

import dev.veritas.checks.phishing.PhishingModel;

import java.util.Arrays;
import java.util.List;
/**
 * Plain logistic regression, fitted by full-batch Adam from all-zero weights: no random numbers,
 * so the same rows always give the same weights on any machine.
 *
 * <p>Each weight can be held within bounds. Veritas uses that for signals whose direction is
 * known (an IP-number host is never evidence of honesty): the data sets the strength, not the sign.
 */
final class LogisticRegression {
    /** One training row: dense inputs, indices of present sparse (word) inputs, and the label. */
    record Row(double[] dense, int[] sparse, boolean positive, double weight) {}

    private final int denseSize;
    private final int sparseSize;
    private final double denseL2;
    private final double sparseL2;
    private final double[] lower;
    private final double[] upper;
    private final int iterations;

    LogisticRegression(int denseSize, int sparseSize, double denseL2, double sparseL2,
                       double[] lower, double[] upper, int iterations) {
        this.denseSize = denseSize;
        this.sparseSize = sparseSize;
        this.denseL2 = denseL2;
        this.sparseL2 = sparseL2;
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.iterations = iterations;
    }

    /** Returns {bias, dense weights..., sparse weights...}. */
    double[] fit(List<Row> rows) {
        int dim = 1 + denseSize + sparseSize;
        double[] w = new double[dim];
        double[] m = new double[dim];
        double[] v = new double[dim];
        double[] g = new double[dim];
        double rate = 0.05;
        double beta1 = 0.9;
        double beta2 = 0.999;
        double n = 0;
        for (Row r : rows) {
            n += r.weight();
        }
        for (int step = 1; step <= iterations; step++) {
            Arrays.fill(g, 0);
            for (Row r : rows) {
                double err = r.weight() * (predict(w, r) - (r.positive() ? 1 : 0));
                g[0] += err;
                double[] x = r.dense();
                for (int j = 0; j < denseSize; j++) {
                    g[1 + j] += err * x[j];
                }
                for (int k : r.sparse()) {
                    g[1 + denseSize + k] += err;
                }
            }
            for (int i = 0; i < dim; i++) {
                g[i] /= n;
                if (i >= 1 && i <= denseSize) {
                    g[i] += denseL2 * w[i];
                } else if (i > denseSize) {
                    g[i] += sparseL2 * w[i];
                }
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(beta1, step));
                double vHat = v[i] / (1 - Math.pow(beta2, step));
                w[i] -= rate * mHat / (Math.sqrt(vHat) + 1e-8);
                if (i >= 1 && i <= denseSize) {
                    w[i] = Math.max(lower[i - 1], Math.min(upper[i - 1], w[i]));
                }
            }
        }
        return w;
    }

    double predict(double[] w, Row r) {
        double z = w[0];
        double[] x = r.dense();
        for (int j = 0; j < denseSize; j++) {
            z += w[1 + j] * x[j];
        }
        for (int k : r.sparse()) {
            z += w[1 + denseSize + k];
        }
        return PhishingModel.sigmoid(z);
    }
}
