package dev.veritas.eval;

import dev.veritas.checks.phishing.LabelledUrl;
import dev.veritas.checks.phishing.LabelledUrlCsv;
import dev.veritas.checks.phishing.PhishingUrlClassifier;
import dev.veritas.checks.phishing.UrlSignal;
import dev.veritas.checks.phishing.UrlSplit;
import dev.veritas.checks.phishing.UrlVerdict;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Measures the phishing address model the way it is used: legitimate addresses of the kind people submit (deep links,
 * sign-in pages of popular sites) far outnumber phishing ones. Legitimate rows come from one file, phishing rows from
 * another; each row's part (tuning, check, final) is the file's {@code split} column or else a hash of its registrable
 * domain ({@link UrlSplit}). Recall and the false-positive rate do not depend on the mix; precision does, so it is given
 * for {@code ratio} legitimate addresses per phishing one, whatever the files' own proportions.
 */
public final class ImbalancedUrlEval {
    private static final int TOP_SIGNALS = 8;
    private static final double RECALL_GOAL = 0.90;

    /** What to measure: which part, the mix precision is stated for, and whether to list the misjudged addresses. */
    public record Options(Optional<UrlSplit> split, double ratio, boolean showMistakes) {
        public Options {
            if (!(ratio > 0) || Double.isInfinite(ratio)) {
                throw new IllegalArgumentException("--ratio must be a positive number of legitimate addresses per phishing one (got " + ratio + ")");
            }
        }
    }

    private ImbalancedUrlEval() {}

    public static int run(Path legitFile, Path phishFile, Options o, PrintStream out) {
        return run(legitFile, phishFile, o, PhishingUrlClassifier.standard(), out);
    }

    public static int run(Path legitFile, Path phishFile, Options o, PhishingUrlClassifier classifier, PrintStream out) {
        List<LabelledUrl> legit;
        List<LabelledUrl> phish;
        try {
            legit = LabelledUrlCsv.read(legitFile).stream().filter(r -> !r.phishing()).filter(r -> in(r, o)).toList();
            phish = LabelledUrlCsv.read(phishFile).stream().filter(LabelledUrl::phishing).filter(r -> in(r, o)).toList();
        } catch (LabelledUrlCsv.FormatException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
        String part = o.split().map(UrlSplit::wire).orElse("all");
        if (legit.isEmpty() || phish.isEmpty()) {
            out.println("error: the " + part + " part has " + legit.size() + " legitimate rows (label 0) in " + legitFile + " and "
                    + phish.size() + " phishing rows (label 1) in " + phishFile + "; both are needed (try --split all)");
            return 2;
        }
        List<Scored> l = legit.stream().map(r -> new Scored(r, classifier.assess(r.url()))).toList();
        List<Scored> p = phish.stream().map(r -> new Scored(r, classifier.assess(r.url()))).toList();
        double threshold = classifier.assess("").threshold();
        long tp = p.stream().filter(s -> s.verdict.phishing()).count();
        long fp = l.stream().filter(s -> s.verdict.phishing()).count();
        double recall = (double) tp / p.size();
        double fpr = (double) fp / l.size();
        double precision = precision(recall, fpr, o.ratio());

        out.printf(Locale.ROOT, "part: %s; %d legitimate addresses (%s), %d phishing (%s); precision stated for %s legitimate per phishing%n",
                part, l.size(), legitFile, p.size(), phishFile, fmt(o.ratio()));
        out.printf(Locale.ROOT, "at the model's threshold %.4f: recall %.3f (%d of %d), false positives %.3f (%d of %d), precision %.3f%n",
                threshold, recall, tp, p.size(), fpr, fp, l.size(), precision);
        double[] ps = p.stream().mapToDouble(s -> s.verdict.probability()).sorted().toArray();
        double[] ls = l.stream().mapToDouble(s -> s.verdict.probability()).sorted().toArray();
        // The highest threshold that still catches RECALL_GOAL of these phishing addresses, to show the trade-off here.
        double atGoal = ps[(int) Math.floor((1 - RECALL_GOAL) * ps.length)];
        double fprAtGoal = (double) countAtLeast(ls, atGoal) / ls.length;
        out.printf(Locale.ROOT, "for reference, on this part recall %.2f needs threshold %.4f, with false positives %.3f (precision %.3f)%n",
                RECALL_GOAL, atGoal, fprAtGoal, precision((double) countAtLeast(ps, atGoal) / ps.length, fprAtGoal, o.ratio()));
        printTop(out, "signals pushing legitimate addresses over the threshold", l, true);
        printTop(out, "signals holding missed phishing addresses under it", p, false);
        if (o.showMistakes()) {
            out.println("legitimate addresses flagged:");
            l.stream().filter(s -> s.verdict.phishing()).sorted(Comparator.comparingDouble((Scored s) -> -s.verdict.probability()))
                    .forEach(s -> out.printf(Locale.ROOT, "  %.3f %s%n", s.verdict.probability(), s.row.url()));
            out.println("phishing addresses missed:");
            p.stream().filter(s -> !s.verdict.phishing()).sorted(Comparator.comparingDouble((Scored s) -> s.verdict.probability()))
                    .forEach(s -> out.printf(Locale.ROOT, "  %.3f %s%n", s.verdict.probability(), s.row.url()));
        }
        out.printf(Locale.ROOT, "RESULT part=%s recall=%.3f fpr=%.4f precision=%.3f threshold=%.4f legit=%d phish=%d ratio=%s%n",
                part, recall, fpr, precision, threshold, l.size(), p.size(), fmt(o.ratio()));
        return 0;
    }

    private record Scored(LabelledUrl row, UrlVerdict verdict) {}

    private static boolean in(LabelledUrl r, Options o) {
        return o.split().isEmpty() || r.part() == o.split().get();
    }

    /** Precision in a mix of {@code ratio} legitimate addresses per phishing one. */
    static double precision(double recall, double fpr, double ratio) {
        double caught = recall;
        double wrong = fpr * ratio;
        return caught + wrong == 0 ? 0 : caught / (caught + wrong);
    }

    private static long countAtLeast(double[] sorted, double t) {
        int i = Arrays.binarySearch(sorted, t);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i > 0 && sorted[i - 1] == t) {
                i--;
            }
        }
        return sorted.length - i;
    }

    private static void printTop(PrintStream out, String title, List<Scored> rows, boolean legit) {
        Map<String, Integer> counts = new HashMap<>();
        for (Scored s : rows) {
            if (s.verdict.phishing() != legit) {
                continue;
            }
            for (UrlSignal sig : s.verdict.signals()) {
                if ((sig.contribution() > 0) == legit) {
                    counts.merge(sig.name(), 1, Integer::sum);
                }
            }
        }
        out.println(title + ":");
        if (counts.isEmpty()) {
            out.println("  (none)");
            return;
        }
        List<Map.Entry<String, Integer>> top = new ArrayList<>(counts.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        top.stream().limit(TOP_SIGNALS).forEach(e -> out.printf(Locale.ROOT, "  %-36s %5d%n", e.getKey(), e.getValue()));
    }

    private static String fmt(double ratio) {
        return ratio == Math.rint(ratio) ? Long.toString((long) ratio) : Double.toString(ratio);
    }
}
