package dev.veritas.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.veritas.engine.EngineOptions;
import dev.veritas.server.ServerConfig;
import dev.veritas.server.VeritasServer;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.Requirements;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server started with an API token: the UI asks for it once, keeps it, and sends it. */
@NeedsChromium
class TokenPromptTest {
    private static final String TOKEN = "ui-test-token-0123456789abcdef";

    @Test
    void theUiAsksForTheTokenOnceAndThenUsesIt(@TempDir Path dataDir) {
        Path chromium = Requirements.chromium();
        try (VeritasServer server = new VeritasServer(ServerConfig.local(0, EngineOptions.defaults().withAllowPrivate(true)).withToken(TOKEN),
                SqliteAuditStore.open(SqliteOptions.defaults(dataDir))).start();
             BrowserSession browser = new BrowserSession(chromium);
             BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            String base = "http://127.0.0.1:" + server.port();
            page.navigate(base + "/history");
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            PlaywrightAssertions.assertThat(dialog).containsText("API token needed");
            PlaywrightAssertions.assertThat(dialog).containsText("this server needs an API token");
            w.screenshot("token-dialog");
            Locator field = dialog.getByLabel("API token");
            PlaywrightAssertions.assertThat(field).isFocused();
            field.fill(TOKEN);
            field.press("Enter");
            PlaywrightAssertions.assertThat(page.locator(".result-summary")).hasText("0 audits match");
            PlaywrightAssertions.assertThat(page.locator(".state-empty")).containsText("No audit matches");

            // Kept in the browser: the next pages ask no more, and the event stream gets it too (?access_token=).
            page.navigate(base + "/");
            PlaywrightAssertions.assertThat(page.locator(".recent .state-empty")).containsText("No audits yet");
            Locator address = page.getByLabel("Website address");
            address.fill("http://127.0.0.1:1/");
            address.press("Enter");
            page.waitForURL(u -> u.contains("/audits/vrts_"));
            PlaywrightAssertions.assertThat(page.locator(".log li").first()).containsText("Starting");
            PlaywrightAssertions.assertThat(page.locator(".banner-failed")).containsText("The audit failed");
            PlaywrightAssertions.assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
            w.assertClean(401);
        }
    }
}
