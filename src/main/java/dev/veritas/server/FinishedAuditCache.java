package dev.veritas.server;

import dev.veritas.audit.AuditId;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON of finished audits, ready to send. A completed, failed or cancelled audit never changes again (it can
 * only be deleted), so after one read its answer can be served without three queries and a serialisation.
 * Entries are checked against the store's status on every hit, so a deletion elsewhere is seen at once.
 */
final class FinishedAuditCache {
    private final int capacity;
    private final ConcurrentHashMap<AuditId, byte[]> entries = new ConcurrentHashMap<>();

    FinishedAuditCache(int capacity) {
        this.capacity = capacity;
    }

    Optional<byte[]> get(AuditId id) {
        return Optional.ofNullable(entries.get(id));
    }

    void put(AuditId id, byte[] json) {
        if (entries.size() >= capacity) {
            // Drop an arbitrary tenth rather than track recency: cheap, and hot audits come straight back.
            Iterator<AuditId> it = entries.keySet().iterator();
            for (int i = 0; i < capacity / 10 && it.hasNext(); i++) {
                it.next();
                it.remove();
            }
        }
        entries.put(id, json);
    }

    void evict(AuditId id) {
        entries.remove(id);
    }
}
