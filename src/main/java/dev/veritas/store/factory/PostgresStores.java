package dev.veritas.store.factory;

import dev.veritas.store.AuditStore;
import dev.veritas.store.postgres.PostgresAuditStore;
import dev.veritas.store.postgres.PostgresUrl;
import java.nio.file.Path;

/** Opens the PostgreSQL store (kept apart so StoreConfig reads simply). */
final class PostgresStores {
    private PostgresStores() {}

    static AuditStore open(String url, Path dataDir) {
        return PostgresAuditStore.open(url, dataDir);
    }

    /** The URL without its password, for logs. */
    static String redact(String url) {
        try {
            return PostgresUrl.parse(url).redacted();
        } catch (IllegalArgumentException e) {
            return "(invalid url)";
        }
    }
}
