package dev.veritas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.bench.VeritasMain;
import org.junit.jupiter.api.Test;

class VeritasMainTest {
    @Test
    void theBenchmarksStartChildProcessesWithTheCliEntryPoint() {
        assertThat(VeritasMain.CLASS_NAME).isEqualTo(Main.class.getName());
    }
}
