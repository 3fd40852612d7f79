package dev.veritas.store;

import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;

/** A status change the lifecycle forbids, e.g. completed → running. Nothing was written. */
public final class IllegalTransitionException extends StoreException {
    private final transient AuditId id;
    private final AuditStatus current;
    private final String attempted;

    public IllegalTransitionException(AuditId id, AuditStatus current, String attempted) {
        super("audit " + id + " is " + current.wire() + "; it cannot be " + attempted, null);
        this.id = id;
        this.current = current;
        this.attempted = attempted;
    }

    public AuditId id() {
        return id;
    }

    public AuditStatus current() {
        return current;
    }

    public String attempted() {
        return attempted;
    }
}
