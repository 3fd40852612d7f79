package dev.veritas.cli;

import dev.veritas.eval.DarkPatternEval;
import dev.veritas.eval.ObservatoryEval;
import dev.veritas.eval.PhishingUrlEval;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure a detector on a labelled file: precision, recall, F1 and false-positive rate.",
        subcommands = {EvalCommand.DarkPatterns.class, EvalCommand.PhishingUrls.class, EvalCommand.Observatory.class})
final class EvalCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

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

        @Override
        public Integer call() {
            return DarkPatternEval.run(file, stdout());
        }
    }

    @Command(name = "phishing-urls", mixinStandardHelpOptions = true,
            description = "URLs labelled 1 (phishing) / 0 (CSV: url,label). Last line: RESULT precision=… recall=… f1=… fpr=…")
    static final class PhishingUrls implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            return PhishingUrlEval.run(file, stdout());
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
