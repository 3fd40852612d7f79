package dev.veritas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.TargetUrl;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.capture.CaptureSettings;
import dev.veritas.capture.network.FetchLimits;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.Requirements;
import dev.veritas.testing.sites.CertVariant;
import dev.veritas.testing.sites.TestSite;
import dev.veritas.testing.sites.TestSiteServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
/**
 * Hostile targets end as a clear failed audit or as a completed audit with findings — never a hang, a crash or
 * an audit left running. Each runs with the browser and without it.
 */
@NeedsChromium
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSitesTest {
    private static final Duration SHORT = Duration.ofSeconds(4);

    Path dataDir;
    SqliteAuditStore store;
    TestSiteServer site;
    final Map<Boolean, Engine> engines = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("veritas-hostile");
        store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir));
        site = TestSiteServer.start(TestSite.HONEST_SHOP);
    }

    @AfterAll
    void stop() {
        engines.values().forEach(Engine::close);
        site.close();
        store.close();
    }

    private Audit audit(String path, boolean browser) {
        if (browser) {
            Requirements.chromium();
        }
        NewAudit request = new NewAudit(TargetUrl.parse(site.httpsUrl(path)), Tier.QUICK_SCAN, VerdictMode.EXPERT);
        return engine(browser).audit(request, WorkerId.current().named("hostile"), id -> { });
    }

    /** One engine per mode for the whole class: every server here uses the same test CA. */
    private Engine engine(boolean browser) {
        return engines.computeIfAbsent(browser, b -> new Engine(store, EngineOptions.defaults().withAllowPrivate(true)
                .withTrustCa(Optional.of(site.caPem()))
                .withBrowser(b ? EngineOptions.BrowserMode.AUTO : EngineOptions.BrowserMode.NEVER)
                .withCapture(CaptureSettings.defaults().withLaterDelay(Duration.ofSeconds(1)).withNavigationTimeout(SHORT))
                .withFetch(FetchLimits.defaults().withResponseTimeout(SHORT))));
    }

    @ParameterizedTest(name = "{0} (browser: {1})")
    @CsvSource({
        "/_hostile/loop, true, failed, loop",
        "/_hostile/loop, false, failed, loop",
        "/_hostile/loop-a, false, failed, loop",
        "/_hostile/hang, true, failed, could not reach",
        "/_hostile/hang, false, failed, could not reach",
        "/_hostile/slow, false, failed, could not reach",
        "/_hostile/binary, true, failed, download",
        "/_hostile/binary, false, failed, not a web page",
        "/_hostile/binary-as-html, false, failed, not a web page",
        "/_hostile/malformed, true, completed, ",
        "/_hostile/malformed, false, completed, ",
        "/_hostile/many-redirects, false, completed, ",
        "/_hostile/downgrade, false, completed, ",
        "/_hostile/huge, false, completed, ",
    })
    void hostileTargetsEndCleanly(String path, boolean browser, String expected, String messagePart) {
        Audit a = audit(path, browser);
        assertThat(a.status()).isIn(AuditStatus.COMPLETED, AuditStatus.FAILED);
        assertThat(a.status().wire()).as("error: %s", a.errorMessage()).isEqualTo(expected);
        assertWithinBudget(a);
        if (a.status() == AuditStatus.FAILED) {
            assertThat(a.errorMessage().orElseThrow()).containsIgnoringCase(messagePart);
            assertThat(store.eventsAfter(a.id(), 0, 10_000)).last().satisfies(e -> assertThat(e.type()).isEqualTo("audit_error"));
        }
    }

    @ParameterizedTest(name = "huge page in the browser")
    @CsvSource({"/_hostile/huge"})
    void aHugePageInTheBrowserEndsWithinItsBudget(String path) {
        Audit a = audit(path, true);
        assertThat(a.status()).isIn(AuditStatus.COMPLETED, AuditStatus.FAILED);
        assertWithinBudget(a);
    }

    /** A quick scan ends within its 45 s and the fixed margin, whatever the site does. */
    private static void assertWithinBudget(Audit a) {
        Duration took = Duration.between(a.startedAt().orElseThrow(), a.completedAt().orElseThrow());
        assertThat(took).as("audit of %s took %s", a.url(), took).isLessThanOrEqualTo(Tier.QUICK_SCAN.wallTime().plusSeconds(15));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/_hostile/many-redirects, transport.excessive_redirects", "/_hostile/downgrade, transport.https_downgrade"})
    void redirectTricksBecomeFindings(String path, String checkId) {
        Audit a = audit(path, false);
        assertThat(a.findings()).anySatisfy(f -> assertThat(f.checkId()).isEqualTo(checkId));
    }

    @ParameterizedTest(name = "certificate {0}")
    @CsvSource({"EXPIRED, transport.certificate_expired", "SELF_SIGNED, transport.certificate_self_signed",
        "WRONG_HOST, transport.certificate_wrong_host"})
    void invalidCertificatesAreFindingsAndCapTheScore(CertVariant variant, String checkId) {
        Requirements.chromium();
        try (TestSiteServer bad = TestSiteServer.start(TestSite.HONEST_SHOP, variant)) {
            Audit a = engine(true).audit(new NewAudit(TargetUrl.parse(bad.httpsUrl("/")), Tier.QUICK_SCAN, VerdictMode.EXPERT),
                    WorkerId.current().named("tls"), id -> { });
            assertThat(a.status()).isEqualTo(AuditStatus.COMPLETED);
            assertThat(a.findings()).anySatisfy(f -> assertThat(f.checkId()).isEqualTo(checkId));
            assertThat(a.result().orElseThrow().trustScore()).isLessThanOrEqualTo(50);
            assertThat(a.result().orElseThrow().overrides()).contains("invalid_certificate");
        }
    }
}
