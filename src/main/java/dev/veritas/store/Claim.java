package dev.veritas.store;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;

/** A running audit as its worker claimed it, with the lease every write for it must carry. */
public record Claim(Audit audit, Lease lease) {
    public AuditId id() {
        return audit.id();
    }
}
