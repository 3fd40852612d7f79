package dev.veritas.eval;

import dev.veritas.checks.darkpatterns.LabelledSegment;
import dev.veritas.checks.darkpatterns.LabelledTsv;
import dev.veritas.checks.darkpatterns.NgramModel;
import dev.veritas.checks.darkpatterns.SentenceModel;
import dev.veritas.checks.darkpatterns.PageSplit;
import dev.veritas.checks.darkpatterns.PatternCategory;
import dev.veritas.checks.darkpatterns.PatternType;
import dev.veritas.checks.darkpatterns.RuleBook;
import dev.veritas.checks.darkpatterns.TextMatch;
import dev.veritas.checks.darkpatterns.TextPatternClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Measures the dark-pattern text classifier on a labelled file (columns page_id, text, label,
 * category, pattern_type): precision, recall, F1, the false-positive rate on benign rows, recall per
 * category and type, and which pattern types get confused. The last line is machine-readable:
 * {@code RESULT precision=… recall=… f1=… fpr=…}.
 *
 * <pre>
 * java -cp target/classes dev.veritas.eval.DarkPatternEval [--split all|train|held-out] [--rules-only|--model-only]
 *     [--model-threshold T] [--errors] FILE
 * </pre>
 *
 * {@code --split held-out} scores only the pages the shipped model did not learn from (see
 * {@link PageSplit}); {@code --rules-only} and {@code --model-only} measure one half of the
 * classifier, {@code --no-sentence-model} the rules and the n-gram model without the sentence model; {@code --model-threshold} replaces the shipped model's threshold to study the model;
 * {@code --errors} lists the misclassified rows. A ratio with an empty denominator is
 * printed as 0.000.
 */
public final class DarkPatternEval {
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;

    /** Which half of the classifier to measure. */
    public enum Component { BOTH, RULES_ONLY, MODEL_ONLY, NO_SENTENCE_MODEL }

    /**
     * @param split          which pages to score (all when empty)
     * @param showErrors     list misclassified rows
     * @param modelThreshold replaces the shipped model's threshold, to study the model (empty: as shipped)
     */
    public record Options(Optional<PageSplit.Part> split, boolean showErrors, Component component, Optional<Double> modelThreshold) {
        public Options(Optional<PageSplit.Part> split, boolean showErrors, Component component) {
            this(split, showErrors, component, Optional.empty());
        }

        public static Options defaults() {
            return new Options(Optional.empty(), false, Component.BOTH);
        }
    }
    private static final String USAGE = "usage: DarkPatternEval [--split all|train|held-out] [--rules-only|--model-only|--no-sentence-model] [--model MODEL.tsv] [--model-threshold T] [--errors] FILE";

    private DarkPatternEval() {
    }

    public static void main(String[] args) {
        System.exit(cli(args, System.out));
    }

