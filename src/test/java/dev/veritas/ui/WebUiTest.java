package dev.veritas.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import dev.veritas.audit.Tier;
import dev.veritas.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
/**
 * The web UI in Chromium against a real server auditing the test sites: start an audit from the home page, watch
 * it, reload it mid-way, read the report, open a screenshot, filter the history, compare, and follow a site over
 * time. Every page is checked for console errors, photographed into target/ui-screenshots/, and shown on a phone.
 */
class WebUiTest extends BrowserUiTest {
    private static final Pattern AUDIT_PAGE = Pattern.compile(".*/audits/vrts_[0-9a-f]+$");

    private static String plural(int n, String one) {
        return n + " " + (n == 1 ? one : one + "s");
    }

    /**
     * Clicks the export link named text on the report, saves the download and returns its bytes; the file name says the
     * format, and the same address answers with contentType.
     */
    private byte[] export(Page page, String id, String text, String contentType) throws IOException {
        Locator link = page.locator(".exports a", new Page.LocatorOptions().setHasText(text)).first();
        Download d = page.waitForDownload(link::click);
        assertThat(d.suggestedFilename()).as("file name of the %s export", text).endsWith("." + text.toLowerCase(Locale.ROOT));
        APIResponse r = page.request().get(backend.url(link.getAttribute("href")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().get("content-type")).as("type of the %s export", text).startsWith(contentType);
        return Files.readAllBytes(d.path());
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

            // The live view turns into the report in place when the audit completes, says so (on the page and to screen
            // readers), and moves the focus to the report's heading.
            expect(page.locator(".report-head svg.gauge")).isVisible();
            assertThat(page.evaluate("() => window.veritasNotReloaded === true")).as("the report replaced the live view without a reload").isEqualTo(true);
            assertThat(page.url()).endsWith("/audits/" + id);
            JsonNode audit = backend.audit(id);
            assertThat(audit.path("status").asText()).isEqualTo("completed");
            int findingCount = audit.path("findings").size();
            int score = audit.path("trust_score").asInt();
            expect(page.locator(".banner-done")).hasText("Audit complete: " + plural(findingCount, "finding") + ", trust score " + score + ". This is its report.");
            expect(page.locator("#announcer")).hasText("Audit complete: trust score " + score + ", " + plural(findingCount, "finding") + ". The report is shown.");
            expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isFocused();
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

            // Each screenshot says which page it shows and links to the full-size image.
            JsonNode shots = audit.path("screenshots");
            assertThat(shots.size()).as("a standard audit of the dark shop takes screenshots").isGreaterThan(1);
            Locator items = page.locator("#screenshots .thumb-item");
            expect(items).hasCount(shots.size());
            for (int i = 0; i < shots.size(); i++) {
                JsonNode shot = shots.get(i);
                URI pageUrl = URI.create(shot.path("page_url").asText());
                String path = pageUrl.getRawPath() + (pageUrl.getRawQuery() == null ? "" : "?" + pageUrl.getRawQuery());
                expect(items.nth(i).locator(".thumb-label")).hasText(shot.path("label").asText());
                expect(items.nth(i).locator(".thumb-page")).hasText(path);
                expect(items.nth(i).locator("a.full-size")).hasAttribute("href", "/api/audits/" + id + "/screenshots/" + shot.path("index").asInt());
                expect(items.nth(i).locator("button.thumb")).hasAttribute("aria-label",
                        "Enlarge screenshot " + (shot.path("index").asInt() + 1) + ": " + shot.path("label").asText().toLowerCase(Locale.ROOT) + " of " + path);
            }
            APIResponse full = page.request().get(backend.url(items.last().locator("a.full-size").getAttribute("href")));
            assertThat(full.status()).isEqualTo(200);
            assertThat(full.headers().get("content-type")).startsWith("image/");
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

            // The audit's data downloads as JSON, and the report as JSON, HTML and PDF, each of its type.
            Download download = page.waitForDownload(() -> page.locator(".exports a", new Page.LocatorOptions().setHasText("API data")).click());
            JsonNode saved = Json.parse(Files.readString(download.path()));
            assertThat(saved.path("id").asText()).isEqualTo(id);
            assertThat(saved.path("findings").size()).isEqualTo(audit.path("findings").size());

            byte[] json = export(page, id, "JSON", "application/json");
            JsonNode exported = Json.parse(new String(json, StandardCharsets.UTF_8));
            assertThat(exported.toString()).contains(id);
            assertThat(exported.findValues("trust_score")).extracting(JsonNode::asInt).contains(score);
            String html = new String(export(page, id, "HTML", "text/html"), StandardCharsets.UTF_8);
            assertThat(html).containsIgnoringCase("<html").contains(audit.path("host").asText()).contains(String.valueOf(score));
            byte[] pdf = export(page, id, "PDF", "application/pdf");
            assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            assertThat(pdf.length).isGreaterThan(1000);
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
            // The score change, exactly as the API computed it: "72 → 31 (−41, −56.9%)".
            JsonNode d = backend.compare(honest, dark).path("trust_score_deltas").get(0);
            assertThat(d.path("delta").asInt()).isEqualTo(d.path("to_score").asInt() - d.path("from_score").asInt());
            String pct = d.path("percentage_change").isNull() ? "" : ", " + signed(d.path("percentage_change").asDouble(), 1) + "%";
            expect(page.locator(".pair .change-value").first())
                    .hasText(d.path("from_score").asInt() + " → " + d.path("to_score").asInt() + " (" + signed(d.path("delta").asInt(), 0) + pct + ")");
            expect(page.locator(".pair h3", new Page.LocatorOptions().setHasText("Findings added"))).isVisible();
            expect(page.locator(".pair h3", new Page.LocatorOptions().setHasText("Findings removed"))).isVisible();
            expect(page.locator(".signal-deltas tbody tr").first()).isVisible();
            w.screenshot("compare");
            w.assertFitsPhone("compare");
            w.assertClean();
        }
    }

