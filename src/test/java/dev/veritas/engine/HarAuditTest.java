package dev.veritas.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.capture.HarReader;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.veritas.store.HistoryQuery;
/** A HAR capture audited end to end: its redirect chain, CORS probe and certificate facts reach the checks. */
class HarAuditTest {
    @TempDir
    Path dir;

    private static final String HAR = """
            {"log": {"version": "1.2", "entries": [
              {"startedDateTime": "2026-11-20T10:00:00.000Z",
               "request": {"method": "GET", "url": "http://shop.example/", "headers": []},
               "response": {"status": 301, "headers": [{"name": "Location", "value": "https://shop.example/"}], "content": {"mimeType": "text/html", "text": ""}}},
              {"startedDateTime": "2026-11-20T10:00:00.100Z",
               "request": {"method": "GET", "url": "https://shop.example/", "headers": []},
               "response": {"status": 200, "headers": [
                   {"name": "Content-Type", "value": "text/html"},
                   {"name": "Strict-Transport-Security", "value": "max-age=31536000"},
                   {"name": "X-Content-Type-Options", "value": "nosniff"}],
                 "content": {"mimeType": "text/html", "text": "<html><head><title>Shop</title></head><body><p>Hello</p><a href='/privacy'>Privacy</a> <a href='/terms'>Terms</a> <a href='/contact'>Contact</a></body></html>"}},
               "_securityDetails": {"protocol": "TLS 1.3", "subjectName": "shop.example", "issuer": "Test CA", "validFrom": 1700000000, "validTo": 1900000000, "sanList": ["shop.example"]}},
              {"startedDateTime": "2026-11-20T10:00:00.200Z",
               "request": {"method": "GET", "url": "https://shop.example/", "headers": [{"name": "Origin", "value": "https://elsewhere.example"}]},
               "response": {"status": 200, "headers": [
                   {"name": "Access-Control-Allow-Origin", "value": "https://elsewhere.example"},
                   {"name": "Access-Control-Allow-Credentials", "value": "true"}], "content": {"mimeType": "text/html", "text": ""}}}
            ]}}
            """;

    @Test
    void theChainTheCorsEntryAndTheCertificateReachTheChecks() throws Exception {
        Path har = dir.resolve("shop.har");
        Files.writeString(har, HAR);
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir.resolve("data")));
             Engine engine = new Engine(store, EngineOptions.defaults().withBrowser(EngineOptions.BrowserMode.NEVER))) {
            Audit a = engine.auditHar(har, Tier.STANDARD_AUDIT, VerdictMode.EXPERT, WorkerId.current(), id -> { });
            assertThat(a.status()).isEqualTo(AuditStatus.COMPLETED);
            assertThat(a.url()).isEqualTo("http://shop.example/");
            JsonNode tests = a.result().orElseThrow().securityResults().path("observatory").path("tests");
            assertThat(tests.path("redirection").path("result").asText()).isEqualTo("redirection-to-https");
            assertThat(tests.path("cross-origin-resource-sharing").path("result").asText())
                    .isEqualTo("cross-origin-resource-sharing-implemented-with-universal-access");
            assertThat(tests.path("strict-transport-security").path("pass").asBoolean()).isTrue();
            assertThat(a.findings()).noneMatch(f -> f.checkId().startsWith("transport.certificate"));
            assertThat(a.findings()).anyMatch(f -> f.checkId().equals("headers.cross-origin-resource-sharing"));
        }
    }

    @Test
    void anExpiredCertificateInTheCaptureIsAFinding() throws Exception {
        Path har = dir.resolve("expired.har");
        Files.writeString(har, HAR.replace("\"validTo\": 1900000000", "\"validTo\": 1750000000"));
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir.resolve("data")));
             Engine engine = new Engine(store, EngineOptions.defaults().withBrowser(EngineOptions.BrowserMode.NEVER))) {
            Audit a = engine.auditHar(har, Tier.STANDARD_AUDIT, VerdictMode.EXPERT, WorkerId.current(), id -> { });
            assertThat(a.findings()).anyMatch(f -> f.checkId().equals("transport.certificate_expired"));
            assertThat(a.result().orElseThrow().trustScore()).isLessThanOrEqualTo(50);
        }
    }

    @Test
    void aBrokenHarIsRefusedBeforeAnyAuditExists() throws Exception {
        Path har = dir.resolve("broken.har");
        Files.writeString(har, "{\"log\": {\"entries\": []}}");
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir.resolve("data")));
             Engine engine = new Engine(store, EngineOptions.defaults().withBrowser(EngineOptions.BrowserMode.NEVER))) {
            assertThatThrownBy(() -> engine.auditHar(har, Tier.QUICK_SCAN, VerdictMode.EXPERT, WorkerId.current(), id -> { }))
                    .isInstanceOf(HarReader.HarException.class).hasMessageContaining("holds no requests");
            assertThat(store.history(HistoryQuery.all()).total()).isZero();
        }
    }
}
