package dev.veritas.store.sqlite;

import dev.veritas.metrics.LatencyHistogram;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the group-commit writer, for metrics and the benchmark. */
public final class WriterStats {
    private final LongAdder units = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder busyRetries = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();
    private final AtomicLong maxBatch = new AtomicLong();
    private final LatencyHistogram ackLatency = new LatencyHistogram();

    void recordBatch(int size, long nanos) {
        units.add(size);
        batches.increment();
        commitNanos.add(nanos);
        maxBatch.accumulateAndGet(size, Math::max);
    }

    void recordAck(long nanos) {
        ackLatency.record(nanos);
    }

    void recordFailure() {
        failures.increment();
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

    public double meanCommitMillis() {
        long b = batches.sum();
        return b == 0 ? 0 : commitNanos.sum() / 1e6 / b;
    }

    /** Time from a unit's submission to its acknowledgement (after COMMIT). */
    public LatencyHistogram ackLatency() {
        return ackLatency;
    }
}
