package dev.veritas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.config.Env;
import dev.veritas.testing.Slow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Guards the store's speed by a ratio, never a time: Veritas' write rate at synchronous=NORMAL against SQLite's own
 * limit (the C-API baseline) measured beside it in the same run. A change that puts round trips or work back on the
 * writer's path shows here as a ratio that falls by more than the margin; a loaded machine slows both sides alike.
 */
@Slow
@Isolated("a ratio of two rates measured side by side: other test classes on the same cores would load one side more than the other")
class StoreRatioSmokeTest {
    /**
     * The ratio to expect on a quiet 2-core machine. The full benchmark measured 0.55 there before issue 13's round,
     * whose savings (a smaller page cache, the driver's auto-commit emulation gone, fewer binds) cut the writer's CPU
     * per unit by 20–30%, which puts the ratio near 0.7–0.8; a change that undid them would fall to the margin. (A loaded
     * machine favours Veritas: there the test measured 1.12–1.68 before and 1.24 after, because the C program waits for
     * its own checkpoints.)
     */
    static final double REFERENCE = 0.75;
    /** How far below the reference a run may fall before the test fails; the spread of 3 short runs, and some. */
    static final double MARGIN = 0.20;

    @TempDir
    Path dir;

    @Test
    void veritasKeepsItsRatioToTheCApiLimit() throws Exception {
        StringWriter log = new StringWriter();
        StoreBenchmark bench = new StoreBenchmark(dir, 1500, 8, 10_000, new PrintWriter(log));
        StoreBenchmark.Smoke smoke;
        try {
            smoke = bench.smoke(3);
        } catch (IllegalStateException e) {
            if (Env.isCi()) {
                throw e;
            }
            Assumptions.abort("C-API baseline unavailable: " + e.getMessage());
            return;
        }
        System.out.printf("store smoke: ratios %s, median %.2f; writer CPU %.0f us/unit, C API %.0f us/unit%n",
                smoke.ratios(), smoke.median(), smoke.writerCpuMicros(), smoke.capiCpuMicros());
        assertThat(smoke.median()).as("Veritas NORMAL / C API NORMAL, median of %s", smoke.ratios())
                .isGreaterThan(REFERENCE - MARGIN);
    }
}
