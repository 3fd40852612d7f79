package dev.veritas.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.veritas.audit.Finding;
import dev.veritas.audit.Severity;
import dev.veritas.audit.Tier;
import dev.veritas.json.EventPayload.AnalysisSummary;
import dev.veritas.json.EventPayload.CaptureSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The UI at moments a real audit passes too quickly to check, or that need a killed server: audits whose events the
 * test writes itself, step by step ({@link ScriptedAudit}), against a real server. The live view's progress within the
 * capture phase, findings as they arrive, the turn into the report, an interrupted audit starting over; comparisons
 * of audits of different tiers; the home page and history following running audits; a host with more audits than
 * the timeline shows. Each test uses hosts of its own, so the tests do not see each other's audits.
 */
class ScriptedUiTest extends BrowserUiTest {
    @Test
    void progressMovesWithEachCapturedPageAndFindingsArriveWhenThePagesAreChecked() {
        ScriptedAudit a = ScriptedAudit.start(backend.store, "https://progress.example/", Tier.STANDARD_AUDIT);
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/audits/" + a.idText()));
            Locator bar = page.getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Audit progress"));
            Locator message = page.locator(".phase-message");
            Locator note = page.locator(".findings-note");
            expect(page.locator(".status-box")).hasText("Running");

            // Capture: the engine says 5% at its start and 60% at its end; in between, each page of the standard
            // audit's 5 moves the bar by a fifth of that.
            a.startCapture();
            expect(bar).hasAttribute("aria-valuenow", "5");
            expect(note).hasText("Findings are checked once the pages are captured.");
            a.pageCaptured(0, "/", "Home");
            expect(bar).hasAttribute("aria-valuenow", "16");
            expect(bar).hasAttribute("aria-valuetext", "16%: 1 of at most 5 pages captured");
            a.pageCaptured(1, "/checkout", "Checkout");
            expect(bar).hasAttribute("aria-valuenow", "27");
            a.pageCaptured(2, "/pricing", "Pricing");
            expect(bar).hasAttribute("aria-valuenow", "38");
            expect(message).hasText("Capturing pages: 3 of at most 5 pages captured");
            expect(page.locator(".page-list li")).hasCount(3);
            expect(note).hasText("Findings are checked once the pages are captured.");
            w.screenshot("live-capture-progress");
            a.phaseComplete("capture", "Capturing pages", "3 pages, 0 screenshots", 60, CaptureSummary.of(3, 0, "chromium"));
            expect(bar).hasAttribute("aria-valuenow", "60");

            // Analysis: findings are shown as they arrive.
            a.phaseStart("analysis", "Analysing", "Checking security headers, transport, phishing signals and dark patterns", 65, 85);
            expect(bar).hasAttribute("aria-valuenow", "65");
            expect(note).hasText("Checking the captured pages; findings appear here as they are found…");
            Finding stock = a.finding("low_stock_message", Severity.MEDIUM, "Only 2 left in stock", "/checkout");
            a.finding(stock);
            expect(page.locator(".live-findings .finding")).hasCount(1);
            expect(page.locator(".live-findings .finding-title")).hasText("Only 2 left in stock");
            expect(note).hasText("Checking the captured pages: 1 finding so far…");
            a.phaseComplete("analysis", "Analysing", "1 findings", 85, new AnalysisSummary(1));
            expect(note).isHidden();
            expect(bar).hasAttribute("aria-valuenow", "85");
            w.screenshot("live-findings");

            // Done: the report says the audit just completed, to screen readers too, and has the focus on its heading.
            a.phaseStart("judge", "Judging", "Weighing the evidence", 90, 100);
            a.complete(48, 3, List.of(stock));
            expect(page.locator(".banner-done")).hasText("Audit complete: 1 finding, trust score 48. This is its report.");
            expect(page.locator("#announcer")).hasText("Audit complete: trust score 48, 1 finding. The report is shown.");
            expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("progress.example");
            expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isFocused();
            expect(page.locator("#findings .finding")).hasCount(1);
            // The first audit of its address: nothing earlier to compare with.
            expect(page.locator(".compare-box")).hasText("No earlier completed audit of this address to compare with.");
            w.assertClean();
        }

