package dev.veritas.store;

import java.nio.file.Path;

/**
 * A store whose database is a file Veritas owns (SQLite) can copy it while writes go on; a database server is backed
 * up with its own tools (pg_dump), so such stores do not offer this.
 */
public interface OnlineBackup {
    /** What a backup wrote: the file, its size, the audits in it and how long it took. */
    record Report(Path file, long sizeBytes, long audits, long elapsedMs) {}

    /** Copies the database to {@code target} (which must not exist) and verifies the copy before naming it. */
    Report backup(Path target);

    /** Where screenshots are kept: they are files beside the database, not in it, and are copied separately. */
    Path screenshotRoot();
}
