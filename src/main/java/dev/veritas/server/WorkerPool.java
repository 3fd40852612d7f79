package dev.veritas.server;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;
import dev.veritas.engine.Engine;
import dev.veritas.metrics.LatencyHistogram;
import dev.veritas.store.AuditStore;
import dev.veritas.store.StoreException;
import dev.veritas.store.WorkerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** After the grace period, how long interrupted workers get to hand their audits back themselves. */
    private static final Duration ABANDON_WAIT = Duration.ofSeconds(5);

    private final AuditStore store;
    private final Engine engine;
    private final Duration lease;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<AuditId, WorkerId> running = new ConcurrentHashMap<>();
    private final AtomicInteger alive = new AtomicInteger();
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
        for (Thread t : threads) {
            alive.incrementAndGet(); // counted here, not in the thread, so health right after start is not "degraded"
            t.start();
        }
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
                try {
                    runNext(worker);
                } catch (RuntimeException | Error e) {
                    // A bug outside any audit (claiming work) must not take the worker with it, or the pool shrinks
                    // silently; wait a moment so a persistent fault does not spin.
                    log.error("{} hit an unexpected error and carries on", worker.name(), e);
                    idle();
                }
            }
        } finally {
            alive.decrementAndGet();
            try {
                engine.releaseThreadResources();
            } catch (RuntimeException e) {
                log.warn("{} could not close its browser: {}", worker.name(), e.getMessage());
            }
        }
    }

    private void runNext(WorkerId worker) {
        Optional<Audit> next;
        try {
            next = store.claimNext(worker, lease);
        } catch (StoreException e) {
            log.warn("{} could not claim work: {}", worker.name(), e.getMessage());
            next = Optional.empty();
        }
        if (next.isEmpty()) {
            idle(); // the timeout also polls for audits queued by other processes
            return;
        }
        Audit audit = next.get();
        running.put(audit.id(), worker);
        long t0 = System.nanoTime();
        try {
            log.info("{} runs audit {} of {}", worker.name(), audit.id(), audit.url());
            engine.run(audit, worker);
        } catch (RuntimeException | Error e) {
            giveUp(audit, worker, e);
        } finally {
            running.remove(audit.id());
            durations.record(System.nanoTime() - t0);
            if (accepting) {
                Thread.interrupted(); // a flag left over from this audit (a cancelled fetch sets it) must not reach the next
            }
        }
    }

    /** Waits up to a second for {@link #wake()}. */
    private void idle() {
        lock.lock();
        try {
            if (accepting) {
                work.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            // stop() interrupts only after it stopped accepting, which the loop checks next; any other interrupt is a
            // flag left over from an audit (a cancelled fetch sets it again) and must not make every wait fail.
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends an audit whose run escaped the engine with an error, so it does not sit {@code running} until its lease
     * expires. During shutdown it goes back to the queue instead: the shutdown is the likelier cause.
     */
    private void giveUp(Audit audit, WorkerId worker, Throwable e) {
        log.error("{} could not finish audit {}", worker.name(), audit.id(), e);
        try {
            if (!accepting) {
                store.release(audit.id(), worker, Engine.SHUTDOWN_REASON);
            } else if (store.renewLease(audit.id(), worker, lease)) {
                store.fail(audit.id(), "internal error while auditing (" + e.getClass().getSimpleName() + "); please report it with the audit id "
                        + audit.id());
            }
        } catch (RuntimeException again) {
            log.warn("could not end audit {} ({}); the recovery sweep re-queues it when its lease expires", audit.id(), again.getMessage());
        }
    }

    int busy() {
        return running.size();
    }

    int size() {
        return threads.size();
    }

    /** Workers whose thread has started and not ended; fewer than {@link #size()} only once stopping (or if one died). */
    int alive() {
        return alive.get();
    }

    LatencyHistogram durations() {
        return durations;
    }

    /**
     * Stops taking work and gives running audits {@code grace} to finish. Workers still busy then are interrupted
     * so they hand their audits back themselves (the engine releases rather than fails an audit during shutdown);
     * returns the audits still running after that, with their workers, which the caller re-queues.
     */
    Map<AuditId, WorkerId> stop(Duration grace) {
        accepting = false;
        wake();
        joinAll(grace);
        if (threads.stream().anyMatch(Thread::isAlive)) {
            log.info("{} audits still running after the grace period; interrupting their workers", running.size());
            threads.forEach(Thread::interrupt);
            joinAll(ABANDON_WAIT);
        }
        return Map.copyOf(running);
    }

    private void joinAll(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        for (Thread t : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return;
            }
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