    @Test
    void historyDaysAreLocalDaysAndColumnsSortAndFiltersNarrowTheList() {
        String honest = honestAudit();
        String dark = darkAudit();
        JsonNode honestAudit = backend.audit(honest);
        int honestScore = honestAudit.path("trust_score").asInt();
        String failed = ScriptedAudit.failed(backend.store, "https://failed.example/", Tier.QUICK_SCAN, "scripted failure").idText();
        // A time zone in which the honest audit was made on another day than in UTC: from 10:00 UTC on, UTC+14 is
        // already at the next day; before it, UTC−12 is still at the day before.
        Instant created = Instant.parse(honestAudit.path("created_at").asText());
        boolean late = created.atOffset(ZoneOffset.UTC).getHour() >= 10;
        LocalDate localDay = created.atOffset(ZoneOffset.ofHours(late ? 14 : -12)).toLocalDate();
        LocalDate utcDay = created.atOffset(ZoneOffset.UTC).toLocalDate();
        assertThat(localDay).isNotEqualTo(utcDay);
        try (BrowserSession.Watched w = browser.open(late ? "Etc/GMT-14" : "Etc/GMT+12")) {
            Page page = w.page;
            Locator honestRow = page.locator(".history-table tbody tr[data-id='" + honest + "']");
            Locator summary = page.locator(".result-summary");
            Locator apply = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters"));

            // The dates are the days of the local times in the table, not UTC days.
            page.navigate(backend.url("/history"));
            page.getByLabel("Created from").fill(localDay.toString());
            page.getByLabel("Created to").fill(localDay.toString());
            apply.click();
            page.waitForURL(u -> u.contains("from=" + localDay) && u.contains("to=" + localDay));
            expect(honestRow).isVisible();
            expect(honestRow.locator("td[data-label=Created]")).containsText(String.valueOf(localDay.getDayOfMonth()));
            page.navigate(backend.url("/history?from=" + utcDay + "&to=" + utcDay));
            expect(summary).containsText("match");
            expect(honestRow).hasCount(0);

            // Host: only that host's audits; an audit without a result cannot be ticked for comparison, and says why.
            page.navigate(backend.url("/history"));
            page.getByLabel("Host").fill("failed.example");
            apply.click();
            page.waitForURL(u -> u.contains("host=failed.example"));
            expect(summary).hasText("1 audit matches · page 1");
            Locator failedRow = page.locator(".history-table tbody tr[data-id='" + failed + "']");
            expect(failedRow.getByRole(AriaRole.CHECKBOX)).isDisabled();
            expect(failedRow.locator(".select-note")).hasText("No result to compare (failed)");
            expect(failedRow.getByRole(AriaRole.CHECKBOX)).hasAttribute("aria-describedby", failedRow.locator(".select-note").getAttribute("id"));

            // Score: between the lowest and highest score given.
            page.navigate(backend.url("/history?min_score=" + honestScore + "&max_score=" + honestScore));
            expect(honestRow).isVisible();
            for (String text : page.locator(".history-table tbody td[data-label=Score] .score-chip").allTextContents()) {
                assertThat(Integer.parseInt(text)).isEqualTo(honestScore);
            }

            // The Created and Score headers sort, and say how the table is sorted.
            page.navigate(backend.url("/history?host=127.0.0.1"));
            Locator createdHead = page.locator(".history-table thead th", new Page.LocatorOptions().setHasText("Created"));
            Locator scoreHead = page.locator(".history-table thead th", new Page.LocatorOptions().setHasText("Score"));
            expect(createdHead).hasAttribute("aria-sort", "descending");
            createdHead.getByRole(AriaRole.BUTTON).click();
            page.waitForURL(u -> u.contains("sort=oldest"));
            expect(createdHead).hasAttribute("aria-sort", "ascending");
            expect(page.getByLabel("Sort by")).hasValue("oldest");
            String oldest = backend.history("host=127.0.0.1&sort=oldest&limit=1").path("items").get(0).path("id").asText();
            expect(page.locator(".history-table tbody tr").first()).hasAttribute("data-id", oldest);
            scoreHead.getByRole(AriaRole.BUTTON).click();
            page.waitForURL(u -> u.contains("sort=score_desc"));
            expect(scoreHead).hasAttribute("aria-sort", "descending");
            expect(createdHead).not().hasAttribute("aria-sort", Pattern.compile(".*"));
            assertThat(scores(page)).isSortedAccordingTo(Comparator.reverseOrder()).hasSizeGreaterThan(1);
            scoreHead.getByRole(AriaRole.BUTTON).click();
            page.waitForURL(u -> u.contains("sort=score_asc"));
            expect(scoreHead).hasAttribute("aria-sort", "ascending");
            assertThat(scores(page)).isSorted();
            assertThat(scores(page)).contains(honestScore, backend.audit(dark).path("trust_score").asInt());
            w.assertFitsPhone("history-sorted");
            w.assertClean();
        }
    }

