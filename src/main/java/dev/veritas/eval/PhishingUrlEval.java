package dev.veritas.eval;

import dev.veritas.checks.phishing.DomainSplit;
import dev.veritas.checks.phishing.LabelledUrl;
import dev.veritas.checks.phishing.LabelledUrlCsv;
import dev.veritas.checks.phishing.PhishingUrlClassifier;
import dev.veritas.checks.phishing.UrlSignal;
import dev.veritas.checks.phishing.UrlVerdict;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the phishing URL classifier on a labelled file ({@code url,label}, 1 = phishing).
 *
 * <pre>
 * java -cp target/classes dev.veritas.eval.PhishingUrlEval FILE.csv [--split all|held-out|training]
 * </pre>
 * {@code --split held-out} scores only the rows whose domains the shipped model never learned from
 * (see {@link DomainSplit}); on a file unrelated to training, {@code all} is the honest figure.
 */
public final class PhishingUrlEval {
    private PhishingUrlEval() {}

    /** Which rows of the file to score. */
    public enum Split { ALL, HELD_OUT, TRAINING }

    private static final int TOP_SIGNALS = 8;

    public static int run(Path csv, PrintStream out) {
        return run(csv, out, Split.ALL);
    }

    public static int run(Path csv, PrintStream out, Split split) {
        List<LabelledUrl> rows;
        try {
            rows = LabelledUrlCsv.read(csv);
        } catch (LabelledUrlCsv.FormatException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
        if (split != Split.ALL) {
            DomainSplit wanted = split == Split.HELD_OUT ? DomainSplit.HELD_OUT : DomainSplit.TRAINING;
            rows = rows.stream().filter(r -> DomainSplit.of(r.url()) == wanted).toList();
            if (rows.isEmpty()) {
                out.println("error: no rows of " + csv + " fall in the " + split.name().toLowerCase(Locale.ROOT)
                        + " split; use --split all");
                return 2;
            }
        }
        PhishingUrlClassifier classifier = PhishingUrlClassifier.standard();
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        Map<String, Integer> fpSignals = new HashMap<>();
        Map<String, Integer> fnSignals = new HashMap<>();
        long started = System.nanoTime();
        for (LabelledUrl row : rows) {
            UrlVerdict v = classifier.assess(row.url());
            if (v.phishing() && row.phishing()) {
                tp++;
            } else if (v.phishing()) {
                fp++;
                count(fpSignals, v.signals(), true);
            } else if (row.phishing()) {
                fn++;
                count(fnSignals, v.signals(), false);
            } else {
                tn++;
            }
        }
        long micros = (System.nanoTime() - started) / 1000;
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double fpr = ratio(fp, fp + tn);

        out.printf(Locale.ROOT, "rows: %d (%d phishing, %d legitimate), split: %s%n", rows.size(), tp + fn, fp + tn,
                split.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        out.println("confusion matrix (rows = truth, columns = verdict):");
        out.printf(Locale.ROOT, "                 flagged  passed%n");
        out.printf(Locale.ROOT, "  phishing      %8d %7d%n", tp, fn);
        out.printf(Locale.ROOT, "  legitimate    %8d %7d%n", fp, tn);
        out.printf(Locale.ROOT, "threshold: %.4f, mean time: %.1f µs per address (including JIT warm-up)%n",
                classifier.assess("").threshold(), rows.isEmpty() ? 0.0 : (double) micros / rows.size());
        printTop(out, "top signals among false positives (legitimate addresses flagged)", fpSignals);
        printTop(out, "top signals among false negatives (phishing addresses missed, strongest honest-looking)", fnSignals);
        out.printf(Locale.ROOT, "precision=%.3f recall=%.3f f1=%.3f fpr=%.3f%n", precision, recall, f1, fpr);
        out.printf(Locale.ROOT, "RESULT precision=%.3f recall=%.3f f1=%.3f fpr=%.3f%n", precision, recall, f1, fpr);
        return 0;
    }

    public static void main(String[] args) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--split"))) {
            System.out.println("usage: PhishingUrlEval FILE.csv [--split all|held-out|training]");
            System.exit(2);
        }
        Split split = Split.ALL;
        if (args.length == 3) {
            switch (args[2]) {
                case "all" -> split = Split.ALL;
                case "held-out" -> split = Split.HELD_OUT;
                case "training" -> split = Split.TRAINING;
                default -> {
                    System.out.println("error: unknown split '" + args[2] + "'; use all, held-out or training");
                    System.exit(2);
                }
            }
        }
        System.exit(run(Path.of(args[0]), System.out, split));
    }

    /** Counts the signals that pushed the wrong way: towards phishing for FPs, away from it for FNs. */
    private static void count(Map<String, Integer> counts, List<UrlSignal> signals, boolean towardsPhishing) {
        for (UrlSignal s : signals) {
            if ((s.contribution() > 0) == towardsPhishing) {
                counts.merge(s.name(), 1, Integer::sum);
            }
        }
    }

    private static void printTop(PrintStream out, String title, Map<String, Integer> counts) {
        out.println(title + ":");
        if (counts.isEmpty()) {
            out.println("  (none)");
            return;
        }
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_SIGNALS)
                .forEach(e -> out.printf(Locale.ROOT, "  %-36s %5d%n", e.getKey(), e.getValue()));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
