package dev.veritas.store;

import java.nio.file.Path;

/** Opens the PostgreSQL store (kept apart so StoreConfig reads simply). */
final class PostgresStores {
    private PostgresStores() {}

    static AuditStore open(String url, Path dataDir) {
        throw new StoreUnavailableException("PostgreSQL support is not available in this build yet; unset VERITAS_DATABASE_URL to use SQLite", null);
    }

    /** The URL without its password, for logs. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }
}
