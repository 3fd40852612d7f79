package dev.veritas.store;

import dev.veritas.audit.AuditId;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tells readers that an audit may have new events, so a stream can follow live without polling hard.
 * It carries no data: readers always read events from the store, so nothing is seen that is not committed.
 * Waits take a timeout because writes from another process are not signalled here.
 */
public final class EventSignal {
    private final ConcurrentHashMap<AuditId, Long> generations = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    /** The current generation of an audit's events; pass it to {@link #awaitChange}. */
    public long generation(AuditId id) {
        return generations.getOrDefault(id, 0L);
    }

    public void signal(AuditId id) {
        generations.merge(id, 1L, Long::sum);
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the audit's generation differs from {@code seen}, or the timeout passes. */
    public void awaitChange(AuditId id, long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (generation(id) == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Forgets an audit that has ended, so the map does not grow without bound. */
    public void forget(AuditId id) {
        generations.remove(id);
    }
}
