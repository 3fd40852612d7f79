package dev.veritas.cli;

import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import dev.veritas.store.StoreCheck;
import dev.veritas.store.sqlite.SqliteAuditStore;
import java.io.PrintWriter;
import java.nio.file.Path;
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
            try (AuditStore s = store.open()) {
                check = s.check();
            }
            if (json) {
                out.println(Json.pretty(check));
                return check.ok() ? 0 : 1;
            }
            out.println("store           " + check.store());
            out.println("schema version  " + check.schemaVersion());
            check.settings().forEach((k, v) -> out.printf("%-15s %s%n", k, v));
            check.rowCounts().forEach((k, v) -> out.printf("%-15s %d%n", k.replace("audit_", "").replace("audits_", "audits "), v));
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
            try (AuditStore s = store.open()) {
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
}
