package dev.veritas.cli;

import dev.veritas.audit.Tier;
import dev.veritas.engine.EngineOptions;
import dev.veritas.eval.DarkPatternEval;
import dev.veritas.eval.ObservatoryEval;
import dev.veritas.eval.PhishingUrlEval;
import dev.veritas.eval.pages.PageManifest;
import dev.veritas.eval.pages.PagesEval;
import dev.veritas.eval.pages.PagesReport;
import dev.veritas.eval.pages.PagesReportJson;
import dev.veritas.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure a detector on a labelled file (precision, recall, F1, false-positive rate), or the verdicts on a corpus of saved pages.",
        subcommands = {EvalCommand.DarkPatterns.class, EvalCommand.PhishingUrls.class, EvalCommand.Observatory.class, EvalCommand.Pages.class})
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

        @picocli.CommandLine.Option(names = "--split", defaultValue = "all",
                description = "all, train or held-out: the pages the learned part was (not) trained on (see dev/veritas/checks/darkpatterns/README.md)")
        String split;

        @Override
        public Integer call() {
            java.util.Optional<dev.veritas.checks.darkpatterns.PageSplit.Part> part = switch (split) {
                case "all" -> java.util.Optional.empty();
                case "train" -> java.util.Optional.of(dev.veritas.checks.darkpatterns.PageSplit.Part.TRAIN);
                case "held-out" -> java.util.Optional.of(dev.veritas.checks.darkpatterns.PageSplit.Part.HELD_OUT);
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

        @picocli.CommandLine.Option(names = "--split", defaultValue = "all",
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

    @Command(name = "observatory", mixinStandardHelpOptions = true,
            description = "Fixture pages and expected_results.csv. Last line: RESULT agree=… of=…")
    static final class Observatory implements Callable<Integer> {
        @Parameters(paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() {
            return ObservatoryEval.run(dir, stdout());
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
            PagesEval.Options options = new PagesEval.Options(parallel, Tier.parse(tier), Optional.ofNullable(data), EngineOptions.defaults());
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
