package dev.veritas.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.veritas.json.Json;
import dev.veritas.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in Chromium against a real server auditing the test sites: start an audit from the home page, watch
 * it, reload it mid-way, read the report, open a screenshot, filter the history, compare, and follow a site over
 * time. Every page is checked for console errors, photographed into target/ui-screenshots/, and shown on a phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiTest {
    private static final Pattern AUDIT_PAGE = Pattern.compile(".*/audits/vrts_[0-9a-f]+$");

    @TempDir
    static Path dataDir;
    UiBackend backend;
    BrowserSession browser;

    @BeforeAll
    void start() {
        Path chromium = Requirements.chromium();
        PlaywrightAssertions.setDefaultAssertionTimeout(90_000);
        backend = new UiBackend(dataDir);
        browser = new BrowserSession(chromium);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    private static LocatorAssertions expect(Locator l) {
        return PlaywrightAssertions.assertThat(l);
    }

    private String honestAudit() {
        return backend.prepared("honest", () -> backend.submit(backend.honest.httpsUrl("/"), "quick_scan"));
    }

    private String darkAudit() {
        return backend.prepared("dark", () -> backend.submit(backend.dark.httpsUrl("/"), "quick_scan"));
    }

    @Test
    void anAuditStartedFromTheHomePageIsFollowedLiveSurvivesAReloadAndBecomesTheReport() throws Exception {
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/"));
            Locator address = page.getByLabel("Website address");
            expect(address).isFocused();
            w.screenshot("home");
            w.assertFitsPhone("home");

            address.fill(backend.dark.httpsUrl("/"));
            page.getByText("Standard audit", new Page.GetByTextOptions().setExact(true)).click();
            address.press("Enter");
            page.waitForURL(AUDIT_PAGE);
            String id = page.url().substring(page.url().lastIndexOf('/') + 1);

            // Live: phases advance, pages and findings arrive.
            expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Auditing");
            expect(page.locator(".phase[data-phase=capture].phase-active, .phase[data-phase=capture].phase-done")).hasCount(1);
            expect(page.locator(".page-list li").first()).isVisible();
            expect(page.locator(".thumb-grid .thumb").first()).isVisible();
            w.screenshot("live");
            assertThat(backend.audit(id).path("status").asText()).as("the audit is still running when the page reloads").isEqualTo("running");

            // A reload mid-audit replays the stream from the start and keeps following.
            page.reload();
            expect(page.locator(".log li").first()).containsText("Starting a standard audit");
            expect(page.locator(".page-list li").first()).isVisible();
            page.evaluate("() => { window.veritasNotReloaded = true; }");
            w.assertFitsPhone("live");

            // The live view turns into the report in place when the audit completes.
            expect(page.locator(".report-head svg.gauge")).isVisible();
            assertThat(page.evaluate("() => window.veritasNotReloaded === true")).as("the report replaced the live view without a reload").isEqualTo(true);
            assertThat(page.url()).endsWith("/audits/" + id);
            JsonNode audit = backend.audit(id);
            assertThat(audit.path("status").asText()).isEqualTo("completed");
            expect(page.locator(".report-head svg.gauge")).hasAttribute("aria-label",
                    Pattern.compile("Trust score " + audit.path("trust_score").asInt() + " out of 100"));
            expect(page.locator("#summary p").first()).containsText(audit.path("trust_score").asText());
            expect(page.locator(".signals .signal")).hasCount(audit.path("signal_scores").size());
            expect(page.locator("#findings .finding")).hasCount(audit.path("findings").size());
            expect(page.locator("#findings .finding-group h3").first()).isVisible();
            expect(page.locator(".observatory .grade")).hasText(audit.path("security_results").path("observatory").path("grade").asText());
            expect(page.locator(".observatory-tests tbody tr")).hasCount(audit.path("security_results").path("observatory").path("tests").size());
            expect(page.locator(".recommendations li")).hasCount(audit.path("recommendations").size());
            expect(page.locator(".exports a", new Page.LocatorOptions().setHasText("PDF"))).hasAttribute("href", "/api/audits/" + id + "/export?format=pdf");
            expect(page.locator(".exports a", new Page.LocatorOptions().setHasText("HTML"))).hasAttribute("href", "/api/audits/" + id + "/export?format=html");
            expect(page.locator(".exports a", new Page.LocatorOptions().setHasText("JSON"))).hasAttribute("href", "/api/audits/" + id + "/export?format=json");
            w.screenshot("report");
            w.assertFitsPhone("report");

            // A finding's screenshot opens in a dialog; Escape closes it and focus goes back to the thumbnail.
            Locator thumb = page.locator("#findings .finding .thumb").first();
            thumb.click();
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            expect(dialog).isVisible();
            expect(dialog.locator("h2")).containsText("Screenshot");
            Locator image = dialog.locator("img");
            expect(image).isVisible();
            page.waitForFunction("img => img.complete && img.naturalWidth > 0", image.elementHandle());
            w.screenshotViewport("screenshot-dialog");
            page.keyboard().press("Escape");
            expect(dialog).hasCount(0);
            expect(thumb).isFocused();

            // The audit's data downloads as JSON.
            Download download = page.waitForDownload(() -> page.locator(".exports a", new Page.LocatorOptions().setHasText("API data")).click());
            JsonNode saved = Json.parse(Files.readString(download.path()));
            assertThat(saved.path("id").asText()).isEqualTo(id);
            assertThat(saved.path("findings").size()).isEqualTo(audit.path("findings").size());
            w.assertClean();
        }
    }

    @Test
    void theHomePageShowsTheServersReasonForARefusedAddress() {
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/"));
            Locator address = page.getByLabel("Website address");
            address.press("Enter");
            expect(page.getByRole(AriaRole.ALERT)).containsText("Enter the address");

            address.fill("ftp://example.com/file");
            address.press("Enter");
            expect(page.getByRole(AriaRole.ALERT)).containsText("url must start with http:// or https://");
            expect(address).hasAttribute("aria-invalid", "true");
            assertThat(page.url()).isEqualTo(backend.url("/"));
            w.screenshot("home-error");
            w.assertClean(400);
        }
    }

    @Test
    void theHomePageWorksFromTheKeyboardWithVisibleFocus() {
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/"));
            Locator address = page.getByLabel("Website address");
            expect(address).isFocused();
            String outline = "() => getComputedStyle(document.activeElement).outlineStyle";

            // Backwards: the navigation, then the skip link, which shows itself when focused.
            page.keyboard().press("Shift+Tab");
            expect(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("History").setExact(true))).isFocused();
            assertThat(page.evaluate(outline)).isEqualTo("solid");
            page.keyboard().press("Shift+Tab");
            page.keyboard().press("Shift+Tab");
            page.keyboard().press("Shift+Tab");
            Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"));
            expect(skip).isFocused();
            assertThat(skip.boundingBox().y).isGreaterThanOrEqualTo(0);
            page.keyboard().press("Enter");
            assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("main");

            // Forwards: the address, then the chosen tier; arrows change the tier, and its card shows the focus.
            address.focus();
            page.keyboard().press("Tab");
            Locator standard = page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Standard audit")));
            expect(standard).isFocused();
            page.keyboard().press("ArrowRight");
            Locator deep = page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Deep forensic")));
            expect(deep).isChecked();
            assertThat(page.evaluate("() => getComputedStyle(document.activeElement.nextElementSibling).outlineStyle")).isEqualTo("solid");
            page.keyboard().press("Tab");
            expect(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Expert")))).isFocused();
            page.keyboard().press("Tab");
            expect(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start audit"))).isFocused();
            assertThat(page.evaluate(outline)).isEqualTo("solid");
            w.assertClean();
        }
    }

    @Test
    void historyFiltersPagesAndComparesTwoAudits() {
        String honest = honestAudit();
        String dark = darkAudit();
        JsonNode honestAudit = backend.audit(honest);
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/history"));
            expect(page.locator(".history-table tbody tr").first()).isVisible();
            w.screenshot("history");
            w.assertFitsPhone("history");

            // Filter by the honest audit's risk level: the filter goes into the address.
            String risk = honestAudit.path("risk_level").asText();
            page.getByLabel("Risk level").selectOption(risk);
            page.getByLabel("Status").selectOption("completed");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            page.waitForURL(u -> u.contains("risk_level=" + risk) && u.contains("status=completed"));
            expect(page.locator(".history-table tbody tr a[href='/audits/" + honest + "']")).isVisible();
            for (Locator badge : page.locator(".history-table tbody .badge.risk").all()) {
                expect(badge).hasClass(Pattern.compile("risk-" + risk));
            }
            // The filters survive a reload, since they live in the address.
            page.reload();
            expect(page.getByLabel("Risk level")).hasValue(risk);
            expect(page.locator(".history-table tbody tr a[href='/audits/" + honest + "']")).isVisible();

            // One audit a page: Next follows the cursor, Previous comes back.
            page.navigate(backend.url("/history?limit=1"));
            Locator rows = page.locator(".history-table tbody tr");
            expect(rows).hasCount(1);
            String first = rows.locator("th a").first().getAttribute("href");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next →")).click();
            page.waitForURL(u -> u.contains("cursor="));
            expect(page.locator(".result-summary")).containsText("page 2");
            expect(rows.locator("th a").first()).not().hasAttribute("href", first);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("← Previous")).click();
            expect(page.locator(".result-summary")).containsText("page 1");
            expect(rows.locator("th a").first()).hasAttribute("href", first);

            // Select the two audits and compare them.
            page.navigate(backend.url("/history?status=completed"));
            Locator compare = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Compare selected")));
            expect(compare).isDisabled();
            page.locator("tr", new Page.LocatorOptions().setHas(page.locator("a[href='/audits/" + honest + "']"))).getByRole(AriaRole.CHECKBOX).check();
            page.locator("tr", new Page.LocatorOptions().setHas(page.locator("a[href='/audits/" + dark + "']"))).getByRole(AriaRole.CHECKBOX).check();
            expect(compare).isEnabled();
            compare.click();
            page.waitForURL(u -> u.contains("/compare?ids=") && u.contains(honest) && u.contains(dark));
            expect(page.locator(".compare-card")).hasCount(2);
            expect(page.locator(".pair")).hasCount(1);
            JsonNode cmp = backend.audit(dark);
            int delta = cmp.path("trust_score").asInt() - honestAudit.path("trust_score").asInt();
            expect(page.locator(".pair .change-value").first()).containsText(String.valueOf(Math.abs(delta)));
            expect(page.locator(".pair h3", new Page.LocatorOptions().setHasText("Findings added"))).isVisible();
            expect(page.locator(".pair h3", new Page.LocatorOptions().setHasText("Findings removed"))).isVisible();
            expect(page.locator(".signal-deltas tbody tr").first()).isVisible();
            w.screenshot("compare");
            w.assertFitsPhone("compare");
            w.assertClean();
        }
    }

    @Test
    void theSiteTimelineDrawsEveryCompletedAuditOfTheHost() {
        honestAudit();
        darkAudit();
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/sites/127.0.0.1"));
            expect(page.locator("svg.chart")).isVisible();
            long completed = backend.completedAuditsOf("127.0.0.1");
            expect(page.locator("svg.chart circle.point")).hasCount((int) completed);
            expect(page.locator(".site-audits tbody tr").first()).isVisible();
            w.screenshot("site-timeline");
            w.assertFitsPhone("site-timeline");
            // Each point is a link to its report, reachable with the keyboard.
            page.locator("svg.chart a.point-link").first().focus();
            page.keyboard().press("Enter");
            page.waitForURL(AUDIT_PAGE);
            expect(page.locator(".report-head")).isVisible();
            w.assertClean();
        }
    }

    @Test
    void evidenceMadeOfMarkupIsShownAsText() {
        String id = backend.prepared("hostile", () -> backend.submit(backend.hostileUrl(), "quick_scan"));
        JsonNode audit = backend.audit(id);
        assertThat(audit.path("findings").findValuesAsText("text")).as("the audit caught the hostile text as evidence")
                .contains(UiBackend.HOSTILE_TEXT);
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/audits/" + id));
            expect(page.locator(".evidence-text", new Page.LocatorOptions().setHasText(UiBackend.HOSTILE_TEXT)).first()).isVisible();
            expect(page.locator(".evidence-text", new Page.LocatorOptions().setHasText("<script>alert(2)</script>")).first()).isVisible();
            assertThat(page.locator("img[src='x']").count()).isZero();
            assertThat(page.locator("main script").count()).isZero();
            w.screenshot("hostile-evidence");

            // Re-audit submits the same address and tier, and the new report offers to compare with this one.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Re-audit")).click();
            page.waitForURL(u -> AUDIT_PAGE.matcher(u).matches() && !u.endsWith(id));
            String again = page.url().substring(page.url().lastIndexOf('/') + 1);
            JsonNode second = backend.awaitEnd(again);
            assertThat(second.path("url").asText()).isEqualTo(audit.path("url").asText());
            assertThat(second.path("tier").asText()).isEqualTo("quick_scan");
            expect(page.locator(".report-head svg.gauge")).isVisible();
            assertThat(page.locator("img[src='x']").count()).isZero();
            Locator previous = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compare with previous audit of this site"));
            previous.click();
            page.waitForURL(u -> u.contains("/compare?ids="));
            assertThat(page.url()).contains(again);
            expect(page.locator(".compare-card")).hasCount(2);
            w.assertClean();
        }
    }

    @Test
    void aFailedAuditSaysWhy() {
        String id = backend.submit("http://127.0.0.1:1/", "quick_scan");
        JsonNode audit = backend.awaitEnd(id);
        assertThat(audit.path("status").asText()).isEqualTo("failed");
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/audits/" + id));
            Locator banner = page.locator(".banner-failed");
            expect(banner).containsText("The audit failed");
            expect(banner).containsText(audit.path("error_message").asText());
            expect(page.locator(".status-box")).hasText("Failed");
            expect(page.locator("h1")).containsText("Audit of http://127.0.0.1:1/");
            expect(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Audit again"))).isVisible();
            expect(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel audit"))).hasCount(0);
            w.screenshot("audit-failed");
            w.assertFitsPhone("audit-failed");
            w.assertClean();
        }
    }

    @Test
    void aRunningAuditCanBeCancelled() {
        String id = backend.submit(backend.dark.httpsUrl("/"), "deep_forensic");
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/audits/" + id));
            expect(page.locator(".page-list li").first()).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel audit")).click();
            Locator banner = page.locator(".banner-cancelled");
            expect(banner).containsText("The audit was cancelled");
            expect(banner).containsText("cancelled by a user");
            expect(page.locator(".status-box")).hasText("Cancelled");
            w.screenshot("audit-cancelled");
            w.assertClean();
        }
        assertThat(backend.awaitEnd(id).path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void anUnknownAuditShowsTheServersDetail() {
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/audits/vrts_0123456789abcdef"));
            expect(page.getByRole(AriaRole.ALERT)).containsText("No such audit");
            expect(page.getByRole(AriaRole.ALERT)).containsText("vrts_0123456789abcdef");
            w.screenshot("audit-not-found");
            w.assertClean(404);
        }
    }
}
