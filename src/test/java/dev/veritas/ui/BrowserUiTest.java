package dev.veritas.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.veritas.testing.Cleanup;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.Requirements;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every browser test of the UI starts from: a real server over a fresh data directory and one Chromium,
 * shared by the class's tests and closed after them. A machine without Chromium skips the class with the reason.
 */
@NeedsChromium
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserUiTest {
    @TempDir
    static Path dataDir;
    UiBackend backend;
    BrowserSession browser;

    @BeforeAll
    void start() {
        Path chromium = Requirements.chromium();
        // A real audit in Chromium on a busy 2-core machine can take a minute to reach the state a test waits for.
        PlaywrightAssertions.setDefaultAssertionTimeout(90_000);
        backend = new UiBackend(dataDir);
        browser = new BrowserSession(chromium);
    }

    @AfterAll
    void stop() throws Exception {
        Cleanup.closeAll(browser, backend);
    }

    static LocatorAssertions expect(Locator l) {
        return PlaywrightAssertions.assertThat(l);
    }
}
