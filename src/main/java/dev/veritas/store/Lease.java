package dev.veritas.store;

import dev.veritas.audit.AuditId;
import dev.veritas.audit.Require;

/**
 * The right to write on behalf of one running audit: which worker claimed it and which claim it was. The epoch
 * grows with every claim of the audit, so it is a fencing token: once the audit was re-queued and claimed again,
 * or cancelled, the store refuses every write that carries an older lease — in the same transaction as the write,
 * so no pause between a check and a write can let a stale worker through.
 */
public record Lease(AuditId auditId, WorkerId worker, long epoch) {
    public Lease {
        Require.present("audit id", auditId);
        Require.present("worker", worker);
    }

    @Override
    public String toString() {
        return auditId + " (" + worker.name() + ", claim " + epoch + ")";
    }
}
