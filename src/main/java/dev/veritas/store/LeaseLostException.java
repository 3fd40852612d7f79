package dev.veritas.store;

import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;

/**
 * A write carried a lease the audit no longer honours: it was cancelled, finished, or re-queued and claimed again
 * (perhaps by another worker). Nothing was written; the holder of the old lease must stop working on the audit.
 */
public final class LeaseLostException extends StoreException {
    private final transient AuditId id;
    private final AuditStatus current;

    public LeaseLostException(Lease lease, AuditStatus current, String attempted) {
        super("audit " + lease.auditId() + " is no longer running under " + lease.worker().name() + "'s claim "
                + lease.epoch() + " (it is " + current.wire() + "); it cannot be " + attempted, null);
        this.id = lease.auditId();
        this.current = current;
    }

    public AuditId id() {
        return id;
    }

    /** The audit's status when the write was refused: cancelled by a user, or still running under a newer claim. */
    public AuditStatus current() {
        return current;
    }
}
