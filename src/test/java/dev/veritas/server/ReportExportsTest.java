package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.Audit;
import dev.veritas.audit.Severity;
import dev.veritas.engine.EngineOptions;
import dev.veritas.report.PdfPrinter;
import dev.veritas.store.AuditStore;
import dev.veritas.store.Claim;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports through the API: the HTML report's policy, and the PDF queue when it is full. No browser is needed here. */
class ReportExportsTest {
    @TempDir
    Path dataDir;

    /** Text an audited page could put into a finding: it must stay text. */
    static final String HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\"> \" style=\"color:red";

    /** A finished audit with a finding that quotes a hostile page, stored before the server (and its workers) start. */
    static String finishedAudit(AuditStore store) {
        Audit a = store.create(Samples.newAudit("https://shop.example/"));
        Claim claim = store.claimNext(WorkerId.current(), Duration.ofMinutes(1)).orElseThrow();
        store.complete(claim.lease(), Samples.result(42, List.of(Samples.finding("dp.text.0", "fake_countdown", Severity.HIGH, HOSTILE))));
        return a.id().value();
    }

    private static EngineOptions engine() {
        return EngineOptions.defaults().withBrowser(EngineOptions.BrowserMode.NEVER);
    }

    @Test
    void theHtmlReportCarriesAPolicyThatLetsNoScriptRun() throws Exception {
        AuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir));
        String id = finishedAudit(store);
        try (VeritasServer server = new VeritasServer(ServerConfig.local(0, engine()), store).start()) {
            ApiClient.Response r = new ApiClient(server.port()).get("/api/audits/" + id + "/export?format=html");

            assertThat(r.status()).isEqualTo(200);
            String header = r.headers().firstValue("content-security-policy").orElseThrow();
            assertThat(header).contains("default-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(r.headers().firstValue("x-content-type-options")).contains("nosniff");
            // The downloaded file carries the same policy, for when it is opened from disk.
            Matcher meta = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").matcher(r.body());
            assertThat(meta.find()).isTrue();
            assertThat(header).startsWith(meta.group(1));
            assertThat(r.body().indexOf("http-equiv")).as("the policy comes before anything it governs").isLessThan(r.body().indexOf("<style>"));
            // The report's own style sheet is allowed by its hash, and nothing else styles or scripts the page.
            Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(r.body());
            assertThat(style.find()).isTrue();
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
            assertThat(meta.group(1)).contains("style-src 'sha256-" + hash + "'");
            Document doc = Jsoup.parse(r.body());
            assertThat(doc.select("script, [style], [onerror], img[src=x]")).isEmpty();
            assertThat(doc.select(".evidence").text()).contains(HOSTILE);
        }
    }

    @Test
    void everyApiAnswerSaysNotToSniff() {
        try (VeritasServer server = new VeritasServer(ServerConfig.local(0, engine()), SqliteAuditStore.open(SqliteOptions.defaults(dataDir))).start()) {
            ApiClient api = new ApiClient(server.port());
            assertThat(api.get("/api/health").headers().firstValue("x-content-type-options")).contains("nosniff");
            assertThat(api.get("/api/audits/vrts_0000000000000000").headers().firstValue("x-content-type-options")).contains("nosniff");
        }
    }

    @Test
    void aFullPdfQueueIsRefusedAtOnceWithWhenToTryAgain() {
        AuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir));
        String id = finishedAudit(store);
        try (VeritasServer server = new VeritasServer(ServerConfig.local(0, engine()), store).start()) {
            ApiClient api = new ApiClient(server.port());
            PdfPrinter printer = server.pdfPrinter();
            List<PdfPrinter.Ticket> taken = new ArrayList<>();
            try {
                // Every place taken, as by exports printing and waiting.
                for (int i = 0; i < printer.capacity(); i++) {
                    taken.add(printer.reserve());
                }
                ApiClient.Response busy = api.get("/api/audits/" + id + "/export?format=pdf");

                assertThat(busy.status()).isEqualTo(503);
                assertThat(busy.contentType()).startsWith("application/problem+json");
                assertThat(busy.json().path("detail").asText()).contains("busy").contains("try again in").contains("--format html");
                assertThat(Long.parseLong(busy.headers().firstValue("retry-after").orElseThrow())).isBetween(1L, 120L);
                // The other formats need no browser and are not held up.
                assertThat(api.get("/api/audits/" + id + "/export?format=html").status()).isEqualTo(200);
                String metrics = api.get("/api/metrics").body();
                assertThat(metrics).contains("veritas_pdf_refused_total 1").contains("veritas_pdf_queue " + printer.capacity())
                        .contains("veritas_pdf_browser_launches_total 0");
            } finally {
                taken.forEach(PdfPrinter.Ticket::close);
            }
            assertThat(api.get("/api/metrics").body()).contains("veritas_pdf_queue 0");
        }
    }
}
