package dev.veritas.cli;

import dev.veritas.audit.Tier;
import dev.veritas.bench.AuditBenchmark;
import dev.veritas.bench.ServerBenchmark;
import dev.veritas.bench.StoreBenchmark;
import dev.veritas.bench.WorkDir;
import dev.veritas.config.Env;
import dev.veritas.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure Veritas on this machine.",
        subcommands = {BenchCommand.Store.class, BenchCommand.Server.class, BenchCommand.AuditRuns.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "store", mixinStandardHelpOptions = true,
            description = "Write throughput, acknowledgement and reader latency, and history paging of the SQLite store, "
                    + "compared in the same run with SQLite's own limit (a C program writing the same rows through the C API, "
                    + "built with gcc and libsqlite3-dev), a plain JDBC writer and the sqlite3 shell. Uses a temporary folder in "
                    + "the data directory.")
    static final class Store implements Callable<Integer> {
        @Spec
        CommandSpec spec;

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
            return WorkDir.use(dataDir(data), "bench-store-", work -> new StoreBenchmark(work, units, producers, historyAudits, spec.commandLine().getOut()).run());
        }
    }

    @Command(name = "server", mixinStandardHelpOptions = true,
            description = "Requests per second and latency of the API under concurrent clients on a store of 10,000 audits while two "
                    + "audits run, against the same reads in process; and SSE fan-out latency to 200 subscribers.")
    static final class Server implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--audits", defaultValue = "10000", description = "Audits in the store (default 10000)")
        int audits;

        @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients (default 32)")
        int clients;

        @Option(names = "--seconds", defaultValue = "10", description = "Seconds per measurement (default 10)")
        int seconds;

        @Option(names = "--subscribers", defaultValue = "200", description = "SSE subscribers for the fan-out test (default 200)")
        int subscribers;

        @Option(names = "--data", paramLabel = "DIR", description = "Where to put the temporary store (default $VERITAS_DATA or ./veritas-data)")
        Path data;

        @Override
        public Integer call() throws Exception {
            if (audits < 100 || clients < 1 || seconds < 1 || subscribers < 1) {
                throw new IllegalArgumentException("--audits must be at least 100 and --clients, --seconds, --subscribers at least 1");
            }
            return WorkDir.use(dataDir(data), "bench-server-", work -> new ServerBenchmark(work, audits, clients,
                    Duration.ofSeconds(seconds), subscribers, spec.commandLine().getOut()).run());
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "How long audits take end to end, phase by phase. Without URL: a built-in 5-page shop served on loopback.")
    static final class AuditRuns implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        EngineFlags engineFlags;

        @Parameters(paramLabel = "URL", arity = "0..1", description = "Site to audit (default: the built-in shop)")
        String url;

        @Option(names = "--tier", defaultValue = "standard_audit", description = "Tier (default standard_audit)")
        String tier;

        @Option(names = "--runs", defaultValue = "3", description = "Measured runs after one warm-up (default 3)")
        int runs;

        @Option(names = "--data", paramLabel = "DIR", description = "Where to put the temporary store (default $VERITAS_DATA or ./veritas-data)")
        Path data;

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1");
            }
            return WorkDir.use(dataDir(data), "bench-audit-", work -> new AuditBenchmark(work, Optional.ofNullable(url),
                    Tier.parse(tier), runs, engineFlags.options(), spec.commandLine().getOut()).run());
        }
    }

    /** --data, else $VERITAS_DATA, else the default data directory: benchmarks measure the disk audits live on. */
    private static Path dataDir(Path flag) {
        return flag != null ? flag : Env.get("VERITAS_DATA").map(Path::of).orElse(StoreConfig.DEFAULT_DATA);
    }
}
