package dev.veritas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veritas.capture.network.Network;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class EngineFlagsTest {
    private static EngineFlags parse(String... args) {
        EngineFlags flags = new EngineFlags();
        new CommandLine(flags).parseArgs(args);
        return flags;
    }

    @Test
    void theSecondLookDelayIsConfigurable() {
        assertThat(parse("--second-look", "7").options().capture().laterDelay()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void withoutTheFlagTheDefaultIsThreeSeconds() {
        assertThat(parse().options().capture().laterDelay()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void auditAndServeUseTheMachinesDnsAndTheUrlsPorts() {
        assertThat(parse("--allow-private").options().network()).isSameAs(Network.system());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "31", "-2"})
    void aDelayOutOfRangeIsRefusedWithTheRange(String seconds) {
        assertThatThrownBy(() -> parse("--second-look", seconds).options()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 30 seconds");
    }
}
