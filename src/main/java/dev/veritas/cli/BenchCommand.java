package dev.veritas.cli;

import dev.veritas.audit.Tier;
import dev.veritas.bench.AuditBenchmark;
import dev.veritas.bench.ClusterBenchmark;
import dev.veritas.bench.ServerBenchmark;
import dev.veritas.bench.StoreBenchmark;
import dev.veritas.config.Env;
import dev.veritas.store.postgres.PostgresUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure Veritas on this machine.",
        subcommands = {BenchCommand.Store.class, BenchCommand.Server.class, BenchCommand.AuditRuns.class, BenchCommand.Cluster.class})
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

        @Mixin
        BenchDataDir dataDir;

        @Override
        public Integer call() throws Exception {
            if (units < 100 || producers < 1 || historyAudits < 10_000) {
                throw new IllegalArgumentException("--units must be at least 100, --producers at least 1 and --history-audits at least 10000");
            }
            return dataDir.use("bench-store-", work -> new StoreBenchmark(work, units, producers, historyAudits, spec.commandLine().getOut()).run());
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

        @Mixin
        BenchDataDir dataDir;

        @Override
        public Integer call() throws Exception {
            if (audits < 100 || clients < 1 || seconds < 1 || subscribers < 1) {
                throw new IllegalArgumentException("--audits must be at least 100 and --clients, --seconds, --subscribers at least 1");
            }
            return dataDir.use("bench-server-", work -> new ServerBenchmark(work, audits, clients,
                    Duration.ofSeconds(seconds), subscribers, spec.commandLine().getOut()).run());
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "How long audits take and where the time goes, phase by phase (browser start, navigation, load, settling, "
                    + "extraction, screenshots, second look, checks, judge, store), median over several runs with the browser kept, then "
                    + "the same quick scan as a fresh process beside a bare JVM's start. Without URL or --page: a quick scan of a built-in "
                    + "news article of realistic weight and a standard audit of a built-in 5-page shop, both served on loopback.")
    static final class AuditRuns implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        EngineFlags engineFlags;

        @Parameters(paramLabel = "URL", arity = "0..1", description = "A live site to audit instead of the built-in ones")
        String url;

        @Option(names = "--page", paramLabel = "FILE", description = "A saved HTML page to serve on loopback and audit (e.g. a saved news article)")
        Path page;

        @Option(names = "--tier", description = "Tier for URL or --page (default quick_scan for --page, standard_audit for URL)")
        String tier;

        @Option(names = "--runs", defaultValue = "3", description = "Measured runs after one warm-up (default 3)")
        int runs;

        @Option(names = "--no-fresh-process", description = "Skip the fresh-process quick scans")
        boolean noFreshProcess;

        @Mixin
        BenchDataDir dataDir;

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1");
            }
            if (url != null && page != null) {
                throw new IllegalArgumentException("give either a URL or --page FILE, not both");
            }
            List<AuditBenchmark.Scenario> scenarios;
            if (page != null) {
                scenarios = List.of(new AuditBenchmark.Scenario(new AuditBenchmark.SavedPage(page.toAbsolutePath()),
                        Tier.parse(tier == null ? "quick_scan" : tier)));
            } else if (url != null) {
                scenarios = List.of(new AuditBenchmark.Scenario(new AuditBenchmark.Live(url), Tier.parse(tier == null ? "standard_audit" : tier)));
            } else {
                if (tier != null) {
                    throw new IllegalArgumentException("--tier applies to a URL or --page; the built-in run measures a quick scan and a standard audit");
                }
                scenarios = List.of(new AuditBenchmark.Scenario(new AuditBenchmark.News(), Tier.QUICK_SCAN),
                        new AuditBenchmark.Scenario(new AuditBenchmark.Shop(), Tier.STANDARD_AUDIT));
            }
            // ./veritas says where its class data sharing archives are; the fresh processes map audit's, as the command would.
            Optional<Path> cds = Env.get("VERITAS_CDS_DIR").map(d -> Path.of(d, "audit.jsa"));
            return dataDir.use("bench-audit-", work -> new AuditBenchmark(work, scenarios, runs, !noFreshProcess, cds,
                    engineFlags.options(), spec.commandLine().getOut()).run());
        }
    }

    @Command(name = "cluster", mixinStandardHelpOptions = true,
            description = {"Audits per minute with 1, 2 and 3 worker nodes (separate processes, as `serve --role worker`) behind one API node "
                    + "on one PostgreSQL, and the ratio to one node. Each round creates and drops a database of its own on that server, "
                    + "so the user needs CREATEDB. Needs Chromium on this machine.",
                    "All nodes share this machine's cores: the ratios show contention here, not how a cluster of machines scales."})
    static final class Cluster implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--database-url", paramLabel = "URL",
                description = "PostgreSQL server (postgresql://user:pw@host/db or jdbc:postgresql://…) on which each round creates its own database. "
                        + "Default: $VERITAS_DATABASE_URL")
        String databaseUrl;

        @Option(names = "--nodes", defaultValue = "1,2,3", paramLabel = "N,N,…", description = "Worker node counts, one round each; the first is the baseline (default 1,2,3)")
        String nodes;

        @Option(names = "--audits", defaultValue = "15", description = "Audits timed per round, after one warm-up audit per worker (default 15)")
        int audits;

        @Option(names = "--workers", defaultValue = "1", description = "Workers per node (default 1)")
        int workers;

        @Option(names = "--tier", defaultValue = "quick_scan", description = "Tier (default quick_scan)")
        String tier;

        @Option(names = "--deadline", defaultValue = "600", paramLabel = "SECONDS", description = "Longest a round may take (default 600)")
        int deadline;

        @Mixin
        BenchDataDir dataDir;

        @Override
        public Integer call() throws Exception {
            String url = Optional.ofNullable(databaseUrl).or(() -> Env.get("VERITAS_DATABASE_URL"))
                    .orElseThrow(() -> new IllegalArgumentException("bench cluster needs a PostgreSQL server: give --database-url (or VERITAS_DATABASE_URL)"));
            List<Integer> counts;
            try {
                counts = Arrays.stream(nodes.split(",")).map(String::strip).map(Integer::parseInt).toList();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--nodes must be node counts separated by commas, e.g. 1,2,3; got '" + nodes + "'");
            }
            if (counts.isEmpty() || counts.stream().anyMatch(n -> n < 1 || n > 16) || audits < 1 || workers < 1 || workers > 64 || deadline < 10) {
                throw new IllegalArgumentException("--nodes takes counts from 1 to 16, --audits at least 1, --workers 1 to 64, --deadline at least 10");
            }
            PostgresUrl admin = PostgresUrl.parse(url);
            return dataDir.use("bench-cluster-", work -> new ClusterBenchmark(work, admin, counts, audits, workers, Tier.parse(tier),
                    Duration.ofSeconds(deadline), spec.commandLine().getOut()).run());
        }
    }
}
