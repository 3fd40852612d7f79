package dev.veritas.store.factory;

import dev.veritas.config.Env;
import dev.veritas.store.AuditStore;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Which store to open: SQLite under a data directory (the default, nothing to set up), or PostgreSQL
 * when a database URL is given. Screenshots live beside the SQLite file, or in PostgreSQL. It lives apart from
 * {@code dev.veritas.store} because it names the implementations: the contract there depends on none of them.
 */
public record StoreConfig(Path dataDir, Optional<String> databaseUrl, SqliteOptions.Synchronous synchronous) {
    public static final Path DEFAULT_DATA = Path.of("veritas-data");

    public static StoreConfig of(Path dataFlag, String databaseUrlFlag, String synchronousFlag) {
        Path data = dataFlag != null ? dataFlag : Env.get("VERITAS_DATA").map(Path::of).orElse(DEFAULT_DATA);
        Optional<String> url = Optional.ofNullable(databaseUrlFlag).filter(s -> !s.isBlank()).or(() -> Env.get("VERITAS_DATABASE_URL"));
        String sync = synchronousFlag != null ? synchronousFlag : Env.get("VERITAS_SYNCHRONOUS").orElse("normal");
        SqliteOptions.Synchronous s = switch (sync.toLowerCase(Locale.ROOT)) {
            case "normal" -> SqliteOptions.Synchronous.NORMAL;
            case "full" -> SqliteOptions.Synchronous.FULL;
            default -> throw new IllegalArgumentException("synchronous must be normal or full (got '" + sync + "')");
        };
        return new StoreConfig(data, url, s);
    }

    public AuditStore open() {
        if (databaseUrl.isPresent()) {
            return PostgresStores.open(databaseUrl.get(), dataDir);
        }
        return SqliteAuditStore.open(SqliteOptions.defaults(dataDir).withSynchronous(synchronous));
    }

    public String describe() {
        return databaseUrl.map(u -> "postgresql " + PostgresStores.redact(u)).orElse("sqlite " + dataDir.resolve("veritas.db").toAbsolutePath());
    }
}