    /** The scores in the history table, top to bottom (rows without a score left out). */
    private static List<Integer> scores(Page page) {
        return page.locator(".history-table tbody td[data-label=Score] .score-chip").allTextContents().stream()
                .filter(t -> t.matches("\\d+")).map(Integer::parseInt).toList();
    }

    /** A number as the UI signs it: "+12", "−7" (a minus sign), "0"; with digits decimals. */
    private static String signed(double n, int digits) {
        String v = String.format(Locale.ROOT, "%." + digits + "f", Math.abs(n));
        if (Double.parseDouble(v) == 0) {
            return v;
        }
        return (n > 0 ? "+" : "\u2212") + v;
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
            // On a phone the chart is drawn at the phone's width: its text is at least 12 px, its points 24 px targets.
            page.setViewportSize(BrowserSession.PHONE_WIDTH, BrowserSession.PHONE_HEIGHT);
            page.waitForFunction("() => { const svg = document.querySelector('svg.chart');"
                    + " return svg && Math.abs(svg.viewBox.baseVal.width - svg.getBoundingClientRect().width) < 1; }");
            @SuppressWarnings("unchecked")
            Map<String, Object> sizes = (Map<String, Object>) page.evaluate("() => { const svg = document.querySelector('svg.chart');"
                    + " const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
                    + " const texts = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);"
                    + " const targets = [...svg.querySelectorAll('a.point-link')].map(a => a.getBoundingClientRect())"
                    + "   .map(r => Math.min(r.width, r.height));"
                    + " return {text: Math.min(...texts), target: Math.min(...targets), width: svg.getBoundingClientRect().width}; }");
            // Sizes are read back through the SVG's scale in floating point: a 24 px target measures 23.99999 px on some runs.
            double subPixel = 0.01;
            assertThat(((Number) sizes.get("text")).doubleValue()).as("smallest chart text at 390 px (%s)", sizes).isGreaterThanOrEqualTo(12 - subPixel);
            assertThat(((Number) sizes.get("target")).doubleValue()).as("smallest point target at 390 px (%s)", sizes).isGreaterThanOrEqualTo(24 - subPixel);
            w.screenshotViewport("site-timeline-chart-phone");
            page.setViewportSize(BrowserSession.DESKTOP_WIDTH, BrowserSession.DESKTOP_HEIGHT);
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

            // Re-audit submits the same address and tier, and the new report offers to compare with this one: the
            // previous *completed* audit of the same address, not a failed one of it made since, nor a newer audit of
            // another address on the same host.
            ScriptedAudit.failed(backend.store, audit.path("url").asText(), Tier.QUICK_SCAN, "scripted failure");
            ScriptedAudit.completed(backend.store, "http://127.0.0.1:1/elsewhere", Tier.QUICK_SCAN, 80, 1, List.of());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Re-audit")).click();
            page.waitForURL(u -> AUDIT_PAGE.matcher(u).matches() && !u.endsWith(id));
            String again = page.url().substring(page.url().lastIndexOf('/') + 1);
            JsonNode second = backend.awaitEnd(again);
            assertThat(second.path("url").asText()).isEqualTo(audit.path("url").asText());
            assertThat(second.path("tier").asText()).isEqualTo("quick_scan");
            expect(page.locator(".report-head svg.gauge")).isVisible();
            assertThat(page.locator("img[src='x']").count()).isZero();
            Locator previous = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compare with previous audit of this site"));
            expect(previous).hasAttribute("href", "/compare?ids=" + id + "," + again);
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
            // Cancelling asks first; "Keep it running" (or Escape) leaves the audit alone.
            Locator cancel = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel audit"));
            Locator yes = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, cancel the audit"));
            cancel.click();
            expect(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(Pattern.compile("^Cancel this audit\\?")))).isVisible();
            expect(yes).isFocused();
            expect(cancel).hasAttribute("aria-expanded", "true");
            w.screenshot("audit-cancel-confirm");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep it running")).click();
            expect(yes).isHidden();
            expect(cancel).isFocused();
            cancel.press("Enter");
            expect(yes).isFocused();
            page.keyboard().press("Escape");
            expect(yes).isHidden();
            assertThat(backend.audit(id).path("status").asText()).as("not cancelled without confirmation").isIn("queued", "running");
            cancel.click();
            yes.click();
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
    void aFailedAuditIsNotComparedAsAScoreOfZeroOrAsEveryFindingRemoved() {
        String dark = darkAudit();
        String failed = backend.submit("http://127.0.0.1:1/", "quick_scan");
        assertThat(backend.awaitEnd(failed).path("status").asText()).isEqualTo("failed");
        // The API: no delta, and no finding listed as removed against an audit that never looked.
        JsonNode api = backend.compare(dark, failed);
        assertThat(api.path("trust_score_deltas").get(0).path("delta").isNull()).isTrue();
        assertThat(api.path("trust_score_deltas").get(0).path("percentage_change").isNull()).isTrue();
        JsonNode diff = api.path("finding_changes").get(0);
        assertThat(diff.path("comparable").asBoolean(true)).isFalse();
        assertThat(diff.path("removed").size() + diff.path("added").size() + diff.path("unchanged").size()).isZero();
        assertThat(backend.audit(dark).path("findings").size()).as("the dark shop has findings that a careless diff would call removed").isPositive();
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/compare?ids=" + dark + "," + failed));
            Locator pair = page.locator(".pair");
            expect(pair.locator(".change-value").first()).hasText("Not comparable: audit 2 has no score (failed)");
            expect(pair.locator(".change-value").nth(1)).hasText("Not comparable");
            expect(pair.locator(".not-comparable-note")).containsText("Audit 2 has no result (failed)");
            expect(pair.locator("h3", new Locator.LocatorOptions().setHasText("Findings removed"))).hasCount(0);
            expect(pair.locator(".ref-list")).hasCount(0);
            expect(pair.locator(".signal-deltas")).hasCount(0);
            expect(page.locator(".compare-card").nth(1).locator("dd").nth(1)).hasText("Failed");
            w.screenshot("compare-failed");
            w.assertFitsPhone("compare-failed");
            w.assertClean();
        }
    }

    @Test
    void theReportWorksFromTheKeyboardAndItsAddressCanNameASection() {
        String id = darkAudit();
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            // /audits/{id}#findings goes to the findings once the report is drawn.
            page.navigate(backend.url("/audits/" + id + "#findings"));
            expect(page.locator("#findings .finding").first()).isVisible();
            page.waitForFunction("() => Math.abs(document.getElementById('findings').getBoundingClientRect().top) < 40 && window.scrollY > 200");
            expect(page.locator("#findings")).isFocused();

            // From the top of the report with Tab: the table of contents leads to the findings, and on to a finding's
            // screenshot, which opens in a dialog; Escape closes it and the focus goes back.
            page.navigate(backend.url("/audits/" + id));
            expect(page.locator(".report-head")).isVisible();
            Locator toFindings = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Report sections"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Findings \\(")));
            tabTo(page, toFindings, 40);
            assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
            page.keyboard().press("Enter");
            page.waitForURL(u -> u.endsWith("#findings"));
            Locator thumb = page.locator("#findings .finding .thumb").first();
            tabTo(page, thumb, 60);
            page.keyboard().press("Enter");
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            expect(dialog).isVisible();
            expect(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"))).isFocused();
            page.keyboard().press("Tab");
            expect(dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Open full size")))).isFocused();
            page.keyboard().press("Escape");
            expect(dialog).hasCount(0);
            expect(thumb).isFocused();
            w.assertClean();
        }
    }

    /** Presses Tab until target has the focus; fails after at most presses. */
    private static void tabTo(Page page, Locator target, int presses) {
        for (int i = 0; i < presses; i++) {
            if (Boolean.TRUE.equals(target.evaluate("e => e === document.activeElement"))) {
                return;
            }
            page.keyboard().press("Tab");
        }
        expect(target).isFocused();
    }

    @Test
    void whenTheServerCannotBeReachedThePagesSaySoAndCanTryAgain() {
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.route("**/api/**", Route::abort);
            page.navigate(backend.url("/history"));
            Locator alert = page.getByRole(AriaRole.ALERT);
            expect(alert).containsText("The history could not be loaded (Server unreachable)");
            expect(alert).containsText("The Veritas server could not be reached. Is it running?");
            w.screenshot("history-unreachable");
            page.unroute("**/api/**");
            alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Try again")).click();
            expect(page.locator(".result-summary")).containsText("match");
            expect(page.getByRole(AriaRole.ALERT)).hasCount(0);

            // The home page: the recent list says so, and so does the form when the audit cannot be submitted.
            page.route("**/api/**", Route::abort);
            page.navigate(backend.url("/"));
            expect(page.locator(".recent [role=alert]")).containsText("Recent audits could not be loaded (Server unreachable)");
            Locator address = page.getByLabel("Website address");
            address.fill("https://example.com/");
            address.press("Enter");
            expect(page.locator(".audit-form [role=alert]")).hasText("The Veritas server could not be reached. Is it running?");
            expect(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start audit"))).isEnabled();
            w.assertCleanWithNetworkFailures();
        }
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
