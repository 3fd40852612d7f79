package dev.veritas.store;

import dev.veritas.audit.AuditId;
import dev.veritas.audit.Screenshot;
import java.util.Optional;

/**
 * Where screenshots are kept: the one seam every caller goes through (the engine writing, the server serving, the
 * reports embedding). The metadata always lives with the audit in the database; the image bytes live wherever the
 * implementation keeps them: files beside the SQLite database, a table in PostgreSQL, or an object store. Deleting an
 * audit deletes its screenshots too.
 */
public interface ScreenshotStore {

    /**
     * Stores the image and records its metadata; refused, with nothing left behind, when the audit no longer runs
     * under this lease.
     *
     * @throws LeaseLostException when the audit is no longer running under this lease
     */
    Screenshot addScreenshot(Lease lease, NewScreenshot screenshot);

    /** A stored screenshot with a way to read its bytes; empty if there is none (or its bytes are gone). */
    Optional<ScreenshotContent> screenshot(AuditId id, int index);
}
