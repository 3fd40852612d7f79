package dev.veritas.checks.darkpatterns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A multinomial logistic regression over {@link NgramFeatures}: class 0 is "not a dark pattern",
 * the others are pattern types. It catches paraphrases the rules do not list, and says which
 * n-grams drove each decision so a report can show them. Trained by {@code DarkPatternTrainer};
 * the shipped weights are a plain-text resource anyone can read and regenerate.
 */
public final class NgramModel {
    public static final String RESOURCE = "/dev/veritas/checks/darkpatterns/ngram-model.tsv";
    private static final int TOP_TERMS = 3;

    private final List<Optional<PatternType>> classes;
    private final double[] bias;
    private final Map<String, double[]> weights;
    private final double threshold;
    private final List<String> header;

    /**
     * @param classes   index 0 must be empty (benign); the others name pattern types
     * @param threshold the probability of "some dark pattern" from which a model-only match is reported;
     *                  above 1 when calibration found the model should not report on its own
     * @param header    comment lines written at the top of the saved file (how it was made)
     */
    public NgramModel(List<Optional<PatternType>> classes, double[] bias, Map<String, double[]> weights, double threshold,
                      List<String> header) {
        if (classes.isEmpty() || classes.get(0).isPresent()) {
            throw new IllegalArgumentException("class 0 must be the benign class");
        }
        if (bias.length != classes.size()) {
            throw new IllegalArgumentException("one bias per class expected");
        }
        this.classes = List.copyOf(classes);
        this.bias = bias.clone();
        this.weights = Map.copyOf(weights);
        this.threshold = threshold;
        this.header = List.copyOf(header);
    }

    public double threshold() {
        return threshold;
    }

    public NgramModel withThreshold(double t) {
        return new NgramModel(classes, bias, weights, t, header);
    }

    public List<Optional<PatternType>> classes() {
        return classes;
    }

    /**
     * What the model thinks of a normalised text.
     *
     * @param typeProbabilities the probability of each pattern type (the benign class left out); empty when nothing scored
     */
    public record Score(double darkProbability, Optional<PatternType> likelyType, List<String> contributingTerms,
                        Map<PatternType, Double> typeProbabilities) {
        public Score {
            typeProbabilities = Map.copyOf(typeProbabilities);
        }

        /** Whether the evidence names a meaningful word, not only "no", "i" or a number; see {@link NgramFeatures#hasContentWord}. */
        public boolean citesContent() {
            return NgramFeatures.hasContentWord(contributingTerms);
        }
    }

    public Score score(String normalized) {
        Set<String> features = NgramFeatures.of(normalized);
        double scale = 1.0 / Math.sqrt(Math.max(1, features.size()));
        int k = classes.size();
        double[] z = bias.clone();
        List<double[]> present = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String f : features) {
            double[] w = weights.get(f);
            if (w != null) {
                present.add(w);
                names.add(f);
                for (int c = 0; c < k; c++) {
                    z[c] += w[c] * scale;
                }
            }
        }
        double[] p = softmax(z);
        int best = -1;
        for (int c = 1; c < k; c++) {
            if (best < 0 || p[c] > p[best]) {
                best = c;
            }
        }
        if (best < 0) {
            return new Score(0, Optional.empty(), List.of(), Map.of());
        }
        final int chosen = best;
        // Evidence: the n-grams that most raise the chosen type over "benign".
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            if (present.get(i)[chosen] - present.get(i)[0] > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> present.get(i)[chosen] - present.get(i)[0]).reversed());
        List<String> terms = order.stream().limit(TOP_TERMS).map(names::get).toList();
        return new Score(1 - p[0], classes.get(chosen), terms, byType(classes, p));
    }

    /** Class probabilities keyed by pattern type, the benign class left out. */
    static Map<PatternType, Double> byType(List<Optional<PatternType>> classes, double[] p) {
        Map<PatternType, Double> out = new EnumMap<>(PatternType.class);
        for (int c = 0; c < p.length; c++) {
            final double v = p[c];
            classes.get(c).ifPresent(t -> out.put(t, v));
        }
        return out;
    }

    public static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Loads the weights shipped with Veritas. */
    public static Optional<NgramModel> shipped() {
        return ModelFiles.shipped(RESOURCE, NgramModel::read);
    }

    /**
     * Reads the text format {@link #write} produces: {@code #} comments, a {@code threshold} line, a
     * {@code classes} line, a {@code bias} line, then one {@code f} line per feature with
     * {@code classIndex:weight} pairs for its non-zero weights.
     */
    public static NgramModel read(InputStream in) throws IOException {
        List<Optional<PatternType>> classes = null;
        double[] bias = null;
        double threshold = Double.NaN;
        Map<String, double[]> weights = new HashMap<>();
        List<String> header = new ArrayList<>();
        for (ModelFiles.Line data : ModelFiles.dataLines(in, header)) {
            int no = data.number();
            String[] parts = data.parts();
            switch (parts[0]) {
                case "threshold" -> threshold = Double.parseDouble(parts[1]);
                case "classes" -> classes = ModelFiles.classes(parts, no);
                case "bias" -> {
                    bias = new double[parts.length - 1];
                    for (int i = 1; i < parts.length; i++) {
                        bias[i - 1] = Double.parseDouble(parts[i]);
                    }
                }
                case "f" -> {
                    if (classes == null) {
                        throw new IOException("line " + no + ": features before the classes line");
                    }
                    double[] w = new double[classes.size()];
                    for (int i = 2; i < parts.length; i++) {
                        int colon = parts[i].indexOf(':');
                        w[Integer.parseInt(parts[i].substring(0, colon))] = Double.parseDouble(parts[i].substring(colon + 1));
                    }
                    weights.put(parts[1], w);
                }
                default -> throw new IOException("line " + no + ": unexpected '" + parts[0] + "'");
            }
        }
        if (classes == null || bias == null || Double.isNaN(threshold)) {
            throw new IOException("model file lacks its threshold, classes or bias line");
        }
        return new NgramModel(classes, bias, weights, threshold, header);
    }

    /** Writes the model in a stable order (features sorted) so retraining yields a readable diff. */
    public void write(Writer out) throws IOException {
        ModelFiles.writeHead(out, header, fmt(threshold), classes);
        out.write("bias");
        for (double b : bias) {
            out.write("\t" + fmt(b));
        }
        out.write("\n");
        List<String> names = new ArrayList<>(weights.keySet());
        names.sort(Comparator.naturalOrder());
        for (String f : names) {
            StringBuilder line = new StringBuilder("f\t").append(f);
            double[] w = weights.get(f);
            for (int c = 0; c < w.length; c++) {
                if (w[c] != 0) {
                    line.append('\t').append(c).append(':').append(fmt(w[c]));
                }
            }
            out.write(line.append('\n').toString());
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
