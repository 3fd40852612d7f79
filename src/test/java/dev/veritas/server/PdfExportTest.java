package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.veritas.capture.browser.Chromium;
import dev.veritas.capture.network.TrustConfig;
import dev.veritas.engine.EngineOptions;
import dev.veritas.store.AuditStore;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.Requirements;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** PDF exports in real Chromium: one browser serves them all, and it goes away with the server. */
@NeedsChromium
@Isolated("counts the Chromium processes of this JVM, which other test classes would start and stop meanwhile")
class PdfExportTest {
    @TempDir
    Path dataDir;

    @Test
    void manyExportsShareOneBrowserThatEndsWithTheServer() throws Exception {
        Set<Long> before = chromiumProcesses();
        AuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir));
        String id = ReportExportsTest.finishedAudit(store);
        EngineOptions engine = EngineOptions.defaults().withBrowser(EngineOptions.BrowserMode.NEVER);
        try (VeritasServer server = new VeritasServer(ServerConfig.local(0, engine), store).start()) {
            ApiClient api = new ApiClient(server.port());
            for (int i = 0; i < 3; i++) {
                HttpResponse<byte[]> pdf = api.http.send(api.request("/api/audits/" + id + "/export?format=pdf").GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(pdf.statusCode()).isEqualTo(200);
                assertThat(pdf.headers().firstValue("content-type")).contains("application/pdf");
                assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            }
            String metrics = api.get("/api/metrics").body();
            assertThat(metrics).contains("veritas_pdf_exports_total 3").contains("veritas_pdf_browser_launches_total 1")
                    .contains("veritas_pdf_queue 0");
        }
        assertThat(chromiumProcesses()).as("no browser outlives the server").isSubsetOf(before);
    }

    /** The policy in the downloaded file, enforced by a real browser: the report's styles apply, an injected script does not run. */
    @Test
    void theHtmlReportsPolicyHoldsInABrowser() throws Exception {
        AuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir));
        String id = ReportExportsTest.finishedAudit(store);
        String html;
        try (VeritasServer server = new VeritasServer(ServerConfig.local(0,
                EngineOptions.defaults().withBrowser(EngineOptions.BrowserMode.NEVER)), store).start()) {
            html = new ApiClient(server.port()).get("/api/audits/" + id + "/export?format=html").body();
        }
        // As if the escaping had failed somewhere: markup of a hostile page inside the report.
        String tampered = html.replace("</body>", "<script>document.title='pwned'</script><div style=\"display:none\" id=\"x\">x</div></body>");
        try (Chromium chromium = Chromium.launch(Requirements.chromium(), TrustConfig.system());
             var context = chromium.browser().newContext();
             Page page = context.newPage()) {
            page.setContent(tampered);
            assertThat(page.title()).isEqualTo("Veritas report — shop.example");
            assertThat(page.evaluate("getComputedStyle(document.querySelector('h1')).fontSize")).as("the report's own styles apply").isEqualTo("24px");
            assertThat(page.evaluate("getComputedStyle(document.getElementById('x')).display")).as("inline styles do not").isEqualTo("block");
            assertThat(page.locator("meter").count()).isGreaterThan(0);
        }
    }

    private static Set<Long> chromiumProcesses() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
