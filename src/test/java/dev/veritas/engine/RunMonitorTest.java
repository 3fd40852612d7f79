package dev.veritas.engine;

import static dev.veritas.testing.Samples.newAudit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veritas.capture.CaptureStoppedException;
import dev.veritas.store.Claim;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor that watches runs from outside their worker threads, driven tick by tick: it stops a run at its hard
 * deadline, reports it stuck when it keeps going, notices a cancellation and a lease taken over, and renews leases.
 */
class RunMonitorTest {
    private static final WorkerId WORKER = WorkerId.current().named("monitored");
    private static final Duration LEASE = Duration.ofMillis(300);

    @TempDir
    Path dataDir;
    MutableClock clock;
    SqliteAuditStore store;
    RunMonitor monitor;

    @BeforeEach
    void open() {
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir).withClock(clock));
        monitor = new RunMonitor(store, LEASE, Duration.ZERO, false);
    }

    @AfterEach
    void close() {
        monitor.close();
        store.close();
    }

    private AuditRun run(Duration wall) {
        Claim claim = store.createRunning(newAudit("https://watched.example/"), WORKER, LEASE);
        AuditRun run = new AuditRun(claim, new Progress(store, claim.lease()), wall, Duration.ZERO, Duration.ZERO);
        monitor.register(run);
        return run;
    }

    @Test
    void aRunPastItsHardDeadlineIsStoppedAndThenReportedStuck() {
        AuditRun late = run(Duration.ZERO);
        AuditRun fine = run(Duration.ofMinutes(5));
        monitor.checkDeadlines();
        assertThat(late.stopReason()).contains(StopReason.DEADLINE);
        assertThatThrownBy(late::checkpoint).isInstanceOf(RunStoppedException.class);
        assertThatThrownBy(() -> late.capture().checkpoint()).isInstanceOf(CaptureStoppedException.class)
                .hasMessageContaining("time budget");
        assertThat(fine.stopReason()).isEmpty();
        assertThat(monitor.stuck()).extracting(RunMonitor.Stuck::audit).containsExactly(late.audit().id().value());
        monitor.unregister(late);
        assertThat(monitor.stuck()).isEmpty();
    }

    @Test
    void aCancellationIsNoticedAtTheNextBeat() {
        AuditRun run = run(Duration.ofMinutes(5));
        monitor.beat();
        assertThat(run.stopReason()).isEmpty();
        store.cancel(run.audit().id(), "a user changed their mind");
        monitor.beat();
        assertThat(run.stopReason()).contains(StopReason.CANCELLED);
    }

    @Test
    void aLeaseTakenOverStopsTheRunAsLost() {
        AuditRun run = run(Duration.ofMinutes(5));
        // The lease lapses (a long pause), the sweep re-queues the audit and another worker claims it.
        assertThat(store.release(run.lease(), "test")).isTrue();
        Claim other = store.claimNext(WORKER.named("other"), LEASE).orElseThrow();
        assertThat(other.id()).isEqualTo(run.audit().id());
        // The audit is running (for the other worker): the renewal, due after a third of the lease, finds out.
        beatForAThirdOfTheLease();
        assertThat(run.stopReason()).contains(StopReason.LEASE_LOST);
    }

    @Test
    void theHeartbeatRenewsTheLeaseWithoutAnyProgressFromTheRun() {
        AuditRun run = run(Duration.ofMinutes(5));
        clock.advance(Duration.ofMillis(200));
        beatForAThirdOfTheLease();
        // 400 ms after the claim: past the lease the claim took (300 ms), within the one the heartbeat renewed at 200 ms.
        clock.advance(Duration.ofMillis(200));
        assertThat(store.recoverInterrupted().requeued()).isEmpty();
        assertThat(run.stopReason()).isEmpty();
        clock.advance(LEASE);
        assertThat(store.recoverInterrupted().requeued()).containsExactly(run.audit().id());
    }

    /** Beats for as long as the monitor waits between renewals (a third of the lease, on the monotonic clock). */
    private void beatForAThirdOfTheLease() {
        long until = System.nanoTime() + LEASE.toNanos() / 3 + Duration.ofMillis(20).toNanos();
        while (System.nanoTime() < until) {
            monitor.beat();
        }
        monitor.beat();
    }
}
