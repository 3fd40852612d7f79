package dev.veritas.eval;

import dev.veritas.checks.darkpatterns.BenignShopText;
import dev.veritas.checks.darkpatterns.LabelledSegment;
import dev.veritas.checks.darkpatterns.LabelledTsv;
import dev.veritas.checks.darkpatterns.NgramModel;
import dev.veritas.checks.darkpatterns.PageSplit;
import dev.veritas.checks.darkpatterns.PatternType;
import dev.veritas.checks.darkpatterns.RuleBook;
import dev.veritas.eval.SoftmaxTrainer;
import dev.veritas.checks.darkpatterns.TextNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Regenerates the shipped n-gram model from a labelled file, learning only from the training pages of
 * {@link PageSplit} so the held-out pages give an honest figure.
 *
 * <pre>
 * mvn -q -o compile &amp;&amp; java -cp target/classes dev.veritas.eval.DarkPatternTrainer \
 *     /work/shared/data/dark-patterns/dev.tsv src/main/resources/dev/veritas/checks/darkpatterns/ngram-model.tsv
 * </pre>
 *
 * Besides those pages the model learns from {@value #EXTRA_BENIGN}, ordinary shop wording written by
 * the Veritas team (prices, delivery, returns, reviews, cart chrome) as extra benign examples: the
 * labelled pages' benign rows are mostly menu labels, and without these lines the model learns that any
 * number signals a dark pattern.
 *
 * <p>The threshold for model-only matches is chosen by 5-fold cross-validation over the training
 * pages (folds by page, never by row; the extra benign lines are spread over the folds too): the
 * highest F1 of rules + model whose false-positive rate on benign rows stays at or under
 * {@value #MAX_FPR}, preferring the higher threshold on ties. A threshold above 1 (the sweep starts
 * at {@value #OFF}) means no threshold let the model add matches without adding false alarms: the
 * model then never reports on its own and only adds supporting terms to rule matches. Training is
 * deterministic (fixed seed and schedule), so the same inputs give the same weights byte for byte.
 */
public final class DarkPatternTrainer {
    static final double MAX_FPR = 0.01;
    static final int FOLDS = 5;
    /** A threshold no probability reaches: model-only matches off. */
    static final double OFF = 1.01;
    static final String EXTRA_BENIGN = "/dev/veritas/checks/darkpatterns/benign-shop-text.txt";
    static final String COMMAND = "mvn -q -o compile && java -cp target/classes dev.veritas.eval.DarkPatternTrainer "
            + "<dev.tsv> src/main/resources/dev/veritas/checks/darkpatterns/ngram-model.tsv";

    private DarkPatternTrainer() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.out.println("usage: DarkPatternTrainer LABELLED.tsv OUTPUT-MODEL.tsv");
            System.exit(DarkPatternEval.BAD_INPUT);
        }
        System.exit(run(Path.of(args[0]), Path.of(args[1]), System.out));
    }

    public static int run(Path tsv, Path output, PrintStream out) {
        List<LabelledSegment> rows;
        try {
            rows = LabelledTsv.read(tsv);
        } catch (LabelledTsv.FormatException e) {
            out.println("error: " + e.getMessage());
            return DarkPatternEval.BAD_INPUT;
        }
        List<LabelledSegment> pages = rows.stream()
                .filter(r -> PageSplit.of(r.pageId()) == PageSplit.Part.TRAIN)
                .filter(r -> !r.dark() || r.patternType().isPresent())
                .toList();
        List<TrainingRow> train = new ArrayList<>();
        pages.forEach(r -> train.add(new TrainingRow(r.text(), r.dark(), r.patternType(), PageSplit.fold(r.pageId(), FOLDS))));
        List<String> extra;
        try {
            extra = extraBenign();
        } catch (IOException e) {
            out.println("error: cannot read the resource " + EXTRA_BENIGN + " (" + e.getMessage() + ") - run mvn compile first");
            return DarkPatternEval.BAD_INPUT;
        }
        for (int i = 0; i < extra.size(); i++) {
            train.add(new TrainingRow(extra.get(i), false, Optional.empty(), i % FOLDS));
        }
        List<Optional<PatternType>> classes = classes(train);
        SoftmaxTrainer.Options options = SoftmaxTrainer.Options.defaults();

        double[] oof = crossValidatedScores(train, classes, options);
        double threshold = chooseThreshold(train, oof, out);

        List<String> header = new ArrayList<>(List.of(
                "Veritas dark-pattern n-gram model (multinomial logistic regression over word uni/bigrams).",
                "Learned only from the training pages of " + tsv.getFileName() + " by page split " + PageSplit.RULE
                        + " (" + pages.size() + " rows of " + pages.stream().map(LabelledSegment::pageId).distinct().count() + " pages),",
                "plus " + extra.size() + " hand-written benign shop texts from " + EXTRA_BENIGN + ".",
                "Threshold: best cross-validated F1 with benign FPR <= " + MAX_FPR + " over " + FOLDS + " page folds of the training rows.",
                "Options: " + options + ".",
                "Regenerate: " + COMMAND));
        if (threshold >= OFF) {
            header.add("Threshold above 1: in cross-validation the model added no match without adding false alarms, so it never reports");
            header.add("on its own; it only adds its strongest terms as supporting evidence to rule matches of the same type.");
        }
        NgramModel model = SoftmaxTrainer.train(examples(train, classes), classes, options, threshold, header);
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                model.write(w);
            }
        } catch (IOException e) {
            out.println("error: cannot write " + output + " (" + e.getMessage() + ") - check the directory exists and is writable");
            return DarkPatternEval.BAD_INPUT;
        }
        out.printf(Locale.ROOT, "wrote %s: %d classes, threshold %.2f, trained on %d page rows + %d hand-written benign texts%n",
                output, classes.size(), threshold, pages.size(), extra.size());
        return DarkPatternEval.OK;
    }

    /** A text the model learns from, with the cross-validation fold it is scored in. */
    record TrainingRow(String text, boolean dark, Optional<PatternType> patternType, int fold) {
    }

    static List<String> extraBenign() throws IOException {
        try (InputStream in = DarkPatternTrainer.class.getResourceAsStream(EXTRA_BENIGN)) {
            if (in == null) {
                throw new IOException("not on the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    /** Benign first, then the pattern types the training pages contain, in taxonomy order. */
    static List<Optional<PatternType>> classes(List<TrainingRow> train) {
        Set<PatternType> seen = EnumSet.noneOf(PatternType.class);
        train.forEach(r -> r.patternType().ifPresent(seen::add));
        List<Optional<PatternType>> classes = new ArrayList<>();
        classes.add(Optional.empty());
        seen.forEach(t -> classes.add(Optional.of(t)));
        return classes;
    }

    static List<SoftmaxTrainer.Example> examples(List<TrainingRow> rows, List<Optional<PatternType>> classes) {
        return rows.stream()
                .map(r -> new SoftmaxTrainer.Example(TextNormalizer.normalize(r.text()), classes.indexOf(r.patternType())))
                .toList();
    }

    /** Out-of-fold probability of "dark" for every training row, each scored by a model that never saw its page. */
    static double[] crossValidatedScores(List<TrainingRow> train, List<Optional<PatternType>> classes, SoftmaxTrainer.Options options) {
        double[] oof = new double[train.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<TrainingRow> fit = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (train.get(i).fold() == fold) {
                    test.add(i);
                } else {
                    fit.add(train.get(i));
                }
            }
            NgramModel m = SoftmaxTrainer.train(examples(fit, classes), classes, options, 1.0, List.of());
            for (int i : test) {
                // As in the classifier, a score whose evidence is only function words never counts.
                NgramModel.Score s = m.score(TextNormalizer.normalize(train.get(i).text()));
                oof[i] = s.citesContent() ? s.darkProbability() : 0;
            }
        }
        return oof;
    }

    /** Mirrors the classifier: rules first; the model only where no rule fired and no benign veto applies. */
    static double chooseThreshold(List<TrainingRow> train, double[] oof, PrintStream out) {
        RuleBook rules = RuleBook.standard();
        boolean[] ruleHit = new boolean[train.size()];
        boolean[] vetoed = new boolean[train.size()];
        for (int i = 0; i < train.size(); i++) {
            String n = TextNormalizer.normalize(train.get(i).text());
            ruleHit[i] = !rules.matchAll(n).isEmpty();
            vetoed[i] = BenignShopText.veto(n).isPresent();
        }
        double bestT = OFF;
        double bestF1 = -1;
        double rulesOnlyF1 = -1;
        for (int step = (int) Math.round(OFF * 100); step >= 30; step--) {
            double t = step / 100.0;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int benign = 0;
            for (int i = 0; i < train.size(); i++) {
                boolean predicted = ruleHit[i] || (!vetoed[i] && oof[i] >= t);
                if (train.get(i).dark()) {
                    tp += predicted ? 1 : 0;
                    fn += predicted ? 0 : 1;
                } else {
                    benign++;
                    fp += predicted ? 1 : 0;
                }
            }
            double fpr = benign == 0 ? 0 : (double) fp / benign;
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            if (t >= OFF) {
                rulesOnlyF1 = f1;
            }
            if (step % 5 == 1) {
                out.printf(Locale.ROOT, "  threshold %.2f: tp %d, fp %d, fn %d, F1 %.4f, FPR %.4f%n", t, tp, fp, fn, f1, fpr);
            }
            if (fpr <= MAX_FPR && f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                bestT = t;
            }
        }
        out.printf(Locale.ROOT, "cross-validated on training rows: threshold %.2f gives F1 %.3f with rules + model (rules alone %.3f)%s%n",
                bestT, bestF1, rulesOnlyF1, bestT >= OFF ? "; the model adds no match on its own" : "");
        return bestT;
    }
}
