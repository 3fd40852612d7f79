package dev.veritas.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free latency histogram with logarithmic buckets (about 4% wide) from 1 µs to about 70 s:
 * cheap enough to record every write, precise enough for p50/p99.
 */
public final class LatencyHistogram {
    private static final int SUB_BUCKETS = 16;
    private static final int MAGNITUDES = 27; // 2^0 .. 2^26 microseconds
    private final AtomicLongArray counts = new AtomicLongArray(MAGNITUDES * SUB_BUCKETS);
    private final LongAdder total = new LongAdder();
    private final LongAdder sumMicros = new LongAdder();

    public void record(long nanos) {
        long micros = Math.max(1, nanos / 1000);
        counts.incrementAndGet(bucket(micros));
        total.increment();
        sumMicros.add(micros);
    }

    public long count() {
        return total.sum();
    }

    public double meanMillis() {
        long n = total.sum();
        return n == 0 ? 0 : sumMicros.sum() / 1000.0 / n;
    }

    /** The latency below which {@code q} of the recorded values fall, in milliseconds. */
    public double percentileMillis(double q) {
        long n = 0;
        for (int i = 0; i < counts.length(); i++) {
            n += counts.get(i);
        }
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return upperMicros(i) / 1000.0;
            }
        }
        return upperMicros(counts.length() - 1) / 1000.0;
    }

    public void reset() {
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, 0);
        }
        total.reset();
        sumMicros.reset();
    }

    private static int bucket(long micros) {
        int magnitude = 63 - Long.numberOfLeadingZeros(micros);
        if (magnitude >= MAGNITUDES) {
            return MAGNITUDES * SUB_BUCKETS - 1;
        }
        long base = 1L << magnitude;
        int sub = (int) ((micros - base) * SUB_BUCKETS / base);
        return magnitude * SUB_BUCKETS + Math.min(sub, SUB_BUCKETS - 1);
    }

    private static double upperMicros(int bucket) {
        int magnitude = bucket / SUB_BUCKETS;
        int sub = bucket % SUB_BUCKETS;
        double base = 1L << magnitude;
        return base + base * (sub + 1) / SUB_BUCKETS;
    }
}