    static int cli(String[] args, PrintStream out) {
        Optional<PageSplit.Part> split = Optional.empty();
        boolean errors = false;
        Component component = Component.BOTH;
        Optional<Double> threshold = Optional.empty();
        Optional<NgramModel> modelFile = Optional.empty();
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--errors" -> errors = true;
                case "--rules-only" -> component = Component.RULES_ONLY;
                case "--model-only" -> component = Component.MODEL_ONLY;
                case "--no-sentence-model" -> component = Component.NO_SENTENCE_MODEL;
                case "--model-threshold" -> {
                    String v = i + 1 < args.length ? args[++i] : "";
                    try {
                        threshold = Optional.of(Double.parseDouble(v));
                    } catch (NumberFormatException e) {
                        out.println("error: --model-threshold takes a probability such as 0.8 (got '" + v + "')");
                        return BAD_INPUT;
                    }
                }
                case "--model" -> {
                    Path m = Path.of(i + 1 < args.length ? args[++i] : "");
                    try (InputStream in = Files.newInputStream(m)) {
                        modelFile = Optional.of(NgramModel.read(in));
                    } catch (IOException | RuntimeException e) {
                        out.println("error: cannot read the model " + m + " (" + e.getMessage() + ") - pass a file written by DarkPatternTrainer");
                        return BAD_INPUT;
                    }
                }
                case "--split" -> {
                    String v = i + 1 < args.length ? args[++i] : "";
                    switch (v) {
                        case "all" -> split = Optional.empty();
                        case "train" -> split = Optional.of(PageSplit.Part.TRAIN);
                        case "held-out" -> split = Optional.of(PageSplit.Part.HELD_OUT);
                        default -> {
                            out.println("error: --split takes all, train or held-out (got '" + v + "')");
                            return BAD_INPUT;
                        }
                    }
                }
                default -> {
                    if (file != null || args[i].startsWith("--")) {
                        out.println("error: unexpected argument '" + args[i] + "' - " + USAGE);
                        return BAD_INPUT;
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) {
            out.println("error: no file given - " + USAGE);
            return BAD_INPUT;
        }
        Options options = new Options(split, errors, component, threshold);
        return modelFile.isEmpty() ? run(file, out, options) : run(file, out, options, modelFile);
    }

    public static int run(Path tsv, PrintStream out, Options options) {
        return run(tsv, out, options, TextPatternClassifier.standard().model());
    }

    public static int run(Path tsv, PrintStream out) {
        return run(tsv, out, Options.defaults());
    }

    static int run(Path tsv, PrintStream out, Options options, Optional<NgramModel> learned) {
        // The threshold that decides is the sentence model's (on the two models' mean) when it is used, else the n-gram model's.
        Optional<SentenceModel> sentences = options.component() == Component.NO_SENTENCE_MODEL ? Optional.empty()
                : TextPatternClassifier.standard().sentenceModel().map(m -> options.modelThreshold().map(m::withThreshold).orElse(m));
        Optional<NgramModel> model = learned.map(m -> sentences.isPresent() ? m
                : options.modelThreshold().map(m::withThreshold).orElse(m));
        TextPatternClassifier classifier = switch (options.component()) {
            case BOTH, NO_SENTENCE_MODEL -> new TextPatternClassifier(RuleBook.standard(), model, sentences);
            case RULES_ONLY -> TextPatternClassifier.rulesOnly();
            case MODEL_ONLY -> new TextPatternClassifier(new RuleBook(List.of()), model, sentences);
        };
        if (options.component() == Component.MODEL_ONLY && model.isEmpty()) {
            out.println("error: no learned model is on the classpath - regenerate it with DarkPatternTrainer");
            return BAD_INPUT;
        }
        return run(tsv, out, options, classifier);
    }

    static int run(Path tsv, PrintStream out, Options options, TextPatternClassifier classifier) {
        List<LabelledSegment> rows;
        try {
            rows = LabelledTsv.read(tsv);
        } catch (LabelledTsv.FormatException e) {
            out.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        String splitName = options.split().map(p -> p == PageSplit.Part.TRAIN ? "train" : "held-out").orElse("all");
        if (options.split().isPresent()) {
            rows = rows.stream().filter(r -> PageSplit.of(r.pageId()) == options.split().get()).toList();
            if (rows.isEmpty()) {
                out.println("error: " + tsv + " has no rows in the " + splitName + " split (" + PageSplit.RULE + ") - use --split all");
                return BAD_INPUT;
            }
        }
        String label = splitName + (options.component() == Component.BOTH ? "" : ", " + options.component().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                + options.modelThreshold().map(t -> String.format(Locale.ROOT, ", model threshold %.2f", t)).orElse("");
        report(tsv, label,
                rows, classifier, options.showErrors(), out);
        return OK;
    }

    private static void report(Path tsv, String splitName, List<LabelledSegment> rows, TextPatternClassifier classifier,
                               boolean showErrors, PrintStream out) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int benign = 0;
        int byRule = 0;
        Map<PatternCategory, int[]> perCategory = new EnumMap<>(PatternCategory.class);
        Map<PatternType, int[]> perType = new EnumMap<>(PatternType.class);
        Map<String, Integer> confusion = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (LabelledSegment row : rows) {
            Optional<TextMatch> m = classifier.classify(row.text());
            if (!row.dark()) {
                benign++;
                if (m.isPresent()) {
                    fp++;
                    errors.add("FP line " + row.line() + " [" + m.get().patternType() + "; " + m.get().why() + "] " + clip(row.text()));
                }
                continue;
            }
            boolean hit = m.isPresent();
            if (hit) {
                tp++;
                byRule += m.get().source() == TextMatch.Source.RULE ? 1 : 0;
            } else {
                fn++;
                errors.add("FN line " + row.line() + " [" + row.patternType().map(PatternType::wire).orElse("?") + "] " + clip(row.text()));
            }
            row.category().ifPresent(c -> count(perCategory.computeIfAbsent(c, k -> new int[2]), hit));
            row.patternType().ifPresent(t -> count(perType.computeIfAbsent(t, k -> new int[2]), hit));
            if (hit && row.patternType().isPresent() && row.patternType().get() != m.get().patternType()) {
                confusion.merge(row.patternType().get().wire() + " -> " + m.get().patternType().wire(), 1, Integer::sum);
            }
        }
        int dark = tp + fn;
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, dark);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double fpr = ratio(fp, benign);

        out.println("Dark-pattern text classifier on " + tsv + " (split " + splitName + ": " + rows.size() + " rows, "
                + dark + " dark, " + benign + " benign)");
        out.printf(Locale.ROOT, "precision %.3f  recall %.3f  f1 %.3f  fpr %.3f  (tp %d, fp %d, fn %d; %d of %d hits by rules)%n",
                precision, recall, f1, fpr, tp, fp, fn, byRule, tp);
        out.println("recall per category:");
        perCategory.forEach((c, n) -> out.printf(Locale.ROOT, "  %-16s %.3f  (%d/%d)%n", c.wire(), ratio(n[0], n[1]), n[0], n[1]));
        out.println("recall per pattern type:");
        perType.forEach((t, n) -> out.printf(Locale.ROOT, "  %-34s %.3f  (%d/%d)%n", t.wire(), ratio(n[0], n[1]), n[0], n[1]));
        out.println("detected with a different pattern type (labelled -> reported):");
        if (confusion.isEmpty()) {
            out.println("  none");
        }
        confusion.forEach((k, v) -> out.println("  " + k + ": " + v));
        if (showErrors) {
            out.println("misclassified rows:");
            errors.forEach(e -> out.println("  " + e));
        }
        out.printf(Locale.ROOT, "RESULT precision=%.3f recall=%.3f f1=%.3f fpr=%.3f%n", precision, recall, f1, fpr);
    }

    private static void count(int[] n, boolean hit) {
        n[0] += hit ? 1 : 0;
        n[1]++;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= 160 ? one : one.substring(0, 160) + "...";
    }
}
