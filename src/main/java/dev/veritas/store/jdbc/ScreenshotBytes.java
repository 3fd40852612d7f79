package dev.veritas.store.jdbc;

import dev.veritas.audit.AuditId;
import dev.veritas.audit.Screenshot;
import dev.veritas.store.NewScreenshot;
import dev.veritas.store.ScreenshotContent;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where a JDBC store keeps the bytes of its screenshots, the metadata rows staying in {@code audit_screenshots}.
 * Bytes kept outside the database (files, an object store) are written before the audit's transaction by
 * {@link #stage} and removed after a commit; bytes kept in the database are written by {@link #record} in the
 * transaction itself and removed with their rows.
 */
public interface ScreenshotBytes {

    /** What a screenshot's row records about its bytes: their key (a relative path or object name), digest and size. */
    record Staged(String key, String sha256, long sizeBytes) {}

    /** Before the audit's transaction: writes bytes that live outside the database. */
    Staged stage(AuditId id, NewScreenshot shot);

    /** In the audit's transaction, once the row {@code screenshotRowId} exists: writes bytes that live in the database. */
    void record(Tx tx, long screenshotRowId, NewScreenshot shot) throws SQLException;

    /** The transaction was refused or failed: undoes {@link #stage}. */
    void discard(Staged staged);

    /** After a commit that deleted these rows: removes their bytes (nothing to do for bytes kept in the database). */
    void removed(List<String> keys);

    /** After a commit that deleted an audit: removes all its bytes. */
    void auditDeleted(AuditId id);

    /** The bytes of a recorded screenshot, if they are there. */
    Optional<ScreenshotContent.Source> source(Screenshot screenshot, long screenshotRowId);

    /** Removes bytes of audits that no longer exist (a deletion whose clean-up was interrupted). */
    void removeOrphans(Predicate<AuditId> exists);

    /** How many recorded screenshots have no bytes, for {@code veritas db check}; {@code where} describes the place. */
    long countMissing(Statement st) throws SQLException;

    /** Where the bytes are kept, for messages. */
    String where();
}
