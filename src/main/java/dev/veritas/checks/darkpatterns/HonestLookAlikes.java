package dev.veritas.checks.darkpatterns;

import java.util.ArrayList;
import java.util.List;

/**
 * Honest texts the learned models are known to confuse with dark patterns ("Travel insurance added to your booking, as you
 * selected"), remembered by meaning: a text that says nearly the same thing is not reported on the models' word alone. A
 * linear model over meaning vectors cannot learn every such nuance; a remembered example carries it to close paraphrases.
 * Rule matches are not affected: rules have their own exceptions.
 */
public final class HonestLookAlikes {
    /** Cosine similarity from which two texts count as saying the same thing (paraphrases of one line score about 0.9). */
    public static final double SIMILARITY = 0.9;

    private final List<float[]> unitVectors;

    public HonestLookAlikes(List<float[]> vectors) {
        List<float[]> units = new ArrayList<>();
        for (float[] v : vectors) {
            units.add(unit(v));
        }
        this.unitVectors = List.copyOf(units);
    }

    /** Whether the text behind this vector says nearly what some remembered honest text says. */
    public boolean resembles(float[] vector) {
        float[] u = unit(vector);
        for (float[] h : unitVectors) {
            double dot = 0;
            for (int j = 0; j < u.length; j++) {
                dot += u[j] * h[j];
            }
            if (dot >= SIMILARITY) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return unitVectors.size();
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = norm == 0 ? 0 : (float) (v[j] / norm);
        }
        return out;
    }
}
