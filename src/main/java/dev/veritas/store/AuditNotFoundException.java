package dev.veritas.store;

import dev.veritas.audit.AuditId;

public final class AuditNotFoundException extends StoreException {
    private final transient AuditId id;

    public AuditNotFoundException(AuditId id) {
        super("no audit with id " + id + " (it may have been deleted); list audits with `veritas history` or GET /api/audits", null);
        this.id = id;
    }

    public AuditId id() {
        return id;
    }
}
