package dev.veritas.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.AuditSummary;
import dev.veritas.audit.Comparison;
import dev.veritas.audit.NewAudit;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The durable home of audits, their findings, screenshots and events: the whole contract every store
 * (SQLite, PostgreSQL) implements and the contract tests check.
 *
 * <p>Every write is acknowledged only once it is committed. Status changes are compare-and-set: a change
 * the lifecycle does not allow throws {@link IllegalTransitionException} instead of overwriting. Terminal
 * changes (complete, fail, cancel) append their terminal event in the same transaction, so a stream of
 * events always ends with exactly one of {@code audit_result}, {@code audit_error}, {@code audit_cancelled}.
 */
public interface AuditStore extends ScreenshotStore, AutoCloseable {

    /** Stores a new audit in {@code queued}. */
    Audit create(NewAudit request);

    /** Stores a new audit already {@code running} for {@code worker} (its first claim), for callers that run it themselves. */
    Claim createRunning(NewAudit request, WorkerId worker, Duration lease);

    /** The audit with its findings and screenshots. */
    Optional<Audit> find(AuditId id);

    default Audit get(AuditId id) {
        return find(id).orElseThrow(() -> new AuditNotFoundException(id));
    }

    /**
     * Claims the oldest queued audit for {@code worker}: it becomes {@code running} under a new lease whose epoch is
     * one more than any earlier claim's, so writes under an earlier claim are refused from now on.
     */
    Optional<Claim> claimNext(WorkerId worker, Duration lease);

    /** Extends a lease by {@code duration} from now; false when the audit is no longer running under it. */
    boolean renewLease(Lease lease, Duration duration);

    /**
     * running → queued for an audit its worker gives back unfinished (the server is shutting down): it keeps its
     * attempt count and waits for the next worker; the attempt's screenshots and progress events are removed (its
     * status events stay). False if the audit was no longer running under this lease.
     */
    boolean release(Lease lease, String reason);

    /** How many audits are in each status. */
    java.util.Map<AuditStatus, Long> countByStatus();

    /**
     * running → completed with the whole result, findings included, in one transaction.
     *
     * @throws LeaseLostException when the audit is no longer running under this lease (cancelled, or claimed again)
     */
    void complete(Lease lease, AuditResult result);

    /**
     * running → failed with a message a person can act on.
     *
     * @throws LeaseLostException when the audit is no longer running under this lease
     */
    void fail(Lease lease, String message);

    /** queued|running → cancelled. */
    void cancel(AuditId id, String reason);

    /** Current status, cheaply (the engine asks between steps whether it was cancelled). */
    Optional<AuditStatus> status(AuditId id);

    /**
     * Appends an event to an audit running under this lease and returns its global id.
     *
     * @throws LeaseLostException when the audit is no longer running under this lease
     */
    long appendEvent(Lease lease, String type, JsonNode data);

    /** Appends several events in order, in one transaction; fenced like {@link #appendEvent}. */
    List<Long> appendEvents(Lease lease, List<NewEvent> events);

    /** Events of an audit with id greater than {@code afterId}, oldest first, at most {@code limit}. */
    List<AuditEvent> eventsAfter(AuditId id, long afterId, int limit);

    /** Audits matching the query, newest first (or as sorted), with a stable cursor and the total count. */
    HistoryPage history(HistoryQuery query);

    /** Audits of exactly this URL, newest first. */
    List<AuditSummary> auditsOfUrl(String url, int limit);

    /** Two or more audits compared; unknown ids are an error naming them. */
    Comparison compare(List<AuditId> ids);

    /** Deletes an audit that is not running, with its rows and its screenshots' bytes. False if there was none. */
    boolean delete(AuditId id);

    /**
     * Returns interrupted audits to the queue: {@code running} audits whose worker is gone (its lease
     * expired, or its process on this host has exited) go back to {@code queued} with attempts+1, or to
     * {@code failed} ("interrupted") once they have been interrupted {@value #MAX_ATTEMPTS} times.
     */
    RecoveryReport recoverInterrupted();

    int MAX_ATTEMPTS = 3;

    /** Writes refused since start because their lease was no longer the audit's (stale or cancelled workers). */
    long fencedWrites();

    /** Integrity, schema version and row counts. */
    StoreCheck check();

    /**
     * Whether writes are getting through, from what the store already knows (no database round trip): a full disk, a
     * storage error, a writer that stopped or hangs. Health checks show anything but OK as degraded.
     */
    default StoreHealth health() {
        return StoreHealth.healthy();
    }

    /**
     * Registers the meters only this kind of store has (its connection pools, its writer) for the server's metrics.
     * Meters shared by every store are read through this interface instead.
     */
    default void bindMetrics(MeterRegistry registry) {
    }

    /** The online copy of the database, for stores whose database is a file Veritas owns (SQLite). */
    default Optional<OnlineBackup> onlineBackup() {
        return Optional.empty();
    }

    /** Wakes up when new events may be available for an audit (in this process, or polled across processes). */
    EventSignal eventSignal();

    /** A short description for logs and health output, e.g. "sqlite /data/veritas.db". */
    String describe();

    @Override
    void close();
}
