package dev.veritas.cli;

import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import dev.veritas.store.StoreCheck;
import dev.veritas.store.factory.StoreConfig;
import dev.veritas.store.copy.AuditCopier;
import dev.veritas.store.copy.SampleHistory;
import dev.veritas.store.postgres.PostgresAuditStore;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "db", mixinStandardHelpOptions = true, description = "Check, back up or copy the audit database.",
        subcommands = {DbCommand.Check.class, DbCommand.Backup.class, DbCommand.Copy.class, DbCommand.Generate.class})
final class DbCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Settings in the order a reader looks for them: file health first, then how this process writes. */
    private static final List<String> SETTING_ORDER =
            List.of("integrity_check", "journal_mode", "synchronous", "foreign_keys", "busy_timeout", "page_size", "page_count");

    static Map<String, String> inOrder(Map<String, String> settings) {
        Map<String, String> ordered = new LinkedHashMap<>();
        SETTING_ORDER.stream().filter(settings::containsKey).forEach(k -> ordered.put(k, settings.get(k)));
        new TreeMap<>(settings).forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** A database to check or copy must exist already: opening would otherwise create an empty one under a mistyped --data. */
    static AuditStore openExisting(StoreOptions store) {
        StoreConfig config = store.config();
        if (config.databaseUrl().isPresent()) {
            return config.open();
        }
        return SqliteAuditStore.openExisting(SqliteOptions.defaults(config.dataDir()).withSynchronous(config.synchronous()));
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Integrity check, journal mode, schema version and row counts. Prints ok and exits 0 only when all is well.")
    static final class Check implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print the report as JSON")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            StoreCheck check;
            try (AuditStore s = openExisting(store)) {
                check = s.check();
            }
            if (json) {
                out.println(Json.pretty(check));
                return check.ok() ? 0 : 1;
            }
            out.println("store           " + check.store());
            out.println("schema version  " + check.schemaVersion());
            inOrder(check.settings()).forEach((k, v) -> out.printf("%-15s %s%n", k, v));
            if (check.settings().containsKey("synchronous")) {
                out.println("                (synchronous, foreign_keys, busy_timeout: as set on this process's write connection)");
            }
            new TreeMap<>(check.rowCounts()).forEach((k, v) -> out.printf("%-15s %d%n", k.replace("audit_", "").replace("audits_", "audits "), v));
            if (check.ok()) {
                out.println("ok");
                return 0;
            }
            check.problems().forEach(p -> out.println("PROBLEM: " + p));
            return 1;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Copy the database online (writes may continue) to FILE and verify the copy.")
    static final class Backup implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Where to write the copy (must not exist)")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (AuditStore s = openExisting(store)) {
                if (!(s instanceof SqliteAuditStore sqlite)) {
                    throw new IllegalArgumentException("db backup copies the embedded SQLite database; for PostgreSQL use pg_dump");
                }
                SqliteAuditStore.BackupReport r = sqlite.backup(file);
                out.printf("backup written to %s (%s, %d audits, integrity ok) in %s%n", r.file(), Format.bytes(r.sizeBytes()),
                        r.audits(), Format.millis(r.elapsedMs()));
                out.println("screenshots are not in the database: copy " + sqlite.screenshotFiles().root() + " alongside it");
                return 0;
            }
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copy every audit (findings, events with their ids, screenshots) from the embedded SQLite store into PostgreSQL.",
                    "Verifies row counts and a checksum per audit; running it again copies only what is missing. Stop Veritas on the source first."})
    static final class Copy implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "sqlite:PATH",
                description = "The SQLite store: sqlite:DIR (the data directory holding veritas.db) or sqlite:DIR/veritas.db")
        String from;

        @Option(names = "--to", required = true, paramLabel = "URL", description = "The PostgreSQL database: postgresql://user:pass@host:5432/db or jdbc:postgresql://…")
        String to;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path dataDir = sqliteDataDir(from);
            try (SqliteAuditStore source = SqliteAuditStore.openExisting(SqliteOptions.defaults(dataDir));
                 PostgresAuditStore target = PostgresAuditStore.open(to)) {
                out.println("copying " + source.describe() + " → " + target.describe());
                out.flush();
                AuditCopier.Report r = new AuditCopier(source, target, line -> {
                    out.println("  " + line);
                    out.flush();
                }).copy();
                if (r.copied() == 0) {
                    out.printf("nothing to copy: all %,d audits of the source are in the target already, identical (checked)%n", r.alreadyThere());
                } else {
                    out.printf("copied %,d audits (%,d findings, %,d events, %,d screenshots) in %s; %,d were there already; "
                            + "every copied audit verified (row counts and SHA-256)%n", r.copied(), r.findings(), r.events(), r.screenshots(),
                            Format.millis(r.elapsedMs()), r.alreadyThere());
                }
                return 0;
            }
        }

        static Path sqliteDataDir(String from) {
            if (!from.startsWith("sqlite:") || from.length() == "sqlite:".length()) {
                throw new IllegalArgumentException("--from must be sqlite:PATH, the data directory holding veritas.db (got '" + from + "')");
            }
            Path path = Path.of(from.substring("sqlite:".length()));
            if (Files.isRegularFile(path)) {
                if (!path.getFileName().toString().equals("veritas.db")) {
                    throw new IllegalArgumentException("--from names the file " + path + "; give the data directory that holds veritas.db "
                            + "(its screenshots folder is beside it)");
                }
                return path.toAbsolutePath().getParent();
            }
            if (!Files.isDirectory(path)) {
                throw new IllegalArgumentException("--from: there is no " + path.toAbsolutePath() + "; give the data directory that holds veritas.db");
            }
            return path;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write made-up completed audits into a store, to try or measure db copy on a large history.")
    static final class Generate implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Spec
        CommandSpec spec;

        @Option(names = "--audits", defaultValue = "1000", description = "How many audits (default ${DEFAULT-VALUE})")
        int audits;

        @Option(names = "--events", defaultValue = "20", description = "Progress events per audit, besides the status ones (default ${DEFAULT-VALUE})")
        int events;

        @Option(names = "--findings", defaultValue = "5", description = "Findings per audit (default ${DEFAULT-VALUE})")
        int findings;

        @Option(names = "--screenshot-every", defaultValue = "10", description = "One audit in N gets a screenshot; 0 for none (default ${DEFAULT-VALUE})")
        int screenshotEvery;

        @Override
        public Integer call() {
            if (audits < 1 || audits > 1_000_000 || events < 0 || events > 1000 || findings < 0 || findings > 200 || screenshotEvery < 0) {
                throw new IllegalArgumentException("--audits takes 1–1,000,000, --events 0–1000, --findings 0–200, --screenshot-every 0 or more");
            }
            PrintWriter out = spec.commandLine().getOut();
            long t0 = System.nanoTime();
            try (AuditStore s = store.open()) {
                SampleHistory.write(s, audits, new SampleHistory.Shape(events, findings, screenshotEvery), done -> {
                    out.printf("  %,d audits written%n", done);
                    out.flush();
                });
                out.printf("wrote %,d audits into %s in %s%n", audits, s.describe(), Format.millis((System.nanoTime() - t0) / 1_000_000));
            }
            return 0;
        }
    }
}
