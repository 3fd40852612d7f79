package dev.veritas.cli;

import dev.veritas.audit.Tier;
import dev.veritas.checks.phishing.PhishingModel;
import dev.veritas.checks.phishing.PhishingUrlClassifier;
import dev.veritas.checks.phishing.UrlSplit;
import dev.veritas.eval.DarkPatternEval;
import dev.veritas.eval.ImbalancedUrlEval;
import dev.veritas.eval.ObservatoryEval;
import dev.veritas.eval.ObservatoryPreloadList;
import dev.veritas.eval.ObservatorySiteEval;
import dev.veritas.eval.ObservatorySiteGenerator;
import dev.veritas.eval.PhishingUrlEval;
import dev.veritas.eval.pages.PageManifest;
import dev.veritas.eval.pages.PagesEval;
import dev.veritas.eval.pages.PagesReport;
import dev.veritas.eval.pages.PagesReportJson;
import dev.veritas.json.Json;
import dev.veritas.hosts.HstsPreload;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.veritas.checks.darkpatterns.PageSplit;
import picocli.CommandLine;
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure a detector on a labelled file (precision, recall, F1, false-positive rate), or the verdicts on a corpus of saved pages.",
        subcommands = {EvalCommand.DarkPatterns.class, EvalCommand.PhishingUrls.class, EvalCommand.Urls.class, EvalCommand.Observatory.class,
                EvalCommand.ObservatorySites.class, EvalCommand.Pages.class})
