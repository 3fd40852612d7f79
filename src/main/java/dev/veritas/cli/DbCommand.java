package dev.veritas.cli;

import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import dev.veritas.store.OnlineBackup;
import dev.veritas.store.StoreCheck;
import dev.veritas.store.StoreConfig;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.io.PrintWriter;
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

@Command(name = "db", mixinStandardHelpOptions = true, description = "Check or back up the audit database.",
        subcommands = {DbCommand.Check.class, DbCommand.Backup.class})
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
                OnlineBackup backup = s.onlineBackup().orElseThrow(
                        () -> new IllegalArgumentException("db backup copies the embedded SQLite database; for PostgreSQL use pg_dump"));
                OnlineBackup.Report r = backup.backup(file);
                out.printf("backup written to %s (%s, %d audits, integrity ok) in %s%n", r.file(), Format.bytes(r.sizeBytes()),
                        r.audits(), Format.millis(r.elapsedMs()));
                out.println("screenshots are not in the database: copy " + backup.screenshotRoot() + " alongside it");
                return 0;
            }
        }
    }
}
