package dev.veritas.server;

import dev.veritas.audit.AuditId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import java.util.Map;
import java.util.zip.Deflater;
/**
 * The JSON of finished audits, gzipped and ready to send. A completed, failed or cancelled audit never changes
 * again (it can only be deleted), so after one read its answer is served without three queries and a
 * serialisation. Gzipped, an audit with its findings takes a few kilobytes, so tens of thousands fit in the
 * budget. Entries are checked against the store's status on every hit, so a deletion elsewhere is seen at once.
 */
final class FinishedAuditCache {
    private final long budgetBytes;
    private final ConcurrentHashMap<AuditId, byte[]> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    FinishedAuditCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** The gzipped JSON, if cached. */
    Optional<byte[]> get(AuditId id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Caches the JSON and returns its gzipped form. */
    byte[] put(AuditId id, byte[] json) {
        byte[] gz = gzip(json);
        if (bytes.get() + gz.length > budgetBytes) {
            // Drop an arbitrary tenth rather than track recency: cheap, and hot audits come straight back.
            Iterator<Map.Entry<AuditId, byte[]>> it = entries.entrySet().iterator();
            for (int i = 0, n = Math.max(1, entries.size() / 10); i < n && it.hasNext(); i++) {
                bytes.addAndGet(-it.next().getValue().length);
                it.remove();
            }
        }
        byte[] old = entries.put(id, gz);
        bytes.addAndGet(gz.length - (old == null ? 0 : old.length));
        return gz;
    }

    void evict(AuditId id) {
        byte[] old = entries.remove(id);
        if (old != null) {
            bytes.addAndGet(-old.length);
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        // Fastest level: a cache miss is on a request's path; level 1 still shrinks audit JSON about fivefold.
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 8192)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
