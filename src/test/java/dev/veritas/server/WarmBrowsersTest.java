package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.Slow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server's workers start their browsers before any audit arrives, so the first audit does not wait for Chromium;
 * a server told not to use a browser starts none.
 */
@NeedsChromium
@Slow
class WarmBrowsersTest {
    private static final Duration LAUNCH_LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void eachWorkerHasABrowserBeforeItsFirstAudit() throws Exception {
        try (ServerProcess server = ServerProcess.start(dir, Map.of(), "serve", "--port", "0", "--workers", "2",
                "--data", dir.resolve("data").toString())) {
            long browsers = awaitBrowsers(server, 2);
            assertThat(browsers).as("one browser per worker, started with no audit queued").isEqualTo(2);
            assertThat(new ApiClient(server.port()).get("/api/health").json().path("queue_depth").asInt()).isZero();
        }
    }

    @Test
    void aServerWithoutBrowserStartsNone() throws Exception {
        try (ServerProcess server = ServerProcess.start(dir, Map.of(), "serve", "--port", "0", "--workers", "2", "--no-browser",
                "--data", dir.resolve("data").toString())) {
            // Once the server answers its workers have been idle: the warm-up happens before the first idle wait.
            new ApiClient(server.port()).get("/api/health");
            long idleRounds = awaitBrowsers(server, 1, Duration.ofSeconds(3));
            assertThat(idleRounds).isZero();
        }
    }

    private static long awaitBrowsers(ServerProcess server, long wanted) {
        return awaitBrowsers(server, wanted, LAUNCH_LIMIT);
    }

    /** Browser main processes under the server (not their renderers and helpers), once exactly {@code wanted} are up or the limit passes. */
    private static long awaitBrowsers(ServerProcess server, long wanted, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        long n;
        do {
            n = ProcessHandle.of(server.pid()).map(p -> p.descendants().filter(WarmBrowsersTest::isBrowserMain).count()).orElse(0L);
            // Exactly the number wanted: a browser whose launch overran its deadline is killed and replaced, and for a
            // moment both are under the server, so a count above the wanted one is waited out, not taken as the answer.
            if (n == wanted) {
                return n;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        } while (System.nanoTime() < end);
        return n;
    }

    /**
     * The browser process Playwright starts (it talks to it over a pipe); its renderers, zygotes and crash handler are not
     * counted, nor the shell of Debian's {@code /usr/bin/chromium} launcher script, whose subshells carry the browser's
     * arguments for a moment before it hands over to the browser itself.
     */
    private static boolean isBrowserMain(ProcessHandle p) {
        Optional<String> cmd = p.info().commandLine();
        boolean browserExecutable = p.info().command().map(c -> c.contains("chrom")).orElse(false);
        return browserExecutable && cmd.isPresent() && cmd.get().contains("--remote-debugging-pipe") && !cmd.get().contains("--type=");
    }
}
