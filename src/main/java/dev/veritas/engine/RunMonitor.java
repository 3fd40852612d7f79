package dev.veritas.engine;

import dev.veritas.audit.AuditStatus;
import dev.veritas.store.AuditStore;
import dev.veritas.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every running audit from outside its worker thread, so nothing a site does to that thread can stop it:
 * renews each run's lease (a heartbeat independent of the audit's progress, analysis included), notices a
 * cancellation within about a second, stops a run at its hard deadline, and reports runs that are still going well
 * after it (stuck: health says so) — its worker is then blocked in something no deadline reaches.
 *
 * <p>The lease is not renewed past a run's hard deadline, so a stuck run cannot keep its audit for ever: the lease
 * lapses, the recovery sweep re-queues the audit, and the stuck worker's later writes are refused by the store.
 */
final class RunMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunMonitor.class);
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration STATUS_POLL = Duration.ofSeconds(1);
    /** How long past its hard deadline a run may still be going before it counts as stuck. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(20);

    private final AuditStore store;
    private final Duration lease;
    private final Duration stuckAfter;
    private final Map<AuditRun, Long> lastRenewal = new ConcurrentHashMap<>();
    private final Map<AuditRun, Boolean> reportedStuck = new ConcurrentHashMap<>();
    private final ScheduledExecutorService deadlines = daemon("veritas-run-deadlines");
    private final ScheduledExecutorService heartbeat = daemon("veritas-run-heartbeat");

    /** A run still going well past its hard deadline. */
    record Stuck(String audit, String worker, Duration overdue) {}

    RunMonitor(AuditStore store, Duration lease) {
        this(store, lease, STUCK_AFTER, true);
    }

    /** {@code scheduled} false: nothing runs by itself, a test calls {@link #checkDeadlines} and {@link #beat} in turn. */
    RunMonitor(AuditStore store, Duration lease, Duration stuckAfter, boolean scheduled) {
        this.store = store;
        this.lease = lease;
        this.stuckAfter = stuckAfter;
        if (!scheduled) {
            return;
        }
        // Two threads: a slow store (a full disk, a locked database) must not delay stopping a run at its deadline.
        deadlines.scheduleWithFixedDelay(this::checkDeadlines, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        heartbeat.scheduleWithFixedDelay(this::beat, STATUS_POLL.toMillis(), STATUS_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    void register(AuditRun run) {
        lastRenewal.put(run, System.nanoTime());
    }

    void unregister(AuditRun run) {
        lastRenewal.remove(run);
        reportedStuck.remove(run);
    }

    List<AuditRun> runs() {
        return List.copyOf(lastRenewal.keySet());
    }

    /** Stops every run (the server's shutdown grace is over). */
    void stopAll(StopReason reason) {
        lastRenewal.keySet().forEach(r -> r.stop(reason));
    }

    List<Stuck> stuck() {
        long now = System.nanoTime();
        List<Stuck> out = new ArrayList<>();
        for (AuditRun r : lastRenewal.keySet()) {
            Duration overdue = r.overdue(now);
            if (overdue.compareTo(stuckAfter) > 0) {
                out.add(new Stuck(r.audit().id().value(), r.lease().worker().name(), overdue));
            }
        }
        return out;
    }

    void checkDeadlines() {
        try {
            long now = System.nanoTime();
            for (AuditRun r : lastRenewal.keySet()) {
                if (r.pastHardEnd(now)) {
                    r.stop(StopReason.DEADLINE);
                }
                if (r.overdue(now).compareTo(stuckAfter) > 0 && reportedStuck.putIfAbsent(r, Boolean.TRUE) == null) {
                    log.error("audit {} is stuck {} s past its deadline; its worker is blocked in:{}", r, r.overdue(now).toSeconds(),
                            stackOf(r.thread()));
                }
            }
        } catch (RuntimeException e) {
            log.error("the deadline watch hit an error and carries on", e);
        }
    }

    void beat() {
        for (AuditRun r : lastRenewal.keySet()) {
            try {
                beat(r);
            } catch (StoreException e) {
                log.warn("could not renew the lease of audit {}: {}", r, e.getMessage());
            } catch (RuntimeException e) {
                log.error("the heartbeat of audit {} hit an error", r, e);
            }
        }
    }

    private void beat(AuditRun r) {
        long now = System.nanoTime();
        Optional<AuditStatus> status = store.status(r.audit().id());
        if (status.isEmpty() || status.get() == AuditStatus.CANCELLED) {
            r.stop(StopReason.CANCELLED);
            return;
        }
        if (status.get() != AuditStatus.RUNNING) {
            r.stop(StopReason.LEASE_LOST);
            return;
        }
        Long last = lastRenewal.get(r);
        if (last == null || r.pastHardEnd(now) || now - last < lease.toNanos() / 3) {
            return;
        }
        if (store.renewLease(r.lease(), lease)) {
            lastRenewal.replace(r, now);
        } else {
            Optional<AuditStatus> after = store.status(r.audit().id());
            r.stop(after.isEmpty() || after.get() == AuditStatus.CANCELLED ? StopReason.CANCELLED : StopReason.LEASE_LOST);
        }
    }

    private static String stackOf(Thread t) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
            sb.append("\n\tat ").append(e);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        heartbeat.shutdownNow();
    }
}
