package dev.veritas.checks.darkpatterns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A multinomial logistic regression over {@link SentenceEmbedder} vectors: class 0 is "not a dark pattern", the others are
 * pattern types, as in {@link NgramModel}. It reads meaning where the n-gram model reads words, so the classifier averages
 * the two: a paraphrase the n-gram model half-recognises is confirmed or dismissed by what it means.
 *
 * <p>Its {@link #threshold} applies to that average. Trained by {@code DarkPatternTrainer}; shipped as a plain-text
 * resource (standardisation, bias and one weight row per class) that anyone can read and regenerate.
 */
public final class SentenceModel {
    public static final String RESOURCE = "/dev/veritas/checks/darkpatterns/sentence-model.tsv";

    private final List<Optional<PatternType>> classes;
    private final double[] bias;
    private final double[][] weights;
    private final double[] mean;
    private final double[] scale;
    private final double threshold;
    private final List<String> honestLookAlikes;
    private final List<String> header;

    /**
     * @param weights   one row of {@link SentenceEmbedder#DIMENSIONS} weights per class, over standardised vectors
     * @param mean      subtracted from each vector component before weighting
     * @param scale     each component is then divided by this (its spread in the training texts)
     * @param threshold the mean of this model's and the n-gram model's "some dark pattern" probability from which a
     *                  match without a rule is reported; above 1 means never
     * @param honestLookAlikes honest texts the models confuse with dark patterns (see {@link HonestLookAlikes})
     */
    public SentenceModel(List<Optional<PatternType>> classes, double[] bias, double[][] weights, double[] mean, double[] scale,
                         double threshold, List<String> honestLookAlikes, List<String> header) {
        if (classes.isEmpty() || classes.get(0).isPresent()) {
            throw new IllegalArgumentException("class 0 must be the benign class");
        }
        if (bias.length != classes.size() || weights.length != classes.size()) {
            throw new IllegalArgumentException("one bias and one weight row per class expected");
        }
        for (double[] row : weights) {
            if (row.length != SentenceEmbedder.DIMENSIONS) {
                throw new IllegalArgumentException("weight rows must have " + SentenceEmbedder.DIMENSIONS + " values");
            }
        }
        if (mean.length != SentenceEmbedder.DIMENSIONS || scale.length != SentenceEmbedder.DIMENSIONS) {
            throw new IllegalArgumentException("mean and scale must have " + SentenceEmbedder.DIMENSIONS + " values");
        }
        for (double v : scale) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("every scale value must be positive");
            }
        }
        this.classes = List.copyOf(classes);
        this.bias = bias.clone();
        this.weights = weights.clone();
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.threshold = threshold;
        this.honestLookAlikes = List.copyOf(honestLookAlikes);
        this.header = List.copyOf(header);
    }

    public double threshold() {
        return threshold;
    }

    public SentenceModel withThreshold(double t) {
        return new SentenceModel(classes, bias, weights, mean, scale, t, honestLookAlikes, header);
    }

    public SentenceModel withHeader(List<String> lines) {
        return new SentenceModel(classes, bias, weights, mean, scale, threshold, honestLookAlikes, lines);
    }

    public SentenceModel withHonestLookAlikes(List<String> texts) {
        return new SentenceModel(classes, bias, weights, mean, scale, threshold, texts, header);
    }

    public List<String> honestLookAlikes() {
        return honestLookAlikes;
    }

    public List<Optional<PatternType>> classes() {
        return classes;
    }

    /** The probability of each class (in {@link #classes} order) for a text's meaning vector. */
    public double[] probabilities(float[] vector) {
        if (vector.length != SentenceEmbedder.DIMENSIONS) {
            throw new IllegalArgumentException("expected a vector of " + SentenceEmbedder.DIMENSIONS + " values");
        }
        double[] z = bias.clone();
        for (int c = 0; c < z.length; c++) {
            double s = 0;
            double[] w = weights[c];
            for (int j = 0; j < vector.length; j++) {
                s += w[j] * (vector[j] - mean[j]) / scale[j];
            }
            z[c] += s;
        }
        return NgramModel.softmax(z);
    }

    /** The probability that the text is some dark pattern (1 minus the benign class's). */
    public double darkProbability(float[] vector) {
        return 1 - probabilities(vector)[0];
    }

    /** The probability of each pattern type for a text's meaning vector, the benign class left out. */
    public Map<PatternType, Double> typeProbabilities(float[] vector) {
        return NgramModel.byType(classes, probabilities(vector));
    }

    /**
     * The type both models together read in a text: the largest sum of their probabilities for it. On the read sets it names
     * the labelled type of 108 of 120 model-only hits (after the gate), against 103 for the n-gram model alone.
     */
    public static Optional<PatternType> likelyType(Map<PatternType, Double> words, Map<PatternType, Double> meaning) {
        return Arrays.stream(PatternType.values())
                .filter(t -> words.containsKey(t) || meaning.containsKey(t))
                .max(Comparator.comparingDouble((PatternType t) -> words.getOrDefault(t, 0.0) + meaning.getOrDefault(t, 0.0)));
    }

    /** How the classifier joins the two learned models: the mean of their "some dark pattern" probabilities. */
    public static double combined(double ngramDark, double sentenceDark) {
        return (ngramDark + sentenceDark) / 2;
    }

    /** Whether an n-gram probability can still give a combined one at the threshold (the sentence model gives at most 1). */
    public static boolean canReach(double ngramDark, double threshold) {
        return combined(ngramDark, 1.0) >= threshold;
    }

    /** Loads the model shipped with Veritas. */
    public static Optional<SentenceModel> shipped() {
        return ModelFiles.shipped(RESOURCE, SentenceModel::read);
    }

    /**
     * Reads what {@link #write} produces: {@code #} comments, then {@code threshold}, {@code classes}, {@code bias}, {@code mean},
     * {@code scale} lines, one {@code w} line per class (its index, then its weights) and one {@code honest} line per remembered
     * honest look-alike.
     */
    public static SentenceModel read(InputStream in) throws IOException {
        List<Optional<PatternType>> classes = null;
        double[] bias = null;
        double[] mean = null;
        double[] scale = null;
        List<double[]> rows = new ArrayList<>();
        List<String> honest = new ArrayList<>();
        double threshold = Double.NaN;
        List<String> header = new ArrayList<>();
        for (ModelFiles.Line data : ModelFiles.dataLines(in, header)) {
            int no = data.number();
            String[] parts = data.parts();
            try {
                switch (parts[0]) {
                    case "threshold" -> threshold = Double.parseDouble(parts[1]);
                    case "classes" -> classes = ModelFiles.classes(parts, no);
                    case "bias" -> bias = numbers(parts, 1);
                    case "mean" -> mean = numbers(parts, 1);
                    case "scale" -> scale = numbers(parts, 1);
                    case "honest" -> honest.add(parts[1]);
                    case "w" -> {
                        if (Integer.parseInt(parts[1]) != rows.size()) {
                            throw new IOException("line " + no + ": weight rows must come in class order");
                        }
                        rows.add(numbers(parts, 2));
                    }
                    default -> throw new IOException("line " + no + ": unexpected '" + parts[0] + "'");
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException("line " + no + ": not a number where one was expected (" + e.getMessage() + ")");
            }
        }
        if (classes == null || bias == null || mean == null || scale == null || Double.isNaN(threshold)) {
            throw new IOException("model file lacks its threshold, classes, bias, mean or scale line");
        }
        try {
            return new SentenceModel(classes, bias, rows.toArray(double[][]::new), mean, scale, threshold, honest, header);
        } catch (IllegalArgumentException e) {
            throw new IOException("model file is inconsistent: " + e.getMessage());
        }
    }

    private static double[] numbers(String[] parts, int from) {
        double[] out = new double[parts.length - from];
        for (int i = from; i < parts.length; i++) {
            out[i - from] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    public void write(Writer out) throws IOException {
        ModelFiles.writeHead(out, header, fmt(threshold), classes);
        line(out, "bias", bias);
        line(out, "mean", mean);
        line(out, "scale", scale);
        for (int c = 0; c < weights.length; c++) {
            line(out, "w\t" + c, weights[c]);
        }
        for (String h : honestLookAlikes) {
            out.write("honest\t" + h.replace('\t', ' ').replace('\n', ' ') + "\n");
        }
    }

    private static void line(Writer out, String name, double[] values) throws IOException {
        StringBuilder b = new StringBuilder(name);
        for (double v : values) {
            b.append('\t').append(fmt(v));
        }
        out.write(b.append('\n').toString());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }
}
