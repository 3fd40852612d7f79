package dev.veritas.server;

import dev.veritas.audit.Audit;
import dev.veritas.engine.Engine;
import dev.veritas.metrics.LatencyHistogram;
import dev.veritas.store.AuditStore;
import dev.veritas.store.StoreException;
import dev.veritas.store.WorkerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that run audits in the server. Each claims the oldest queued audit from the store (so audits
 * survive restarts and any node may take them), runs it, and claims the next. A submission wakes them at once;
 * otherwise they look again every second, for audits queued by another process.
 */
final class WorkerPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    private final AuditStore store;
    private final Engine engine;
    private final Duration lease;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<dev.veritas.audit.AuditId> running = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final LatencyHistogram durations = new LatencyHistogram();
    private volatile boolean accepting = true;

    WorkerPool(AuditStore store, Engine engine, int size, Duration lease) {
        this.store = store;
        this.engine = engine;
        this.lease = lease;
        for (int i = 0; i < size; i++) {
            WorkerId id = WorkerId.current().named("worker-" + (i + 1));
            Thread t = new Thread(() -> loop(id), "veritas-" + id.name());
            t.setDaemon(true); // at exit the shutdown hook re-queues what is still running
            threads.add(t);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    /** A new audit is queued: wake a worker now rather than at its next look. */
    void wake() {
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop(WorkerId worker) {
        try {
            while (accepting) {
                Optional<Audit> next;
                try {
                    next = store.claimNext(worker, lease);
                } catch (StoreException e) {
                    log.warn("{} could not claim work: {}", worker.name(), e.getMessage());
                    next = Optional.empty();
                }
                if (next.isEmpty()) {
                    lock.lock();
                    try {
                        if (accepting) {
                            work.await(1, TimeUnit.SECONDS); // also polls for audits queued by other processes
                        }
                    } finally {
                        lock.unlock();
                    }
                    continue;
                }
                Audit audit = next.get();
                running.add(audit.id());
                long t0 = System.nanoTime();
                try {
                    log.info("{} runs audit {} of {}", worker.name(), audit.id(), audit.url());
                    engine.run(audit, worker);
                } finally {
                    running.remove(audit.id());
                    durations.record(System.nanoTime() - t0);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            engine.releaseThreadResources();
        }
    }

    int busy() {
        return running.size();
    }

    int size() {
        return threads.size();
    }

    LatencyHistogram durations() {
        return durations;
    }

    /**
     * Stops taking work, gives running audits {@code grace} to finish, and returns those still running, which the
     * caller re-queues for the next start.
     */
    Set<dev.veritas.audit.AuditId> stop(Duration grace) {
        accepting = false;
        wake();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : threads) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Set.copyOf(running);
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
