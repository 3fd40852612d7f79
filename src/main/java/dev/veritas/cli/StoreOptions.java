package dev.veritas.cli;

import dev.veritas.store.AuditStore;
import dev.veritas.store.factory.StoreConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where audits are kept; shared by every command. */
public final class StoreOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (database and screenshots). Default: $VERITAS_DATA or ./veritas-data")
    Path data;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "PostgreSQL JDBC URL instead of the embedded SQLite file. Default: $VERITAS_DATABASE_URL")
    String databaseUrl;

    @Option(names = "--synchronous", paramLabel = "MODE",
            description = "SQLite durability: normal (survives a crashed process) or full (also a power cut). Default: $VERITAS_SYNCHRONOUS or normal")
    String synchronous;

    public StoreConfig config() {
        return StoreConfig.of(data, databaseUrl, synchronous);
    }

    public AuditStore open() {
        return config().open();
    }
}
