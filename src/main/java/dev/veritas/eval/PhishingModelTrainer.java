package dev.veritas.eval;

import dev.veritas.checks.phishing.DomainSplit;
import dev.veritas.checks.phishing.LabelledUrl;
import dev.veritas.checks.phishing.LabelledUrlCsv;
import dev.veritas.checks.phishing.PhishingModel;
import dev.veritas.checks.phishing.UrlFeature;
import dev.veritas.checks.phishing.UrlFeatureExtractor;
import dev.veritas.checks.phishing.UrlFeatures;
import dev.veritas.checks.phishing.UrlSplit;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Learns the shipped phishing URL model from labelled address files, using only their {@link UrlSplit#TUNING} rows
 * (for a file without a split column, the {@link DomainSplit#TRAINING} side of a hash of each registrable domain),
 * and writes it as text. An evaluation tool, not a check: Veritas itself only reads the model it writes.
 *
 * <p>Regenerate the shipped model with:
 * <pre>
 * mvn -q compile &amp;&amp; java -cp "target/classes:target/lib/*" dev.veritas.eval.PhishingModelTrainer \
 *     DEV.csv [MORE-LABELLED.csv …] --out src/main/resources/dev/veritas/checks/phishing/url-model.txt
 * </pre>
 * Everything here is deterministic (no random numbers; rows are split and folded by a hash of
 * their registrable domain), so the same files always yield the same model. It prints the cross-validated recall and
 * false-positive rate per input file; {@code -Dveritas.trainer.dump=FILE} also writes every tuning row's cross-validated
 * score (file index, label, score, address), to study the model's mistakes on rows it may learn from.
 */
public final class PhishingModelTrainer {
    static final int FOLDS = 5;
    static final String RESOURCE_PATH = "src/main/resources/dev/veritas/checks/phishing/url-model.txt";

    /**
     * How the model is learned.
     *
     * @param targetFpr       false-positive rate aimed for on cross-validated training rows, below the 5% ceiling
     * @param minSitesPerWord a word joins the vocabulary only if this many different sites use it: no campaign names
     * @param maxVocabulary   most widespread words kept
     * @param iterations      full-batch optimisation steps
     * @param denseL2         ridge penalty on the named signals
     * @param sparseL2        ridge penalty on the words, which are many and individually weak
     * @param siteWeightPower rows of a site with n rows weigh 1/n^power, so one big site cannot dominate
     */
    record Settings(double targetFpr, int minSitesPerWord, int maxVocabulary, int iterations, double denseL2,
                    double sparseL2, double siteWeightPower, double targetRecall, double deepLinkShare) {
        Settings(double targetFpr, int minSitesPerWord, int maxVocabulary, int iterations, double denseL2, double sparseL2,
                 double siteWeightPower) {
            this(targetFpr, minSitesPerWord, maxVocabulary, iterations, denseL2, sparseL2, siteWeightPower, 0, 0.5);
        }
    }

    /**
     * The threshold keeps 92.5% of the cross-validated phishing rows flagged: the goal is recall 0.90 on sites never seen,
     * and a threshold placed at 90.5% of the cross-validated rows kept only 0.87 of dev.csv's held-out ones. Deep links and sign-in pages, what users actually
     * submit, weigh as much as home pages on the legitimate side (70% of the weight for deep links bought fewer false alarms
     * on them with more on home pages and fewer phishing caught). Overridable with -Dveritas.trainer.targetRecall and
     * -Dveritas.trainer.deepLinkShare.
     */
    static final Settings DEFAULTS = new Settings(0.04, 3, 30000, 800, 1e-3, 1e-3, 0.5,
            Double.parseDouble(System.getProperty("veritas.trainer.targetRecall", "0.925")),
            Double.parseDouble(System.getProperty("veritas.trainer.deepLinkShare", "0.5")));

    /**
     * Signals whose direction is known: the data may set their strength, never flip them. A few
     * have a floor (or, for a brand's own domain, a ceiling): they are rare in any sample, yet an
     * address built that way is phishing or genuine by construction, so Veritas does not let a
     * small sample talk them down.
     */
    private static final Map<UrlFeature, double[]> BOUNDS = Map.ofEntries(
            Map.entry(UrlFeature.IP_HOST, new double[] {1.5, 20}),
            Map.entry(UrlFeature.USERINFO, new double[] {3.0, 20}),
            Map.entry(UrlFeature.AT_AFTER_HOST, new double[] {0, 20}),
            Map.entry(UrlFeature.OPAQUE_SCHEME, new double[] {4.0, 20}),
            Map.entry(UrlFeature.PUNYCODE, new double[] {1.0, 20}),
            Map.entry(UrlFeature.MIXED_SCRIPTS, new double[] {3.0, 20}),
            Map.entry(UrlFeature.BRAND_LOOKALIKE, new double[] {3.0, 20}),
            Map.entry(UrlFeature.BRAND_IN_SUBDOMAIN, new double[] {1.5, 20}),
            Map.entry(UrlFeature.BRAND_IN_DOMAIN, new double[] {0.5, 20}),
            Map.entry(UrlFeature.BRAND_IN_PATH, new double[] {0, 20}),
            Map.entry(UrlFeature.OFFICIAL_BRAND_DOMAIN, new double[] {-20, -3.0}),
            Map.entry(UrlFeature.PRELOADED_HTTPS, new double[] {-20, 0}),
            Map.entry(UrlFeature.USER_CONTENT, new double[] {0, 20}),
            Map.entry(UrlFeature.SUSPICIOUS_TLD, new double[] {0, 20}),
            Map.entry(UrlFeature.SHORTENER, new double[] {0.5, 20}),
            Map.entry(UrlFeature.SHARED_HOSTING, new double[] {0, 20}),
            Map.entry(UrlFeature.HTTPS_IN_HOST, new double[] {0, 20}),
            Map.entry(UrlFeature.DOUBLE_SLASH, new double[] {0, 20}),
            Map.entry(UrlFeature.PORT, new double[] {0, 20}),
            Map.entry(UrlFeature.DOMAIN_IN_SUBDOMAIN, new double[] {0, 20}),
            Map.entry(UrlFeature.DOMAIN_IN_PATH, new double[] {0, 20}),
            Map.entry(UrlFeature.SENSITIVE_WORDS, new double[] {0, 20}),
            Map.entry(UrlFeature.EXECUTABLE, new double[] {0, 20}),
            Map.entry(UrlFeature.RANDOM_TOKEN, new double[] {0, 20}),
            Map.entry(UrlFeature.EMAIL_IN_URL, new double[] {0, 20}),
            // An organisation's own marks (see UrlFeatureExtractor#organisationSignals). Their ceilings were chosen by
            // cross-validation by organisation: fitted freely, the words of each organisation's own name explain its rows
            // and these signals come out weak, which does not carry over to organisations the model never saw.
            Map.entry(UrlFeature.INSTITUTIONAL_DOMAIN, new double[] {-20, -1.5}),
            Map.entry(UrlFeature.TENANT_PLATFORM, new double[] {-20, -3.0}),
            Map.entry(UrlFeature.SIGN_IN_PROTOCOL, new double[] {-20, -1.5}),
            Map.entry(UrlFeature.RETURN_TO_OWN_SITE, new double[] {-20, -1.0}),
            Map.entry(UrlFeature.REDIRECT_ELSEWHERE, new double[] {0, 20}),
            Map.entry(UrlFeature.POPULAR_DOMAIN, new double[] {-20, -3.0}));

    private PhishingModelTrainer() {}

    public static void main(String[] args) throws Exception {
        List<Path> inputs = new ArrayList<>();
        Path out = Path.of(RESOURCE_PATH);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (args[i].startsWith("-")) {
                inputs.clear();
                break;
            } else {
                inputs.add(Path.of(args[i]));
            }
        }
        if (inputs.isEmpty()) {
            System.err.println("usage: PhishingModelTrainer LABELLED.csv [MORE.csv …] [--out MODEL.txt]");
            System.exit(2);
        }
        List<LabelledUrl> training = new ArrayList<>();
        List<Integer> source = new ArrayList<>();
        int all = 0;
        for (int k = 0; k < inputs.size(); k++) {
            Path input = inputs.get(k);
            try {
                List<LabelledUrl> rows = LabelledUrlCsv.read(input);
                all += rows.size();
                for (LabelledUrl r : rows) {
                    if (r.part() == UrlSplit.TUNING) {
                        training.add(r);
                        source.add(k);
                    }
                }
            } catch (LabelledUrlCsv.FormatException e) {
                System.err.println(e.getMessage());
                System.exit(2);
                return;
            }
        }
        Settings settings = DEFAULTS;
        Result result = train(training, settings);
        List<String> header = List.of(
                "Veritas phishing URL model: logistic regression over named address signals and words.",
                "Learned by dev.veritas.eval.PhishingModelTrainer from the tuning rows of its files only",
                "(" + training.size() + " of " + all + " rows; " + result.vocabulary + " words used by at least "
                        + settings.minSitesPerWord() + " sites).",
                String.format(Locale.ROOT, "Threshold: %d-fold cross-validation by domain on those rows, keeping recall %.3f "
                        + "(cross-validated recall %.3f at FPR %.3f).", FOLDS, settings.targetRecall(), result.cvRecall, result.cvFpr),
                "Regenerate (deterministic, byte-identical): mvn -q compile && java -cp 'target/classes:target/lib/*' "
                        + "dev.veritas.eval.PhishingModelTrainer DEV.csv [LEGIT-URLS.csv] --out " + RESOURCE_PATH,
                "Measure: veritas eval urls --legit LEGIT-URLS.csv --phish DEV.csv --split check. Do not edit by hand.");
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            result.model.write(w, header);
        }
        System.out.printf(Locale.ROOT, "wrote %s: %d training rows, %d words, threshold %.4f, cv recall %.3f at cv fpr %.3f%n",
                out, training.size(), result.vocabulary, result.model.threshold(), result.cvRecall, result.cvFpr);
        String dump = System.getProperty("veritas.trainer.dump");
        if (dump != null) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < training.size(); i++) {
                lines.add(String.format(Locale.ROOT, "%d\t%d\t%.4f\t%s", source.get(i), training.get(i).phishing() ? 1 : 0, result.oof[i],
                        training.get(i).url().replace('\t', ' ').replace('\n', ' ')));
            }
            Files.write(Path.of(dump), lines, StandardCharsets.UTF_8);
        }
        // Cross-validated figures per file: a file of deep links and sign-in pages behaves unlike one of home pages.
        for (int k = 0; k < inputs.size(); k++) {
            int pos = 0;
            int tp = 0;
            int neg = 0;
            int fp = 0;
            for (int i = 0; i < training.size(); i++) {
                if (source.get(i) != k) {
                    continue;
                }
                boolean flagged = result.oof[i] >= result.model.threshold();
                if (training.get(i).phishing()) {
                    pos++;
                    tp += flagged ? 1 : 0;
                } else {
                    neg++;
                    fp += flagged ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "  %s: cv recall %d/%d, cv false positives %d/%d (%.4f)%n", inputs.get(k), tp, pos, fp, neg,
                    neg == 0 ? 0.0 : (double) fp / neg);
        }
    }

    record Result(PhishingModel model, int vocabulary, double cvRecall, double cvFpr, double[] oof) {}

    /** Cross-validates to place the threshold, then fits the final model on all the given rows. */
    static Result train(List<LabelledUrl> rows, Settings settings) {
        List<Example> examples = rows.stream().map(r -> new Example(r, UrlFeatureExtractor.extract(r.url()))).toList();
        double[] oof = new double[examples.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Example> fit = new ArrayList<>();
            List<Integer> score = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (DomainSplit.fold(examples.get(i).row.url(), FOLDS) == fold) {
                    score.add(i);
                } else {
                    fit.add(examples.get(i));
                }
            }
            PhishingModel m = fit(fit, 0.5, settings).model;
            for (int i : score) {
                oof[i] = PhishingModel.sigmoid(m.logit(examples.get(i).features));
            }
        }
        double threshold = settings.targetRecall() > 0 ? thresholdForRecall(examples, oof, settings.targetRecall())
                : thresholdFor(examples, oof, settings.targetFpr());
        int tp = 0;
        int pos = 0;
        int fp = 0;
        int neg = 0;
        for (int i = 0; i < examples.size(); i++) {
            boolean flagged = oof[i] >= threshold;
            if (examples.get(i).row.phishing()) {
                pos++;
                tp += flagged ? 1 : 0;
            } else {
                neg++;
                fp += flagged ? 1 : 0;
            }
        }
        Fitted fitted = fit(examples, threshold, settings);
        return new Result(fitted.model, fitted.vocabulary, (double) tp / Math.max(1, pos), (double) fp / Math.max(1, neg), oof);
    }

    /** The highest threshold that still flags {@code recall} of the phishing rows. */
    static double thresholdForRecall(List<Example> examples, double[] scores, double recall) {
        double[] phish = new double[examples.size()];
        int n = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i).row.phishing()) {
                phish[n++] = scores[i];
            }
        }
        if (n == 0) {
            return 0.5;
        }
        phish = Arrays.copyOf(phish, n);
        Arrays.sort(phish);
        return phish[(int) Math.floor((1 - recall) * n)];
    }

    /** The lowest threshold at which at most {@code fpr} of the legitimate rows score as phishing. */
    static double thresholdFor(List<Example> examples, double[] scores, double fpr) {
        double[] legit = new double[examples.size()];
        int n = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (!examples.get(i).row.phishing()) {
                legit[n++] = scores[i];
            }
        }
        legit = Arrays.copyOf(legit, n);
        Arrays.sort(legit);
        int allowed = (int) Math.floor(fpr * n);
        if (n == 0) {
            return 0.5;
        }
        // Scores strictly above legit[n - 1 - allowed] flag at most `allowed` legitimate rows.
        return Math.nextUp(legit[Math.max(0, n - 1 - allowed)]);
    }

    record Example(LabelledUrl row, UrlFeatures features) {}

    private record Fitted(PhishingModel model, int vocabulary) {}

    private static Fitted fit(List<Example> examples, double threshold, Settings settings) {
        UrlFeature[] features = UrlFeature.values();
        int d = features.length;
        double[] centres = new double[d];
        double[] scales = new double[d];
        Arrays.fill(scales, 1.0);
        for (UrlFeature f : features) {
            if (!f.numeric()) {
                continue;
            }
            double[] xs = examples.stream().mapToDouble(e -> Math.log1p(Math.max(0, e.features.value(f)))).sorted().toArray();
            double median = xs[xs.length / 2];
            double mean = Arrays.stream(xs).average().orElse(0);
            double var = Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).average().orElse(0);
            centres[f.ordinal()] = median;
            scales[f.ordinal()] = Math.sqrt(var) > 1e-9 ? Math.sqrt(var) : 1.0;
        }
        List<String> vocabulary = vocabulary(examples, settings);
        Map<String, Integer> rowsPerSite = new HashMap<>();
        // Legitimate addresses come in kinds that matter equally — home pages (files placed by hash) and the deep links and
        // sign-in pages of sets made for measurement (files naming their split) — so each kind weighs half of the
        // legitimate side, and the legitimate side as much as the phishing one, however many rows each file has.
        Map<Integer, Double> groupTotals = new HashMap<>();
        for (Example e : examples) {
            rowsPerSite.merge(site(e), 1, Integer::sum);
        }
        for (Example e : examples) {
            groupTotals.merge(group(e), 1.0 / Math.pow(rowsPerSite.get(site(e)), settings.siteWeightPower()), Double::sum);
        }
        double phishTotal = groupTotals.getOrDefault(PHISHING, 0.0);
        long legitGroups = groupTotals.keySet().stream().filter(g -> g != PHISHING).count();
        Map<Integer, Double> groupScale = new HashMap<>();
        double measuredShare = legitGroups < 2 ? 1.0 : settings.deepLinkShare();
        groupTotals.forEach((g, total) -> groupScale.put(g, g == PHISHING || phishTotal == 0 ? 1.0
                : phishTotal * (g == 1 ? measuredShare : 1 - measuredShare) / total));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            index.put(vocabulary.get(i), i);
        }
        PhishingModel scaling = new PhishingModel(0, threshold, new double[d], centres, scales, Map.of());
        List<LogisticRegression.Row> rows = new ArrayList<>();
        for (Example e : examples) {
            double[] x = new double[d];
            for (UrlFeature f : features) {
                x[f.ordinal()] = scaling.input(f, e.features.value(f));
            }
            int[] sparse = e.features.tokens().stream().filter(index::containsKey).mapToInt(index::get).toArray();
            double weight = 1.0 / Math.pow(rowsPerSite.get(site(e)), settings.siteWeightPower()) * groupScale.get(group(e));
            rows.add(new LogisticRegression.Row(x, sparse, e.row.phishing(), weight));
        }
        double[] lower = new double[d];
        double[] upper = new double[d];
        Arrays.fill(lower, -20);
        Arrays.fill(upper, 20);
        BOUNDS.forEach((f, b) -> {
            lower[f.ordinal()] = b[0];
            upper[f.ordinal()] = b[1];
        });
        LogisticRegression lr = new LogisticRegression(d, vocabulary.size(), settings.denseL2(), settings.sparseL2(),
                lower, upper, settings.iterations());
        double[] w = lr.fit(rows);
        double[] dense = Arrays.copyOfRange(w, 1, 1 + d);
        Map<String, Double> tokens = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            double tw = w[1 + d + i];
            // Words the model barely uses only make the file longer.
            if (Math.abs(tw) >= 0.01) {
                tokens.put(vocabulary.get(i), tw);
            }
        }
        return new Fitted(new PhishingModel(w[0], threshold, dense, centres, scales, tokens), tokens.size());
    }

    private static final int PHISHING = 2;

    /**
     * 2 for phishing; legitimate rows 1 when their file names its split (a set made for measurement: deep links and
     * sign-in pages), else 0 (home pages); {@link Settings#deepLinkShare} is the first kind's share of the legitimate side.
     */
    private static int group(Example e) {
        return e.row.phishing() ? PHISHING : e.row.split().isPresent() ? 1 : 0;
    }

    private static String site(Example e) {
        return e.features.domain().domain().orElse(e.features.domain().host());
    }

    /** Words used by at least {@code minSitesPerWord} different sites, most widespread first. */
    private static List<String> vocabulary(List<Example> examples, Settings settings) {
        Map<String, Set<String>> sites = new HashMap<>();
        for (Example e : examples) {
            String site = site(e);
            for (String t : e.features.tokens()) {
                sites.computeIfAbsent(t, k -> new HashSet<>()).add(site);
            }
        }
        return sites.entrySet().stream()
                .filter(en -> en.getValue().size() >= settings.minSitesPerWord())
                .sorted(Comparator.<Map.Entry<String, Set<String>>>comparingInt(en -> -en.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(settings.maxVocabulary())
                .map(Map.Entry::getKey)
                .toList();
    }
}
