package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.capture.CaptureSettings;
import dev.veritas.engine.EngineOptions;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.Cleanup;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.Requirements;
import dev.veritas.testing.sites.TestSite;
import dev.veritas.testing.sites.TestSiteServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The API through real HTTP against a real server on an ephemeral port, auditing the test sites in Chromium. */
@NeedsChromium
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerApiTest {
    @TempDir
    static Path dataDir;
    TestSiteServer honest;
    TestSiteServer dark;
    SqliteAuditStore store;
    VeritasServer server;
    ApiClient api;

    @BeforeAll
    void start() {
        Requirements.chromium();
        honest = TestSiteServer.start(TestSite.HONEST_SHOP);
        dark = TestSiteServer.start(TestSite.DARK_SHOP);
        store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir));
        EngineOptions engine = EngineOptions.defaults().withAllowPrivate(true).withTrustCa(Optional.of(honest.caPem()))
                .withCapture(CaptureSettings.defaults().withLaterDelay(Duration.ofSeconds(2)));
        server = new VeritasServer(ServerConfig.local(0, engine).withHeartbeat(Duration.ofSeconds(1)), store).start();
        api = new ApiClient(server.port());
    }

    @AfterAll
    void stop() throws Exception {
        Cleanup.closeAll(server, honest, dark);
    }

    @Test
    void submitFollowReadListCompareAndDelete() {
        ApiClient.Response submitted = api.post("/api/audits", "{\"url\":\"" + dark.httpsUrl("/") + "\",\"tier\":\"quick_scan\",\"unknown_field\":1}");
        assertThat(submitted.status()).isEqualTo(202);
        String id = submitted.json().path("id").asText();
        assertThat(submitted.json().path("links").path("events").asText()).isEqualTo("/api/audits/" + id + "/events");
        assertThat(submitted.headers().firstValue("location")).contains("/api/audits/" + id);

        List<ApiClient.SseEvent> events = api.events(id, 0, 0);
        assertThat(events).extracting(ApiClient.SseEvent::type).contains("phase_start", "page_captured", "screenshot", "finding");
        assertThat(events.get(events.size() - 1).type()).isEqualTo("audit_result");
        assertThat(events).extracting(ApiClient.SseEvent::id).isSorted().doesNotHaveDuplicates();

        JsonNode audit = api.get("/api/audits/" + id).json();
        assertThat(audit.path("status").asText()).isEqualTo("completed");
        assertThat(audit.path("findings").size()).isPositive();
        assertThat(audit.path("findings").get(0).has("pattern_type")).isTrue();
        assertThat(audit.path("security_results").path("observatory").has("grade")).isTrue();

        ApiClient.Response shot = api.get("/api/audits/" + id + "/screenshots/0");
        assertThat(shot.status()).isEqualTo(200);
        assertThat(shot.contentType()).isEqualTo("image/jpeg");
        String etag = shot.headers().firstValue("etag").orElseThrow();
        ApiClient.Response again = api.send(api.request("/api/audits/" + id + "/screenshots/0").header("If-None-Match", etag).GET().build());
        assertThat(again.status()).isEqualTo(304);

        String second = api.submit(honest.httpsUrl("/"), "quick_scan");
        api.awaitEnd(second);
        JsonNode history = api.get("/api/audits?limit=1").json();
        assertThat(history.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(history.path("items").get(0).path("id").asText()).isEqualTo(second);
        String cursor = history.path("next_cursor").asText();
        assertThat(api.get("/api/audits?limit=1&cursor=" + cursor).json().path("items").get(0).path("id").asText()).isNotEqualTo(second);
        assertThat(api.get("/api/audits?status=completed&min_score=90").json().path("items"))
                .allSatisfy(i -> assertThat(i.path("trust_score").asInt()).isGreaterThanOrEqualTo(90));

        JsonNode compare = api.get("/api/audits/compare?ids=" + id + "," + second).json();
        assertThat(compare.path("trust_score_deltas").get(0).path("delta").asInt())
                .isEqualTo(api.get("/api/audits/" + second).json().path("trust_score").asInt() - audit.path("trust_score").asInt());
        assertThat(compare.path("finding_changes").get(0).has("removed")).isTrue();

        assertThat(api.delete("/api/audits/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/audits/" + id).status()).isEqualTo(404);
        assertThat(dataDir.resolve("screenshots").resolve(id)).doesNotExist();
        assertThat(api.delete("/api/audits/" + id).status()).isEqualTo(404);
    }

    @Test
    void aReconnectWithLastEventIdGetsExactlyTheMissedEvents() {
        String id = api.submit(dark.httpsUrl("/"), "quick_scan");
        List<ApiClient.SseEvent> first = api.events(id, 0, 5);
        assertThat(first).hasSize(5);
        List<ApiClient.SseEvent> rest = api.events(id, first.get(4).id(), 0);
        List<ApiClient.SseEvent> all = new ArrayList<>(first);
        all.addAll(rest);
        List<Long> stored = store.eventsAfter(new AuditId(id), 0, 10_000).stream().map(AuditEvent::id).toList();
        assertThat(all).extracting(ApiClient.SseEvent::id).containsExactlyElementsOf(stored);
        // A finished audit replays and closes: from the start, and from the middle with ?after= (exactly what follows).
        List<ApiClient.SseEvent> replay = api.events(id, 0, 0);
        assertThat(replay).extracting(ApiClient.SseEvent::id).containsExactlyElementsOf(stored);
        long middle = stored.get(stored.size() / 2);
        assertThat(api.eventsAfterQuery(id, middle)).extracting(ApiClient.SseEvent::id)
                .containsExactlyElementsOf(stored.subList(stored.size() / 2 + 1, stored.size()));
    }

    @Test
    void fiftySubscribersOfOneAuditEachReceiveEveryEvent() throws Exception {
        String id = api.submit(honest.httpsUrl("/"), "quick_scan");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<List<ApiClient.SseEvent>>> streams = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            streams.add(pool.submit(() -> api.events(id, 0, 0)));
        }
        List<List<Long>> received = new ArrayList<>();
        for (Future<List<ApiClient.SseEvent>> f : streams) {
            received.add(f.get(2, TimeUnit.MINUTES).stream().map(ApiClient.SseEvent::id).toList());
        }
        pool.shutdown();
        List<Long> stored = store.eventsAfter(new AuditId(id), 0, 10_000).stream().map(AuditEvent::id).toList();
        assertThat(received).allSatisfy(r -> assertThat(r).containsExactlyElementsOf(stored));
    }

    @Test
    void theOldPathsAnswerWithTheOldShapes() {
        ApiClient.Response started = api.post("/api/audit/start", "{\"url\":\"" + honest.httpsUrl("/") + "\",\"tier\":\"quick_scan\"}");
        assertThat(started.status()).isEqualTo(200);
        String id = started.json().path("audit_id").asText();
        assertThat(started.json().path("status").asText()).isEqualTo("queued");
        assertThat(started.json().path("ws_url").asText()).isEqualTo("/api/audit/stream/" + id);
        api.awaitEnd(id);

        JsonNode status = api.get("/api/audit/" + id + "/status").json();
        assertThat(status.path("audit_id").asText()).isEqualTo(id);
        assertThat(status.path("status").asText()).isEqualTo("completed");
        assertThat(status.path("result").path("trust_score").isNumber()).isTrue();
        assertThat(status.path("result").has("dark_pattern_summary")).isTrue();
        assertThat(api.get("/api/audit/vrts_0000000000000000/status").json().path("detail").asText()).isEqualTo("Audit not found");

        JsonNode history = api.get("/api/audits/history?limit=5&offset=0").json();
        assertThat(history.path("audits").get(0).has("audit_id")).isTrue();
        assertThat(history.path("audits").get(0).has("audit_tier")).isTrue();
        assertThat(history.path("count").asInt()).isEqualTo(history.path("audits").size());
        assertThat(history.path("limit").asInt()).isEqualTo(5);
        assertThat(api.get("/api/audits/history?limit=500").status()).isEqualTo(422);

        assertThat(api.post("/api/audits/compare", "{\"audit_ids\":[]}").json().path("detail").asText()).isEqualTo("audit_ids list is required");
        assertThat(api.post("/api/audits/compare", "{\"audit_ids\":[\"" + id + "\"]}").json().path("detail").asText())
                .isEqualTo("At least 2 audit IDs required for comparison");
        assertThat(api.post("/api/audits/compare", "{\"audit_ids\":[\"vrts_0000000000000000\",\"vrts_0000000000000001\"]}").status()).isEqualTo(404);
        JsonNode cmp = api.post("/api/audits/compare", "{\"audit_ids\":[\"" + id + "\",\"vrts_0000000000000000\"]}").json();
        assertThat(cmp.path("audits").get(0).path("findings_summary").has("critical")).isTrue();
    }

    @Test
    void healthAndMetrics() {
        JsonNode health = api.get("/api/health").json();
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("service").asText()).isEqualTo("veritas-api");
        ApiClient.Response metrics = api.get("/api/metrics");
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("veritas_audits{status=\"completed\"}", "veritas_queue_depth", "veritas_audit_duration_seconds",
                "veritas_store_write_latency_seconds_bucket{le=\"0.001\"}");
    }

    @Test
    void cancellingARunningAuditEndsItsStream() throws Exception {
        String id = api.submit(dark.httpsUrl("/"), "deep_forensic");
        List<ApiClient.SseEvent> early = api.events(id, 0, 3);
        assertThat(early).isNotEmpty();
        // A deep audit of a five-page shop takes most of a minute; three events in, it is certainly still running.
        ApiClient.Response cancelled = api.post("/api/audits/" + id + "/cancel", "{}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        List<ApiClient.SseEvent> rest = api.events(id, early.get(early.size() - 1).id(), 0);
        assertThat(rest).extracting(ApiClient.SseEvent::type).last().isEqualTo("audit_cancelled");
        assertThat(rest).extracting(ApiClient.SseEvent::type).doesNotContain("audit_result", "audit_error");
        ApiClient.Response again = api.post("/api/audits/" + id + "/cancel", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/audits/" + id).json().path("status").asText()).isEqualTo("cancelled");
        assertThat(Files.exists(dataDir)).isTrue();
    }

}
