package dev.veritas.store.sqlite;

import dev.veritas.metrics.LatencyHistogram;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the group-commit writer, for metrics and the benchmark. */
public final class WriterStats implements MeterBinder {
    /** Acknowledgements: a group commit on a quiet disk (a fraction of a millisecond) up to a slow fsync (a second). */
    private static final Duration[] ACK_BUCKETS = {Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1),
            Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)};

    private final LongAdder units = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder busyRetries = new LongAdder();
    private final LongAdder restarts = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();
    private final LongAdder commitCpuNanos = new LongAdder();
    private final AtomicLong maxBatch = new AtomicLong();
    private final LatencyHistogram ackLatency = new LatencyHistogram();
    /** The same acknowledgements for the server's metrics, once it has bound them. */
    private volatile Timer ackTimer;

    void recordBatch(int size, long nanos, long cpuNanos) {
        units.add(size);
        batches.increment();
        commitNanos.add(nanos);
        commitCpuNanos.add(cpuNanos);
        maxBatch.accumulateAndGet(size, Math::max);
    }

    void recordAck(long nanos) {
        ackLatency.record(nanos);
        Timer t = ackTimer;
        if (t != null) {
            t.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ackTimer = Timer.builder("veritas.store.write.latency").description("Time from submitting a write to its acknowledgement (group commit; at FULL after the WAL flush).")
                .serviceLevelObjectives(ACK_BUCKETS).register(registry);
        Gauge.builder("veritas.store.write.batch.mean", this, WriterStats::meanBatch).description("Mean units of work per group commit.")
                .register(registry);
    }

    void recordFailure() {
        failures.increment();
    }

    void recordRestart() {
        restarts.increment();
    }

    void recordBusyRetry() {
        busyRetries.increment();
    }

    public long units() {
        return units.sum();
    }

    public long batches() {
        return batches.sum();
    }

    public long failures() {
        return failures.sum();
    }

    public long busyRetries() {
        return busyRetries.sum();
    }

    /** How many times the writer thread stopped unexpectedly and was started again. */
    public long restarts() {
        return restarts.sum();
    }

    public long maxBatch() {
        return maxBatch.get();
    }

    public double meanBatch() {
        long b = batches.sum();
        return b == 0 ? 0 : (double) units.sum() / b;
    }

    /** Total time spent inside group commits (begin to commit), in milliseconds. */
    public double busyMillis() {
        return commitNanos.sum() / 1e6;
    }

    /**
     * CPU time the writer thread spent inside group commits, in milliseconds. Unlike {@link #busyMillis()} it does not
     * grow when other programs take the core away from the writer, so per unit it is comparable across loaded runs.
     */
    public double cpuMillis() {
        return commitCpuNanos.sum() / 1e6;
    }

    public double meanCommitMillis() {
        long b = batches.sum();
        return b == 0 ? 0 : commitNanos.sum() / 1e6 / b;
    }

    /** Time from a unit's submission to its acknowledgement (after COMMIT; at synchronous=FULL after the WAL's flush). */
    public LatencyHistogram ackLatency() {
        return ackLatency;
    }
}
