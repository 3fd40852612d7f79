package dev.veritas.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The histogram's percentiles land within a bucket's width (about 6%) of the true value, and its edges hold. */
class LatencyHistogramTest {
    @Test
    void percentilesAreWithinABucketOfTheTrueValue() {
        LatencyHistogram h = new LatencyHistogram();
        for (int ms = 1; ms <= 1000; ms++) {
            h.record(Duration.ofMillis(ms).toNanos());
        }
        assertThat(h.count()).isEqualTo(1000);
        assertThat(h.percentileMillis(0.50)).isCloseTo(500, within(500 * 0.07));
        assertThat(h.percentileMillis(0.99)).isCloseTo(990, within(990 * 0.07));
        assertThat(h.percentileMillis(1.0)).isCloseTo(1000, within(1000 * 0.07));
        assertThat(h.meanMillis()).isCloseTo(500.5, within(0.01));
    }

    @Test
    void aPercentileIsNeverBelowTheValuesItCovers() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(Duration.ofMillis(3).toNanos());
        assertThat(h.percentileMillis(0.5)).isGreaterThanOrEqualTo(3.0).isLessThan(3.3);
    }

    @Test
    void emptyReadsZeroAndResetEmpties() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentileMillis(0.99)).isZero();
        assertThat(h.meanMillis()).isZero();
        h.record(Duration.ofSeconds(1).toNanos());
        h.reset();
        assertThat(h.count()).isZero();
        assertThat(h.percentileMillis(0.5)).isZero();
    }

    @Test
    void valuesBeyondTheRangeLandInTheLastBucketAndTinyOnesInTheFirst() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(Duration.ofHours(5).toNanos());
        h.record(1);
        assertThat(h.percentileMillis(1.0)).isGreaterThan(60_000).isLessThan(140_000);
        assertThat(h.percentileMillis(0.5)).isLessThan(0.01);
    }
}