        // A deep forensic audit's budget is 10 pages, a quick scan's 1.
        ScriptedAudit deep = ScriptedAudit.start(backend.store, "https://progress.example/deep", Tier.DEEP_FORENSIC);
        ScriptedAudit quick = ScriptedAudit.start(backend.store, "https://progress.example/quick", Tier.QUICK_SCAN);
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            Locator bar = page.getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Audit progress"));
            deep.startCapture().pageCaptured(0, "/", "Home");
            page.navigate(backend.url("/audits/" + deep.idText()));
            expect(bar).hasAttribute("aria-valuenow", "11");
            quick.startCapture().pageCaptured(0, "/", "Home");
            page.navigate(backend.url("/audits/" + quick.idText()));
            expect(bar).hasAttribute("aria-valuenow", "60");
            expect(page.locator(".phase-message")).hasText("Capturing pages: 1 of 1 page captured");
            w.assertClean();
        } finally {
            deep.fail("scripted end");
            quick.fail("scripted end");
        }
    }

    @Test
    void anAuditInterruptedByAServerStopStartsOverInTheLiveView() {
        ScriptedAudit a = ScriptedAudit.start(backend.store, "https://retry.example/", Tier.STANDARD_AUDIT);
        a.startCapture().pageCaptured(0, "/", "First home").pageCaptured(1, "/login", "First login");
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/audits/" + a.idText()));
            Locator bar = page.getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Audit progress"));
            Locator pages = page.locator(".page-list li");
            Locator retry = page.locator(".banner-retry");
            expect(pages).hasCount(2);
            expect(bar).hasAttribute("aria-valuenow", "27");
            expect(retry).isHidden();

            // The server running it stopped; on restart the store queues the audit again (attempt 1 is over).
            a.interrupted(1);
            expect(pages).hasCount(0);
            expect(page.getByText("No page captured yet.")).isVisible();
            expect(bar).hasAttribute("aria-valuenow", "0");
            expect(page.locator(".phase.phase-waiting")).hasCount(4);
            expect(page.locator(".status-box")).hasText("Queued");
            expect(page.locator(".phase-message")).hasText("Queued again: waiting for a free worker…");
            expect(retry).hasText("Attempt 1 was interrupted (the server running it stopped); the audit starts again from the beginning, "
                    + "so what it had found so far is no longer shown.");

            // Attempt 2 runs from the start: only its own pages are shown.
            a.claimed(2);
            expect(page.locator(".phase-message")).hasText("Starting attempt 2…");
            expect(page.locator(".status-box")).hasText("Running");
            a.startCapture().pageCaptured(0, "/", "Second home");
            expect(pages).hasCount(1);
            expect(pages.first()).containsText("Second home");
            expect(bar).hasAttribute("aria-valuenow", "16");
            expect(page.locator(".log .log-restart")).hasText("— attempt 1 interrupted; the audit starts again —");
            w.screenshot("live-retried");

            // A reload replays both attempts from the first event and shows the same.
            page.reload();
            expect(page.locator(".log .log-restart")).hasCount(1);
            expect(pages).hasCount(1);
            expect(pages.first()).containsText("Second home");
            expect(retry).isVisible();
            expect(bar).hasAttribute("aria-valuenow", "16");
            w.assertClean();
        } finally {
            a.fail("scripted end");
        }
    }

    @Test
    void auditsOfDifferentTiersAreComparedWithAWarningInsteadOfFindingsRemoved() {
        String site = "https://tiers.example/";
        Finding timer = ScriptedAudit.finding(site, "countdown_timer", Severity.HIGH, "Offer ends in 09:59", "/");
        Finding addon = ScriptedAudit.finding(site, "preselected_addon", Severity.MEDIUM, "Protection plan ticked for you", "/checkout");
        ScriptedAudit first = ScriptedAudit.completed(backend.store, site, Tier.STANDARD_AUDIT, 50, 5, List.of(timer, addon));
        String standard = first.idText();
        // A comparison lists audits oldest first (ties by id, which is random): the second must be created later.
        Instant created = backend.store.get(first.id).createdAt();
        while (!Instant.now().isAfter(created.plusMillis(1))) {
            Thread.onSpinWait();
        }
        String quick = ScriptedAudit.completed(backend.store, site, Tier.QUICK_SCAN, 70, 1, List.of(timer)).idText();

        JsonNode api = backend.compare(standard, quick);
        assertThat(api.path("audits").get(0).path("tier").asText()).isEqualTo("standard_audit");
        assertThat(api.path("audits").get(0).path("pages_scanned").asInt()).isEqualTo(5);
        assertThat(api.path("audits").get(1).path("tier").asText()).isEqualTo("quick_scan");
        assertThat(api.path("audits").get(1).path("pages_scanned").asInt()).isEqualTo(1);
        assertThat(api.path("finding_changes").get(0).path("comparable").asBoolean()).isTrue();

        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/compare?ids=" + standard + "," + quick));
            Locator cards = page.locator(".compare-card");
            expect(cards).hasCount(2);
            expect(cards.nth(0).locator("div", new Locator.LocatorOptions().setHas(page.getByText("Tier", new Page.GetByTextOptions().setExact(true))))
                    .locator("dd")).hasText("Standard audit");
            expect(cards.nth(0).locator("div", new Locator.LocatorOptions().setHas(page.getByText("Pages scanned"))).locator("dd")).hasText("5");
            expect(cards.nth(1).locator("div", new Locator.LocatorOptions().setHas(page.getByText("Tier", new Page.GetByTextOptions().setExact(true))))
                    .locator("dd")).hasText("Quick scan");
            expect(cards.nth(1).locator("div", new Locator.LocatorOptions().setHas(page.getByText("Pages scanned"))).locator("dd")).hasText("1");

            Locator pair = page.locator(".pair");
            expect(pair.locator(".change-value").first()).hasText("50 → 70 (+20, +40.0%)");
            Locator warning = pair.locator(".scope-warning");
            expect(warning).containsText("These audits are of different tiers");
            expect(warning).containsText("Audit 1: standard audit, 5 pages; audit 2: quick scan, 1 page.");
            expect(warning).containsText("A finding on a page that audit 2 did not visit is not “removed”");
            expect(pair.locator("h3", new Locator.LocatorOptions().setHasText("Findings removed"))).hasCount(0);
            Locator onlyFirst = pair.locator("h3", new Locator.LocatorOptions().setHasText("Only in audit 1"));
            expect(onlyFirst).hasText("Only in audit 1 (1)");
            expect(pair.locator("h3:has-text('Only in audit 1') + .ref-list li")).containsText("Protection plan ticked for you");
            expect(pair.locator("h3", new Locator.LocatorOptions().setHasText("Only in audit 2"))).hasText("Only in audit 2 (0)");
            w.screenshot("compare-tiers");
            w.assertFitsPhone("compare-tiers");
            w.assertClean();
        }
    }

    @Test
    void theHomePageAndTheHistoryFollowRunningAuditsUntilTheyEnd() {
        ScriptedAudit first = ScriptedAudit.start(backend.store, "https://poll.example/", Tier.QUICK_SCAN);
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/"));
            Locator item = page.locator(".audit-item[data-id='" + first.idText() + "']");
            expect(item.locator(".badge.status")).hasText("Running");
            first.complete(91, 1, List.of());
            expect(item).hasAttribute("data-status", "completed");
            expect(item.locator(".score-chip")).hasText("91");
            expect(item).containsText("Trusted");
            expect(page.locator("#announcer")).hasText("The audit of https://poll.example/ is completed.");

            ScriptedAudit second = ScriptedAudit.start(backend.store, "https://poll.example/", Tier.QUICK_SCAN);
            page.navigate(backend.url("/history?host=poll.example"));
            Locator row = page.locator(".history-table tbody tr[data-id='" + second.idText() + "']");
            expect(row.locator(".badge.status")).hasText("Running");
            expect(row.getByRole(AriaRole.CHECKBOX)).isDisabled();
            expect(row.locator(".select-note")).hasText("Not finished: nothing to compare yet");
            second.complete(35, 1, List.of());
            expect(row).hasAttribute("data-status", "completed");
            expect(row.locator(".badge.status")).hasText("Completed");
            expect(row.locator(".score-chip")).hasText("35");
            expect(row.getByRole(AriaRole.CHECKBOX)).isEnabled();
            w.assertClean();
        }
    }

    @Test
    void theTimelineOfAHostWithManyAuditsShowsTheMostRecent() {
        String site = "https://busy.example/";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 205; i++) {
            int score = i < 5 ? 10 : i == 204 ? 95 : 60 + i % 20;
            ids.add(ScriptedAudit.completed(backend.store, site, Tier.QUICK_SCAN, score, 1, List.of()).idText());
        }
        try (BrowserSession.Watched w = browser.open()) {
            Page page = w.page;
            page.navigate(backend.url("/sites/busy.example"));
            expect(page.locator(".more-note")).containsText("busy.example has 205 audits; the chart and the list show the 200 most recent.");
            expect(page.locator(".more-note a")).hasAttribute("href", "/history?host=busy.example&sort=oldest");
            expect(page.locator("svg.chart circle.point")).hasCount(200);
            expect(page.locator(".site-audits tbody tr")).hasCount(200);
            expect(page.locator(".site-audits tbody tr").first().locator("a")).hasAttribute("href", "/audits/" + ids.get(204));
            expect(page.locator("#trend-title + p .score-chip")).hasText("95");
            for (String oldest : ids.subList(0, 5)) {
                expect(page.locator("a[href='/audits/" + oldest + "']")).hasCount(0);
            }
            w.screenshot("site-timeline-busy");
            w.assertClean();
        }
    }
}
