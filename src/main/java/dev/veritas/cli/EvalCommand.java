package dev.veritas.cli;

import dev.veritas.eval.DarkPatternEval;
import dev.veritas.eval.ObservatoryEval;
import dev.veritas.eval.PhishingUrlEval;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure a detector on a labelled file: precision, recall, F1 and false-positive rate.",
        subcommands = {EvalCommand.DarkPatterns.class, EvalCommand.PhishingUrls.class, EvalCommand.Observatory.class})
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
}
