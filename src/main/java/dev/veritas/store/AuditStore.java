package dev.veritas.store;

import dev.veritas.audit.AuditId;

/**
 * The durable home of audits, their findings, screenshots and events, as one facade over its roles: the
 * {@link AuditQueue}, the {@link AuditWriter} of a running audit, the {@link AuditReader} and the
 * {@link ScreenshotStore}. Every store (SQLite, PostgreSQL) implements all of them, and the contract tests check them.
 *
 * <p>Every write is acknowledged only once it is committed. Status changes are compare-and-set: a change
 * the lifecycle does not allow throws {@link IllegalTransitionException} instead of overwriting. Terminal
 * changes (complete, fail, cancel) append their terminal event in the same transaction, so a stream of
 * events always ends with exactly one of {@code audit_result}, {@code audit_error}, {@code audit_cancelled}.
 */
public interface AuditStore extends AuditQueue, AuditWriter, AuditReader, ScreenshotStore, AutoCloseable {

    /** Deletes an audit that is not running, with its rows and its screenshots' bytes. False if there was none. */
    boolean delete(AuditId id);

    /** Integrity, schema version and row counts. */
    StoreCheck check();

    /**
     * Whether writes are getting through, from what the store already knows (no database round trip): a full disk, a
     * storage error, a writer that stopped or hangs. Health checks show anything but OK as degraded.
     */
    default StoreHealth health() {
        return StoreHealth.healthy();
    }

    /** Wakes up when new events may be available for an audit (in this process, or polled across processes). */
    EventSignal eventSignal();

    /** A short description for logs and health output, e.g. "sqlite /data/veritas.db". */
    String describe();

    @Override
    void close();
}
