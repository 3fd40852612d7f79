package dev.veritas.report;

import static dev.veritas.testing.Samples.finding;
import static dev.veritas.testing.Samples.newAudit;
import static dev.veritas.testing.Samples.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.capture.CaptureSettings;
import dev.veritas.audit.Audit;
import dev.veritas.audit.Severity;
import dev.veritas.store.Claim;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single-file HTML report: what it shows, that text from audited pages stays text, and its own policy. */
class HtmlReportTest {
    private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    @TempDir
    Path dataDir;

    @Test
    void theReportShowsTheVerdictAndKeepsHostileTextAsText() {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir))) {
            Claim c = store.createRunning(newAudit("https://shop.example/"), WorkerId.current(), Duration.ofMinutes(1));
            store.complete(c.lease(), result(35, List.of(finding("phishing.brand_impersonation", "brand_impersonation", Severity.CRITICAL, HOSTILE))));
            Audit a = store.get(c.id());

            String html = HtmlReport.render(a, store);
            Document doc = Jsoup.parse(html);
            assertThat(doc.select("script")).isEmpty();
            assertThat(doc.select("[onerror]")).isEmpty();
            assertThat(doc.text()).contains(HOSTILE).contains("https://shop.example/").contains("35");
            assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content")).isEqualTo(HtmlReport.CONTENT_SECURITY_POLICY);
            assertThat(HtmlReport.CONTENT_SECURITY_POLICY).contains("default-src 'none'").doesNotContain("script-src");
        }
    }

    @Test
    void exportsNameTheirFileAfterTheHostAndTheAudit() {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir))) {
            Audit a = store.create(newAudit("https://xn--bcher-kva.example:8443/"));
            assertThat(Exports.fileName(a, Exports.Format.HTML)).matches("veritas-[A-Za-z0-9._-]+-" + a.id().value() + "\\.html");
            String json = new String(Exports.export(a, store, Exports.Format.JSON, CaptureSettings.DEFAULT_CHROMIUM), StandardCharsets.UTF_8);
            assertThat(json).contains("\"status\" : \"queued\"");
        }
    }
}
