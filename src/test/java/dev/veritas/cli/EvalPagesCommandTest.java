package dev.veritas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.CliRun;
import dev.veritas.testing.NeedsChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code veritas eval pages} end to end in real Chromium, on a corpus written for this test: a phishing-style kit
 * under a look-alike and a brand-free name, over HTTPS and HTTP, and an honest news page. The command serves them
 * itself under those names; the figures it prints and writes must be the verdicts of the audits it kept.
 */
@NeedsChromium
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvalPagesCommandTest {
    private int code;
    private String out;
    private String err;
    private JsonNode report;
    private Path data;

    @BeforeAll
    void runTheCommand(@TempDir Path dir) throws Exception {
        Path manifest = Path.of(EvalPagesCommandTest.class.getResource("/eval-pages/manifest.tsv").toURI());
        Path json = dir.resolve("report.json");
        data = dir.resolve("audits");
        CliRun run = CliRun.run("eval", "pages", manifest.toString(), "--parallel", "2", "--json-out", json.toString(), "--data", data.toString());
        code = run.code();
        out = run.out();
        err = run.err();
        report = Json.parse(Files.readString(json));
    }

    @Test
    void everyPageIsCapturedAndJudgedAsItsRowExpects() {
        assertThat(code).as(err).isZero();
        JsonNode figures = report.path("figures");
        assertThat(figures.path("failed_audits").asInt()).as(out).isZero();
        assertThat(figures.path("audits_with_errors").asInt()).as(out).isZero();
        assertThat(figures.path("audits_not_in_chromium").asInt()).as(out).isZero();
        assertThat(figures.path("phish_recall").path("count").asInt()).as(out).isEqualTo(4);
        assertThat(figures.path("phish_recall").path("of").asInt()).isEqualTo(4);
        for (String cell : List.of("look_alike_https", "look_alike_http", "brand_free_https", "brand_free_http")) {
            assertThat(figures.path("phish_recall_" + cell).path("rate").asDouble()).as(cell).isEqualTo(1.0);
        }
        assertThat(figures.path("benign_high_risk").path("count").asInt()).isZero();
        assertThat(figures.path("benign_as_expected").path("count").asInt()).as(out).isEqualTo(1);
        assertThat(report.path("rows")).hasSize(5).allSatisfy(r -> {
            assertThat(r.path("status").asText()).isEqualTo("completed");
            assertThat(r.path("capture_source").asText()).isEqualTo("chromium");
        });
    }

    @Test
    void theTextReportHasARowPerAuditTheFiguresAndTheResultLine() {
        assertThat(out).contains("5 audits of ");
        assertThat(out.lines().filter(l -> l.matches("\\d+\\s+(phish|benign)\\s+.*"))).hasSize(5);
        assertThat(out).contains("https://coinbase-account-verify.com/", "http://meadowbrook-portal-3381.net/",
                "https://www.riverbend-courier.com/news/2024/06/"); // long URLs are cut in the table, whole in the JSON
        assertThat(out).containsPattern("look-alike\\s+1/1 1\\.000\\s+1/1 1\\.000\\s+2/2 1\\.000");
        assertThat(out).containsPattern("brand-free\\s+1/1 1\\.000\\s+1/1 1\\.000\\s+2/2 1\\.000");
        assertThat(out).containsPattern("judged high_risk or likely_fraudulent\\s+0 of 1\\s+0\\.0%");
        assertThat(out).contains("Errors: 0 audits did not complete");
        List<String> lines = out.lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .startsWith("RESULT phish_recall=1.000 phish_recall_https=1.000 phish_recall_http=1.000")
                .contains("benign_high_risk_rate=0.000", "errors=0", "median_audit_s=");
        assertThat(err).contains("[  5/5]").contains("JSON report: ");
    }

    /**
     * The kit's page takes its title from a script with a saved-page name, which Chromium fetched from the played
     * host through the engine's guarded proxy: the name resolved and port 443 or 80 reached the command's own server.
     * Over HTTPS the certificate was valid for the run's CA.
     */
    @Test
    void chromiumReachedThePlayedNamesThroughTheEnginesNetworkAndTrustedTheRunsCertificate() {
        try (AuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(data))) {
            for (JsonNode row : report.path("rows")) {
                AuditId id = new AuditId(row.path("audit_id").asText());
                List<AuditEvent> captured = pageCaptured(store, id);
                assertThat(captured).as(row.path("url").asText()).hasSize(1);
                JsonNode page = captured.get(0).data();
                assertThat(page.path("status").asInt()).isEqualTo(200);
                if (row.path("corpus").asText().equals("phish")) {
                    assertThat(page.path("title").asText()).isEqualTo("Coinbase - Sign In");
                }
                Audit a = store.get(id);
                JsonNode tls = a.result().orElseThrow().securityResults().path("tls");
                if (row.path("url").asText().startsWith("https://")) {
                    JsonNode facts = tls.elements().next();
                    assertThat(facts.path("valid").asBoolean()).as(facts.toString()).isTrue();
                }
                assertThat(a.findings()).extracting(f -> f.checkId()).noneMatch(checkId -> checkId.startsWith("transport.certificate"));
            }
        }
    }

    private static List<AuditEvent> pageCaptured(AuditStore store, AuditId id) {
        List<AuditEvent> out = new ArrayList<>();
        for (AuditEvent e : store.eventsAfter(id, 0, 1000)) {
            if (e.type().equals("page_captured")) {
                out.add(e);
            }
        }
        return out;
    }
}
