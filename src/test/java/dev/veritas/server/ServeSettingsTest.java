package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.testing.CliRun;
import dev.veritas.testing.Slow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `veritas serve` with a setting that makes no sense says which one, and what it takes, in one line (exit code 2). */
@Slow
class ServeSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aBadFlagIsNamedWithWhatItTakes() {
        record Case(List<String> flags, String says) {}
        for (Case c : List.of(
                new Case(List.of("--port", "abc"), "--port must be a port number from 0 to 65535"),
                new Case(List.of("--port", "70000"), "--port must be a port number from 0 to 65535"),
                new Case(List.of("--workers", "many"), "--workers must be a whole number of audits to run at once, from 1 to 64"),
                new Case(List.of("--workers", "0"), "--workers must be a whole number of audits to run at once, from 1 to 64"),
                new Case(List.of("--shutdown-grace", "-1"), "--shutdown-grace must be a whole number of seconds"))) {
            CliRun r = CliRun.run(Stream.concat(Stream.of("serve", "--data", dir.resolve("data").toString()),
                    c.flags().stream()).toArray(String[]::new));
            assertThat(r.code()).as("%s → %s", c.flags(), r.err()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("veritas: " + c.says()).contains("got '" + c.flags().get(1) + "'")
                    .doesNotContain("For input string").doesNotContain("Exception");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
        assertThat(dir.resolve("data")).as("nothing was opened").doesNotExist();
    }

    @Test
    void aBadEnvironmentVariableIsNamedWithWhatItTakes() throws Exception {
        for (Map.Entry<String, String> e : Map.of(
                "VERITAS_WORKERS", "abc",
                "VERITAS_PORT", "http").entrySet()) {
            try (ServerProcess p = ServerProcess.start(dir, Map.of(e.getKey(), e.getValue()), "serve", "--data", dir.resolve("data").toString())) {
                assertThat(p.awaitExit(60)).as("%s", p.output()).isEqualTo(2);
                assertThat(p.output()).as("%s=%s", e.getKey(), e.getValue()).hasSize(1);
                assertThat(p.output().get(0)).startsWith("veritas: " + e.getKey() + " must be ").contains("got '" + e.getValue() + "'")
                        .doesNotContain("For input string");
            }
        }
    }
}
