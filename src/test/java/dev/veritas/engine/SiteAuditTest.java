package dev.veritas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.Finding;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.TargetUrl;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.store.AuditStore;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.Requirements;
import dev.veritas.testing.sites.TestSite;
import dev.veritas.testing.sites.TestSiteServer;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard audits, in real Chromium, of the four test sites served on 127.0.0.1 over HTTPS with a test CA:
 * the verdicts must order honest > weak headers > dark patterns > phishing, with the expected findings.
 */
@NeedsChromium
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteAuditTest {
    @TempDir
    Path dataDir;
    AuditStore store;
    final Map<TestSite, Audit> audits = new EnumMap<>(TestSite.class);

    @BeforeAll
    void needsChromium() {
        Requirements.chromium();
    }

    @AfterAll
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private Audit audit(TestSite site) throws Exception {
        if (audits.containsKey(site)) {
            return audits.get(site);
        }
        if (store == null) {
            store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir));
        }
        try (TestSiteServer server = TestSiteServer.start(site)) {
            EngineOptions options = EngineOptions.defaults().withAllowPrivate(true).withTrustCa(Optional.of(server.caPem()))
                    .withHttpProbePort(Optional.of(server.httpPort()));
            try (Engine engine = new Engine(store, options)) {
                NewAudit request = new NewAudit(TargetUrl.parse(server.httpsUrl("/")), Tier.STANDARD_AUDIT, VerdictMode.EXPERT);
                Audit a = engine.audit(request, WorkerId.current().named("test"), id -> { });
                audits.put(site, a);
                System.out.printf("%s: %s %d %s, %d pages, %d screenshots, %d ms, overrides %s%n", site, a.status(),
                        a.result().map(r -> r.trustScore()).orElse(-1), a.result().map(r -> r.riskLevel().wire()).orElse("-"),
                        a.result().map(r -> r.pagesScanned()).orElse(0), a.screenshots().size(),
                        a.result().map(r -> r.elapsedMs()).orElse(0L), a.result().map(r -> r.overrides()).orElse(List.of()));
                return a;
            }
        }
    }

    private static Set<String> ids(Audit a) {
        return a.findings().stream().map(Finding::checkId).collect(Collectors.toSet());
    }

    private static Set<String> patterns(Audit a) {
        return a.findings().stream().map(Finding::patternType).collect(Collectors.toSet());
    }

    @Test
    @Order(1)
    void theHonestShopIsTrusted() throws Exception {
        Audit a = audit(TestSite.HONEST_SHOP);
        assertThat(a.status()).isEqualTo(AuditStatus.COMPLETED);
        var r = a.result().orElseThrow();
        assertThat(r.trustScore()).as("findings: %s", ids(a)).isGreaterThanOrEqualTo(90);
        assertThat(r.riskLevel()).isEqualTo(RiskLevel.TRUSTED);
        assertThat(r.pagesScanned()).isEqualTo(5);
        assertThat(ids(a)).noneMatch(id -> id.startsWith("dark_patterns.") || id.startsWith("phishing."));
        assertThat(r.securityResults().path("observatory").path("grade").asText()).startsWith("A");
        assertThat(r.siteType()).isEqualTo("ecommerce");
        assertThat(a.screenshots()).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(s -> assertThat(dataDir.resolve("screenshots").resolve(s.filePath())).isRegularFile());
    }

    @Test
    @Order(2)
    void theDarkShopIsSuspiciousWithItsPatternsFound() throws Exception {
        Audit a = audit(TestSite.DARK_SHOP);
        var r = a.result().orElseThrow();
        assertThat(r.riskLevel()).isIn(RiskLevel.SUSPICIOUS, RiskLevel.HIGH_RISK);
        assertThat(ids(a)).contains("dark_patterns.fake_countdown", "dark_patterns.preselected_option", "dark_patterns.hidden_decline",
                "dark_patterns.fake_scarcity", "dark_patterns.hidden_fee");
        assertThat(patterns(a)).contains("countdown_timer", "low_stock_message", "activity_notification", "confirmshaming",
                "limited_time_message", "high_demand_message", "hard_to_cancel", "pressured_selling", "visual_interference",
                "hidden_costs", "sneak_into_basket");
        // the checkout is not the first page: it is watched because it shows a timer
        assertThat(a.findings()).anySatisfy(f -> {
            assertThat(f.checkId()).isEqualTo("dark_patterns.fake_countdown");
            assertThat(f.pageUrl().orElse("")).endsWith("/checkout");
        });
        Finding timer = a.findings().stream().filter(f -> f.checkId().equals("dark_patterns.fake_countdown")).findFirst().orElseThrow();
        assertThat(timer.description()).contains("restarts when the page is reloaded");
        assertThat(timer.evidence().values()).containsKeys("load", "later", "reload");
        assertThat(a.findings()).anySatisfy(f -> assertThat(f.evidence().text().orElse("")).contains("Emma from Leeds"));
        assertThat(r.overrides()).contains("fake_countdown");
    }

    @Test
    @Order(3)
    void thePhishingCloneIsLikelyFraudulent() throws Exception {
        Audit a = audit(TestSite.PHISHING_CLONE);
        var r = a.result().orElseThrow();
        assertThat(r.riskLevel()).isEqualTo(RiskLevel.LIKELY_FRAUDULENT);
        assertThat(ids(a)).contains("phishing.brand_impersonation", "phishing.credential_form_cross_site",
                "transparency.no_privacy_policy", "transparency.no_contact");
        assertThat(r.recommendations().get(0).text()).contains("Do not enter");
        assertThat(r.narrative()).contains("PayPal");
    }

    @Test
    @Order(4)
    void weakHeadersCostPointsButHonestContentStaysSafe() throws Exception {
        Audit a = audit(TestSite.WEAK_HEADERS);
        var r = a.result().orElseThrow();
        assertThat(r.riskLevel()).isEqualTo(RiskLevel.PROBABLY_SAFE);
        assertThat(ids(a)).contains("headers.content-security-policy", "headers.strict-transport-security", "transport.no_http_redirect")
                .noneMatch(id -> id.startsWith("dark_patterns.") || id.startsWith("phishing."));
        assertThat(r.securityResults().path("observatory").path("grade").asText()).isIn("D-", "F", "D", "D+", "C-");
    }

    @Test
    @Order(5)
    void scoresOrderHonestAboveWeakAboveDarkAbovePhishing() throws Exception {
        int honest = audit(TestSite.HONEST_SHOP).result().orElseThrow().trustScore();
        int weak = audit(TestSite.WEAK_HEADERS).result().orElseThrow().trustScore();
        int dark = audit(TestSite.DARK_SHOP).result().orElseThrow().trustScore();
        int phishing = audit(TestSite.PHISHING_CLONE).result().orElseThrow().trustScore();
        assertThat(honest).isGreaterThan(weak);
        assertThat(weak).isGreaterThan(dark);
        assertThat(dark).isGreaterThan(phishing);
    }

    @Test
    @Order(6)
    void eventsTellTheStoryInOrder() throws Exception {
        Audit a = audit(TestSite.DARK_SHOP);
        List<AuditEvent> events = store.eventsAfter(a.id(), 0, 10_000);
        List<String> types = events.stream().map(AuditEvent::type).toList();
        assertThat(types).contains("phase_start", "phase_complete", "page_captured", "screenshot", "finding", "stats_update", "site_type",
                "security_result", "log_entry");
        assertThat(types.get(types.size() - 1)).isEqualTo("audit_result");
        // Pages and screenshots are announced while capturing, before any finding.
        assertThat(types.indexOf("page_captured")).isLessThan(types.indexOf("finding"));
        assertThat(types.indexOf("screenshot")).isLessThan(types.indexOf("finding"));
        assertThat(events).extracting(AuditEvent::id).isSorted();
        assertThat(types.stream().filter(t -> t.equals("page_captured")).count()).isEqualTo(5);
    }



}
