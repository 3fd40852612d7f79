package dev.veritas.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SignalTallyTest {
    @Test
    void aCleanTallyReadsAsNoConcernWithTheCleanSummary() {
        CheckOutcome o = new SignalTally().outcome("x", 0.9, "nothing found", List.of());
        assertThat(o.signal().orElseThrow().score()).isEqualTo(1.0);
        assertThat(o.signal().orElseThrow().summary()).isEqualTo("nothing found");
        assertThat(o.signal().orElseThrow().confidence()).isEqualTo(0.9);
    }

    @Test
    void theWorstCeilingDecidesAndDeductionsAddUp() {
        SignalTally t = new SignalTally().atMost(0.5, "a").atMost(0.8, "b").deduct(0.1, "c").deduct(0.05);
        assertThat(t.score()).isCloseTo(0.35, Offset.offset(1e-9));
        assertThat(t.outcome("x", 1, "clean", List.of()).signal().orElseThrow().summary()).isEqualTo("a, b, c");
    }

    @Test
    void aScoreTakenBelowZeroReadsAsZeroAndRepeatedReasonsAreSaidOnce() {
        CheckOutcome o = new SignalTally("missing: ").atMost(0, "miner").deduct(0.3, "miner").note("lure")
                .outcome("x", 1, "clean", List.of());
        assertThat(o.signal().orElseThrow().score()).isZero();
        assertThat(o.signal().orElseThrow().summary()).isEqualTo("missing: miner, lure");
    }
}
