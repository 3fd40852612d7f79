package dev.veritas.cli;

import dev.veritas.bench.StoreBenchmark;
import dev.veritas.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure Veritas on this machine.",
        subcommands = {BenchCommand.Store.class})
final class BenchCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "store", mixinStandardHelpOptions = true,
            description = "Write throughput, acknowledgement and reader latency, and history paging of the SQLite store, "
                    + "compared with the sqlite3 shell doing the same work. Uses a temporary folder in the data directory.")
    static final class Store implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--units", defaultValue = "5000", description = "Units (audit + 20 findings + 50 events) per run (default 5000)")
        int units;

        @Option(names = "--producers", defaultValue = "8", description = "Concurrent writing threads (default 8)")
        int producers;

        @Option(names = "--history-audits", defaultValue = "100000", description = "Audits in the history test (default 100000)")
        int historyAudits;

        @Option(names = "--data", paramLabel = "DIR", description = "Where to put the temporary databases (default $VERITAS_DATA or ./veritas-data)")
        Path data;

        @Override
        public Integer call() throws Exception {
            if (units < 100 || producers < 1 || historyAudits < 10_000) {
                throw new IllegalArgumentException("--units must be at least 100, --producers at least 1 and --history-audits at least 10000");
            }
            Path base = data != null ? data : Env.get("VERITAS_DATA").map(Path::of).orElse(Path.of("veritas-data"));
            Files.createDirectories(base);
            Path work = Files.createTempDirectory(base, "bench-");
            try {
                return new StoreBenchmark(work, units, producers, historyAudits, spec.commandLine().getOut()).run();
            } finally {
                try (var s = Files.walk(work)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
