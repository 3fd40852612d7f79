package dev.veritas.engine;

import dev.veritas.audit.Audit;
import dev.veritas.capture.Deadline;
import dev.veritas.store.Claim;
import dev.veritas.store.Lease;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One audit's life from claim to its one final transaction: the lease every write carries, the time it may take,
 * whether it was told to stop and why, and its progress events. The worker thread runs it ({@link Engine}); the
 * {@link RunMonitor} renews its lease, notices cancellation and, past its hard deadline, stops it — the capture's
 * {@link Deadline} then cuts short whatever call into the site is still running.
 *
 * <p>Times: the capture must end {@link #ANALYSIS_RESERVE} before the tier's wall time, leaving room to analyse,
 * judge and store; at the wall time plus {@link #HARD_MARGIN} the run is stopped whatever it is doing.
 */
final class AuditRun {
    /** Kept at the end of the tier's time for the checks, the judge and the final write. */
    static final Duration ANALYSIS_RESERVE = Duration.ofSeconds(5);
    /** How far past its tier's time a run may go before it is stopped from outside. */
    static final Duration HARD_MARGIN = Duration.ofSeconds(10);

    private final Claim claim;
    private final Progress progress;
    private final Deadline capture;
    private final long startNanos = System.nanoTime();
    private final long hardEndNanos;
    private final AtomicReference<StopReason> stop = new AtomicReference<>();
    private final Thread thread = Thread.currentThread();

    AuditRun(Claim claim, Progress progress) {
        this(claim, progress, claim.audit().tier().wallTime(), ANALYSIS_RESERVE, HARD_MARGIN);
    }

    /** A run with its own times (tests give it seconds instead of a tier's minutes). */
    AuditRun(Claim claim, Progress progress, Duration wall, Duration reserve, Duration margin) {
        this.claim = claim;
        this.progress = progress;
        this.capture = Deadline.in(wall.minus(reserve).isNegative() ? Duration.ZERO : wall.minus(reserve));
        this.hardEndNanos = startNanos + wall.plus(margin).toNanos();
    }

    Audit audit() {
        return claim.audit();
    }

    Lease lease() {
        return claim.lease();
    }

    Progress progress() {
        return progress;
    }

    /** The deadline of everything the capture does; stopped with the run. */
    Deadline capture() {
        return capture;
    }

    /** Stops the run for {@code reason} (the first reason wins) and cuts short the call into the site now running. */
    void stop(StopReason reason) {
        if (stop.compareAndSet(null, reason)) {
            capture.stop(reason.description());
        }
    }

    Optional<StopReason> stopReason() {
        return Optional.ofNullable(stop.get());
    }

    /** A safe point: throws {@link RunStoppedException} once the run was stopped. */
    void checkpoint() {
        StopReason r = stop.get();
        if (r != null) {
            throw new RunStoppedException(r);
        }
    }

    boolean pastHardEnd(long nowNanos) {
        return nowNanos - hardEndNanos > 0;
    }

    /** How long past its hard end the run still is, zero before it. */
    Duration overdue(long nowNanos) {
        return Duration.ofNanos(Math.max(0, nowNanos - hardEndNanos));
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The worker thread, for the stack trace of a run that is stuck. */
    Thread thread() {
        return thread;
    }

    @Override
    public String toString() {
        return lease().toString();
    }
}
