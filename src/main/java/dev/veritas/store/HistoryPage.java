package dev.veritas.store;

import dev.veritas.audit.AuditSummary;
import java.util.List;
import java.util.Optional;

/** One page of history: its items, how many audits match in all, and the cursor of the next page if there is one. */
public record HistoryPage(List<AuditSummary> items, long total, Optional<String> nextCursor) {
    public HistoryPage {
        items = List.copyOf(items);
    }
}
