package dev.veritas.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.AuditResult;
import java.util.List;

/**
 * What the worker running an audit writes: its events and its end. Every write carries the run's lease and is refused,
 * in the write's own transaction, once the audit no longer runs under it.
 */
public interface AuditWriter {

    /**
     * Appends an event to an audit running under this lease and returns its global id.
     *
     * @throws LeaseLostException when the audit is no longer running under this lease
     */
    long appendEvent(Lease lease, String type, JsonNode data);

    /** Appends several events in order, in one transaction; fenced like {@link #appendEvent}. */
    List<Long> appendEvents(Lease lease, List<NewEvent> events);

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

    /** Writes refused since start because their lease was no longer the audit's (stale or cancelled workers). */
    long fencedWrites();
}