final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static PrintStream stdout() {
        return System.out;
    }

    @Command(name = "dark-patterns", mixinStandardHelpOptions = true,
            description = "Text segments labelled 1/0 (TSV: page_id, text, label, category, pattern_type). Last line: RESULT precision=… recall=… f1=… fpr=…")
    static final class DarkPatterns implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @CommandLine.Option(names = "--split", defaultValue = "all",
                description = "all, train or held-out: the pages the learned part was (not) trained on (see dev/veritas/checks/darkpatterns/README.md)")
        String split;

        @Override
        public Integer call() {
            Optional<PageSplit.Part> part = switch (split) {
                case "all" -> Optional.empty();
                case "train" -> Optional.of(PageSplit.Part.TRAIN);
                case "held-out" -> Optional.of(PageSplit.Part.HELD_OUT);
                default -> throw new IllegalArgumentException("--split must be all, train or held-out (got '" + split + "')");
            };
            return DarkPatternEval.run(file, stdout(), new DarkPatternEval.Options(part, false, DarkPatternEval.Component.BOTH));
        }
    }

    @Command(name = "phishing-urls", mixinStandardHelpOptions = true,
            description = "URLs labelled 1 (phishing) / 0 (CSV: url,label). Last line: RESULT precision=… recall=… f1=… fpr=…")
    static final class PhishingUrls implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @CommandLine.Option(names = "--split", defaultValue = "all",
                description = "all, training or held-out: the rows the model was (not) trained on")
        String split;

        @Override
        public Integer call() {
            PhishingUrlEval.Split s = switch (split) {
                case "all" -> PhishingUrlEval.Split.ALL;
                case "training", "train" -> PhishingUrlEval.Split.TRAINING;
                case "held-out" -> PhishingUrlEval.Split.HELD_OUT;
                default -> throw new IllegalArgumentException("--split must be all, training or held-out (got '" + split + "')");
            };
            return PhishingUrlEval.run(file, stdout(), s);
        }
    }

    @Command(name = "urls", mixinStandardHelpOptions = true,
            description = {"The phishing address model on legitimate addresses of the kind people submit against phishing ones, "
                    + "as rare as they are in use: recall, false-positive rate, precision for --ratio legitimate per phishing, and the threshold.",
                    "Each file is CSV url,label[,split]; rows without a split are placed by a hash of their registrable domain "
                    + "(tuning = what the model learned from). Last line: RESULT part=… recall=… fpr=… precision=… threshold=…"})
    static final class Urls implements Callable<Integer> {
        @Option(names = "--legit", paramLabel = "FILE", required = true, description = "legitimate addresses (rows labelled 0 are used)")
        Path legit;

        @Option(names = "--phish", paramLabel = "FILE", required = true, description = "phishing addresses (rows labelled 1 are used)")
        Path phish;

        @Option(names = "--ratio", defaultValue = "10", description = "legitimate addresses per phishing one, for precision (default ${DEFAULT-VALUE})")
        double ratio;

        @Option(names = "--split", defaultValue = "check", description = "tuning, check, final or all (default ${DEFAULT-VALUE})")
        String split;

        @Option(names = "--show-mistakes", description = "list every misjudged address (read them only after the figure is recorded)")
        boolean showMistakes;

        @Option(names = "--model", paramLabel = "FILE", description = "a model file written by the trainer instead of the shipped one")
        Path model;

        @Override
        public Integer call() throws IOException {
            Optional<UrlSplit> part = split.equals("all") ? Optional.empty() : Optional.of(UrlSplit.named(split).orElseThrow(
                    () -> new IllegalArgumentException("--split must be tuning, check, final or all (got '" + split + "')")));
            PhishingUrlClassifier classifier = PhishingUrlClassifier.standard();
            if (model != null) {
                try (InputStream in = Files.newInputStream(model)) {
                    classifier = new PhishingUrlClassifier(PhishingModel.read(in));
                }
            }
            return ImbalancedUrlEval.run(legit, phish, new ImbalancedUrlEval.Options(part, ratio, showMistakes), classifier, stdout());
        }
    }

    @Command(name = "observatory", mixinStandardHelpOptions = true,
            description = {"Grade sites as the MDN HTTP Observatory does, many in one process: a folder of fixture pages with "
                    + "expected_results.csv, a folder of HAR files, one .har file, or JSON lines of sites "
                    + "({id, host, chain, headers, body, cors}). Each HAR or site goes through the audit --har path.",
                "With --expected (JSON lines of {id, grade, score, tests}, e.g. from the Observatory's own analyzer), prints "
                    + "every disagreement and the agreement. Last line: RESULT …"})
    static final class Observatory implements Callable<Integer> {
        @Parameters(paramLabel = "INPUT", description = "fixture folder, folder of .har files, a .har file, or a .jsonl file of sites")
        Path input;

        @Option(names = "--expected", paramLabel = "GRADES.jsonl", description = "grades to compare with, one JSON object per site")
        Path expected;

        @Override
        public Integer call() {
            if (Files.isRegularFile(input.resolve(ObservatoryEval.CSV_NAME))) {
                return ObservatoryEval.run(input, stdout());
            }
            try {
                return new ObservatorySiteEval(stdout()).run(input, Optional.ofNullable(expected)).exitCode();
            } catch (ObservatorySiteEval.BadInputException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
    }

    @Command(name = "observatory-sites", mixinStandardHelpOptions = true,
            description = "Write generated sites (JSON lines) for comparing Observatory grades: every input the twelve tests "
                    + "read, ordinary, odd and malformed; the same seed gives the same sites.")
    static final class ObservatorySites implements Callable<Integer> {
        @Option(names = "--count", defaultValue = "1000", description = "how many sites (default ${DEFAULT-VALUE})")
        int count;

        @Option(names = "--seed", defaultValue = "15", description = "the generator's seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--preloaded", defaultValue = "0", description = "build some sites on this many names from the HSTS "
                + "preload list (default ${DEFAULT-VALUE}); an analyzer compared with Veritas then needs the same list")
        int preloaded;

        @Option(names = "--preload-json", paramLabel = "FILE", description = "also write Veritas's HSTS preload list in the "
                + "shape the Observatory's analyzer reads (its conf/hsts-preload.json), so both judge preloaded hosts alike")
        Path preloadJson;

        @Override
        public Integer call() {
            if (count < 1) {
                throw new IllegalArgumentException("--count must be at least 1 (got " + count + ")");
            }
            if (preloaded < 0) {
                throw new IllegalArgumentException("--preloaded must be 0 or more (got " + preloaded + ")");
            }
            List<String> names = HstsPreload.chromium().entries().keySet().stream().sorted().toList();
            Random random = new Random(seed);
            List<String> sample = random.ints(preloaded, 0, names.size()).mapToObj(names::get).toList();
            PrintStream out = stdout();
            new ObservatorySiteGenerator(seed, sample).generate(count).forEach(site -> out.println(site.toJson()));
            if (preloadJson != null) {
                try {
                    Files.writeString(preloadJson, ObservatoryPreloadList.json(HstsPreload.chromium()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + preloadJson + ": " + e.getMessage(), e);
                }
            }
            return 0;
        }
    }

    @Command(name = "pages", mixinStandardHelpOptions = true,
            description = {"Audit a corpus of saved pages the way a visit would see them: each page served on loopback under the host name"
                    + " its manifest gives, over HTTPS (a CA made and trusted for this run only) and HTTP, one audit each with the normal engine."
                    + " Prints a row per audit, phishing recall, the honest pages' false alarms, errors and the median audit time;"
                    + " writes a JSON report. Last line: RESULT phish_recall=… benign_high_risk_rate=… …",
                    "MANIFEST is a TSV: corpus, name, url, expected, style, headers, file (see the README)."})
    static final class Pages implements Callable<Integer> {
        @Parameters(paramLabel = "MANIFEST")
        Path manifest;

        @Option(names = "--parallel", paramLabel = "N", defaultValue = "2", description = "Audits at once, each with its own Chromium (1-16). Default: 2")
        int parallel;

        @Option(names = "--tier", defaultValue = "quick_scan", description = "quick_scan, standard_audit or deep_forensic. Default: quick_scan")
        String tier;

        @Option(names = "--json-out", paramLabel = "FILE", defaultValue = "eval-pages.json", description = "Where to write the JSON report. Default: ./eval-pages.json")
        Path jsonOut;

        @Option(names = "--data", paramLabel = "DIR",
                description = "Keep this run's audits and screenshots in DIR (new or empty), to read them with `veritas show --data DIR`. Default: a temporary folder, removed at the end")
        Path data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            PageManifest m = PageManifest.read(manifest);
            PagesEval.Options options = new PagesEval.Options(parallel, Tier.parse(tier), Optional.ofNullable(data), EngineFlags.fromEnvironment());
            Path json = jsonOut.toAbsolutePath();
            if (json.getParent() != null && !Files.isDirectory(json.getParent())) {
                throw new IllegalArgumentException("--json-out " + jsonOut + ": its folder does not exist");
            }
            err.printf(Locale.ROOT, "auditing %d pages of %s, %d at a time%n", m.rows().size(), manifest, parallel);
            PagesReport report = PagesEval.run(m, options, new PagesProgress(err, System.console() != null));
            Files.writeString(json, Json.pretty(PagesReportJson.of(report, manifest.toString())) + "\n", StandardCharsets.UTF_8);
            new PagesEvalText(out).print(report, manifest.toString());
            err.println("JSON report: " + json);
            return 0;
        }
    }
}
