package dev.veritas.server;

import dev.veritas.engine.Engine;
import dev.veritas.store.AuditStore;
import dev.veritas.store.StoreException;
import dev.veritas.store.Lease;
import dev.veritas.store.WorkerId;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger alive = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Timer durations;
    private volatile boolean accepting = true;

    WorkerPool(AuditStore store, Engine engine, int size, Timer durations) {
        this.store = store;
        this.engine = engine;
        this.durations = durations;
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

    /** Runs the oldest queued audit, if any; the engine ends it whatever happens to it. */
    private void runNext(WorkerId worker) {
        long t0 = System.nanoTime();
        boolean ran;
        try {
            ran = engine.runNext(worker);
        } catch (StoreException e) {
            log.warn("{} could not claim work: {}", worker.name(), e.getMessage());
            ran = false;
        } finally {
            if (accepting) {
                Thread.interrupted(); // a flag left over from this audit (a cancelled fetch sets it) must not reach the next
            }
        }
        if (ran) {
            durations.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        } else {
            // Idle time is when a browser killed by the last audit's watchdog is replaced, not the next audit's time.
            engine.warmUp();
            idle(); // the timeout also polls for audits queued by other processes
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

    int busy() {
        return engine.running().size();
    }

    /** Workers still running an audit well past its hard deadline, described for a person. */
    List<String> stuck() {
        return engine.stuck();
    }

    int size() {
        return threads.size();
    }

    /** Workers whose thread has started and not ended; fewer than {@link #size()} only once stopping (or if one died). */
    int alive() {
        return alive.get();
    }

    /**
     * Stops taking work and gives running audits {@code grace} to finish. Audits still running then are stopped
     * (their browsers killed if a call into a page is under way), so their workers hand them back to the queue
     * themselves; returns the leases of audits still running after that, which the caller re-queues.
     */
    List<Lease> stop(Duration grace) {
        accepting = false;
        wake();
        joinAll(grace);
        if (threads.stream().anyMatch(Thread::isAlive)) {
            log.info("{} audits still running after the grace period; stopping them", engine.running().size());
            engine.stopAll();
            joinAll(ABANDON_WAIT);
            if (threads.stream().anyMatch(Thread::isAlive)) {
                // Stopping reaches every call a site can hold up; an interrupt is the last resort for anything else.
                threads.forEach(Thread::interrupt);
                joinAll(ABANDON_WAIT);
            }
        }
        return engine.running();
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
