package dev.veritas.store;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.AuditSummary;
import dev.veritas.audit.Comparison;
import java.util.List;
import java.util.Optional;

/** What the API, the UI and the CLI read: audits, their history, their events. Reads never change anything. */
public interface AuditReader {

    /** The audit with its findings and screenshots. */
    Optional<Audit> find(AuditId id);

    default Audit get(AuditId id) {
        return find(id).orElseThrow(() -> new AuditNotFoundException(id));
    }

    /** Current status, cheaply (the engine asks between steps whether it was cancelled). */
    Optional<AuditStatus> status(AuditId id);

    /** Events of an audit with id greater than {@code afterId}, oldest first, at most {@code limit}. */
    List<AuditEvent> eventsAfter(AuditId id, long afterId, int limit);

    /** Audits matching the query, newest first (or as sorted), with a stable cursor and the total count. */
    HistoryPage history(HistoryQuery query);

    /** Audits of exactly this URL, newest first. */
    List<AuditSummary> auditsOfUrl(String url, int limit);

    /** Two or more audits compared; unknown ids are an error naming them. */
    Comparison compare(List<AuditId> ids);
}
