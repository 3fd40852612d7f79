package dev.veritas.checks.phishing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A logistic-regression model over the {@link UrlFeature} signals and a vocabulary of address
 * words, stored as a readable text file so a reviewer can see what each signal weighs.
 *
 * <p>Numeric signals enter as {@code (ln(1+x) - centre) / scale}, where the centre is the median of
 * the training addresses: a signal at its usual value contributes nothing, and the contribution
 * of each signal to the score is simply weight × input.
 */
public final class PhishingModel {
    public static final String RESOURCE = "/dev/veritas/checks/phishing/url-model.txt";

    private final double bias;
    private final double threshold;
    private final double[] weights;
    private final double[] centres;
    private final double[] scales;
    private final Map<String, Double> tokenWeights;

    public PhishingModel(double bias, double threshold, double[] weights, double[] centres, double[] scales,
                  Map<String, Double> tokenWeights) {
        int n = UrlFeature.values().length;
        if (weights.length != n || centres.length != n || scales.length != n) {
            throw new IllegalArgumentException("model must have one weight, centre and scale per feature (" + n + ")");
        }
        this.bias = bias;
        this.threshold = threshold;
        this.weights = weights.clone();
        this.centres = centres.clone();
        this.scales = scales.clone();
        // A HashMap, not Map.copyOf: lookups run for every word of every address, and HashMap is faster.
        this.tokenWeights = new HashMap<>(tokenWeights);
    }

    /** The model shipped with Veritas, learned by {@code dev.veritas.eval.PhishingModelTrainer}. */
    public static PhishingModel bundled() {
        try (InputStream in = PhishingModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the phishing URL model " + RESOURCE + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the phishing URL model " + RESOURCE, e);
        }
    }

    public double threshold() {
        return threshold;
    }

    public double bias() {
        return bias;
    }

    /** The model input of one feature: 0/1 for binary ones, centred and scaled log for numeric ones. */
    public double input(UrlFeature f, double raw) {
        if (!f.numeric()) {
            return raw;
        }
        return (Math.log1p(Math.max(0, raw)) - centres[f.ordinal()]) / scales[f.ordinal()];
    }

    public double weight(UrlFeature f) {
        return weights[f.ordinal()];
    }

    /** The usual raw value of a numeric feature, for explanations ("a typical address has 3"). */
    double typicalRaw(UrlFeature f) {
        return Math.expm1(centres[f.ordinal()]);
    }

    double tokenWeight(String token) {
        return tokenWeights.getOrDefault(token, 0.0);
    }

    /** The log-odds of phishing. */
    public double logit(UrlFeatures features) {
        double z = bias;
        for (UrlFeature f : UrlFeature.values()) {
            z += weights[f.ordinal()] * input(f, features.value(f));
        }
        for (String t : features.tokens()) {
            z += tokenWeight(t);
        }
        return z;
    }

    public static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    // ---- text form -------------------------------------------------------------------------

    public void write(Writer out, List<String> header) throws IOException {
        for (String line : header) {
            out.write("# " + line + "\n");
        }
        out.write("bias " + fmt(bias) + "\n");
        out.write("threshold " + fmt(threshold) + "\n");
        for (UrlFeature f : UrlFeature.values()) {
            out.write("feature " + f.id() + " " + fmt(weights[f.ordinal()]) + " " + fmt(centres[f.ordinal()])
                    + " " + fmt(scales[f.ordinal()]) + "\n");
        }
        for (Map.Entry<String, Double> e : new TreeMap<>(tokenWeights).entrySet()) {
            out.write("token " + e.getKey() + " " + fmt(e.getValue()) + "\n");
        }
    }

    public static PhishingModel read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int n = UrlFeature.values().length;
        double[] w = new double[n];
        double[] c = new double[n];
        double[] s = new double[n];
        Arrays.fill(s, 1.0);
        Map<String, UrlFeature> byId = new HashMap<>();
        for (UrlFeature f : UrlFeature.values()) {
            byId.put(f.id(), f);
        }
        Map<String, Double> tokens = new HashMap<>();
        double bias = 0;
        double threshold = 0.5;
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.strip().split(" ");
            switch (p[0]) {
                case "bias" -> bias = Double.parseDouble(p[1]);
                case "threshold" -> threshold = Double.parseDouble(p[1]);
                case "feature" -> {
                    UrlFeature f = byId.get(p[1]);
                    // A feature the file does not know keeps weight 0; one the code no longer has is ignored.
                    if (f != null) {
                        w[f.ordinal()] = Double.parseDouble(p[2]);
                        c[f.ordinal()] = Double.parseDouble(p[3]);
                        s[f.ordinal()] = Double.parseDouble(p[4]);
                    }
                }
                case "token" -> tokens.put(p[1], Double.parseDouble(p[2]));
                default -> throw new IOException("unknown line in phishing URL model: " + line);
            }
        }
        return new PhishingModel(bias, threshold, w, c, s, tokens);
    }

    Map<String, Double> tokenWeights() {
        return Collections.unmodifiableMap(tokenWeights);
    }

    List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (UrlFeature f : UrlFeature.values()) {
            lines.add(String.format(Locale.ROOT, "%-24s %8.3f", f.id(), weights[f.ordinal()]));
        }
        return lines;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.6g", d);
    }
}
