package dev.veritas.testing.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.Requirements;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The sites in headless Chromium, trusting the test CA the way Veritas does (its SPKI hash in
 * {@code --ignore-certificate-errors-spki-list}): the valid certificate is accepted and the broken ones are not,
 * and each site's scripts and styles work under its own CSP.
 */
@NeedsChromium
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TestSitesInChromiumTest {
    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private Page page;
    private final List<String> console = new CopyOnWriteArrayList<>();

    @BeforeAll
    void launch() {
        Path chromium = Requirements.chromium();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                        "--disable-background-networking",
                        "--ignore-certificate-errors-spki-list=" + TestCa.shared().caSpkiSha256Base64())));
    }

    @AfterAll
    void quit() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newPage() {
        console.clear();
        context = browser.newContext();
        page = context.newPage();
        page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void darkShopCountdownTicksAndRestartsOnReload() {
        try (TestSiteServer server = TestSiteServer.start(TestSite.DARK_SHOP)) {
            page.navigate(server.httpsUrl("/"));
            String atLoad = timer();

            page.waitForFunction("() => document.getElementById('countdown-timer').textContent <= '09:56'");
            String later = timer();
            page.reload();
            String afterReload = timer();

            assertThat(atLoad).isIn("09:59", "09:58");
            assertThat(later).isLessThanOrEqualTo("09:56").startsWith("09:");
            assertThat(afterReload).as("the deadline starts over on reload").isIn("09:59", "09:58");
            assertThat(page.textContent("#countdown")).startsWith("Offer ends in 09:5");
        }
    }

    @Test
    void darkShopToastAppearsAfterLoadAndTheOtherPatternsAreVisible() {
        try (TestSiteServer server = TestSiteServer.start(TestSite.DARK_SHOP)) {
            page.navigate(server.httpsUrl("/"));

            page.waitForSelector("#purchase-toast", new Page.WaitForSelectorOptions()
                    .setState(WaitForSelectorState.VISIBLE));
            assertThat(page.innerText("#purchase-toast")).isEqualTo("Emma from Leeds just bought this");
            for (String id : List.of("#newsletter-modal", "#modal-decline", "#low-stock", "#viewers", "#high-demand",
                    "#limited-time", "#vip-decline")) {
                assertThat(page.isVisible(id)).as(id).isTrue();
            }
            assertThat(page.evalOnSelector("#vip-decline", "e => getComputedStyle(e).fontSize")).isEqualTo("8px");
            assertThat(page.evalOnSelector("#vip-decline", "e => getComputedStyle(e).color"))
                    .isEqualTo("rgb(238, 238, 238)");
            page.click("#modal-decline");
            assertThat(page.isVisible("#newsletter-modal")).as("declining closes the pop-up").isFalse();
            assertThat(console).as("no script errors").noneMatch(m -> m.startsWith("error"));
        }
    }

    @Test
    void honestShopRunsItsScriptAndStylesUnderItsStrictCsp() {
        try (TestSiteServer server = TestSiteServer.start(TestSite.HONEST_SHOP)) {
            page.navigate(server.httpsUrl("/about"));

            page.waitForSelector(".main-nav a[aria-current=page]", new Page.WaitForSelectorOptions()
                    .setState(WaitForSelectorState.ATTACHED));
            assertThat(page.getAttribute(".main-nav a[aria-current=page]", "href")).isEqualTo("/about");
            assertThat(page.evalOnSelector("body", "e => getComputedStyle(e).fontFamily")).asString()
                    .contains("Georgia");
            assertThat(page.evalOnSelector(".brand img", "e => e.complete && e.naturalWidth")).isEqualTo(40);
            assertThat(console).as("nothing refused by the CSP, no errors").isEmpty();
        }
    }

    @Test
    void plainHttpRedirectsToTheHttpsListenerInTheBrowser() {
        try (TestSiteServer server = TestSiteServer.start(TestSite.HONEST_SHOP)) {
            page.navigate(server.httpUrl("/terms"));

            assertThat(page.url()).isEqualTo(server.httpsUrl("/terms"));
            assertThat(page.title()).isEqualTo("Terms of sale — Harbor Lane Goods");
        }
    }

    /**
     * Chromium rejects each broken leaf although the CA's key is on its allow-list, because those leaves are sent
     * without the CA. It cannot build a chain to a trusted root for them, so it reports ERR_CERT_AUTHORITY_INVALID for
     * all three (seen with Chromium 156); telling expired from wrong-host takes a JDK client trusting the CA PEM, as
     * {@code TestSiteServerTest.Certificates} shows.
     */
    @Test
    void brokenCertificatesAreRejectedDespiteTheCaOnTheAllowList() {
        for (CertVariant variant : List.of(CertVariant.EXPIRED, CertVariant.SELF_SIGNED, CertVariant.WRONG_HOST)) {
            try (TestSiteServer server = TestSiteServer.start(TestSite.HONEST_SHOP, variant)) {
                assertThatThrownBy(() -> page.navigate(server.httpsUrl("/")))
                        .as(variant.name())
                        .isInstanceOf(PlaywrightException.class)
                        .hasMessageContaining("net::ERR_CERT_");
                assertThat(server.requestsTo("/")).as("no request got through the handshake").isEmpty();
            }
        }
    }

    private String timer() {
        return page.textContent("#countdown-timer");
    }
}
