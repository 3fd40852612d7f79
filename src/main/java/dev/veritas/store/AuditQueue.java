package dev.veritas.store;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.NewAudit;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The queue of audits: what is submitted, who runs what under which lease, and what goes back when a worker stops
 * or disappears. What an API node and every worker node share.
 */
public interface AuditQueue {

    int MAX_ATTEMPTS = 3;

    /** Stores a new audit in {@code queued}. */
    Audit create(NewAudit request);

    /** Stores a new audit already {@code running} for {@code worker} (its first claim), for callers that run it themselves. */
    Claim createRunning(NewAudit request, WorkerId worker, Duration lease);

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

    /** queued|running → cancelled. */
    void cancel(AuditId id, String reason);

    /** How many audits are in each status. */
    Map<AuditStatus, Long> countByStatus();

    /**
     * Returns interrupted audits to the queue: {@code running} audits whose worker is gone (its lease
     * expired, or its process on this host has exited) go back to {@code queued} with attempts+1, or to
     * {@code failed} ("interrupted") once they have been interrupted {@value #MAX_ATTEMPTS} times.
     */
    RecoveryReport recoverInterrupted();
}
