package dev.veritas.capture.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Playwright's driver is unpacked once beside the Veritas classes and every later start points Playwright at it. */
class PlaywrightDriverTest {
    @Test
    void theDriverIsUnpackedOnceIntoAStableDirectoryThatPlaywrightIsPointedAt() throws Exception {
        PlaywrightDriver.prepare();

        String dir = System.getProperty(PlaywrightDriver.CLI_DIR);
        assertThat(dir).as("playwright.cli.dir").isNotNull();
        Path driver = Path.of(dir);
        // Beside the classes (target/ in a build), named by the driver's version, whole: Playwright runs node and package/cli.js from it.
        assertThat(driver.getFileName().toString()).startsWith("playwright-driver-");
        assertThat(driver.resolve(".veritas-complete")).isRegularFile();
        assertThat(driver.resolve("node")).isExecutable();
        assertThat(driver.resolve("package").resolve("cli.js")).isRegularFile();
        // No half-unpacked copies are left beside it.
        try (var siblings = Files.list(driver.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".playwright-driver-"));
        }
    }
}
