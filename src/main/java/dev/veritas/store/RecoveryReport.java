package dev.veritas.store;

import dev.veritas.audit.AuditId;
import java.util.List;

/** What start-up recovery did: audits returned to the queue, and audits given up on. */
public record RecoveryReport(List<AuditId> requeued, List<AuditId> failed) {
    public RecoveryReport {
        requeued = List.copyOf(requeued);
        failed = List.copyOf(failed);
    }

    public boolean isEmpty() {
        return requeued.isEmpty() && failed.isEmpty();
    }
}
