package dev.veritas.server;

import static dev.veritas.testing.Samples.finding;
import static dev.veritas.testing.Samples.newAudit;
import static dev.veritas.testing.Samples.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditComparer;
import dev.veritas.audit.Severity;
import dev.veritas.json.Json;
import dev.veritas.store.Claim;
import dev.veritas.store.HistoryQuery;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original system's field names, which its UI and scripts read, and the server's other fixed shapes. */
class LegacyJsonTest {
    @TempDir
    Path dataDir;

    @Test
    void theOriginalShapesKeepTheirFieldNamesAndUnits() {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir))) {
            Claim c = store.createRunning(newAudit("https://shop.example/cart"), WorkerId.current(), Duration.ofMinutes(1));
            store.complete(c.lease(), result(72, List.of(finding("dark_patterns.fake_countdown", "countdown_timer", Severity.HIGH, "ends in 09:59"))));
            Audit done = store.get(c.id());
            Claim failed = store.createRunning(newAudit("https://shop.example/"), WorkerId.current(), Duration.ofMinutes(1));
            store.fail(failed.lease(), "the site did not answer");

            JsonNode status = Json.tree(LegacyJson.Status.of(done));
            assertThat(names(status)).containsExactly("audit_id", "status", "url", "result", "error", "created_at", "started_at", "completed_at");
            JsonNode result = status.path("result");
            assertThat(names(result)).containsExactly("url", "status", "audit_tier", "trust_score", "risk_level", "signal_scores", "overrides",
                    "narrative", "recommendations", "site_type", "site_type_confidence", "security_results", "pages_scanned", "screenshots_count",
                    "elapsed_seconds", "errors", "verdict_mode", "findings", "dark_pattern_summary");
            // Percentages with one decimal, seconds with one decimal, recommendations as plain text.
            assertThat(result.path("signal_scores").path("dark_patterns").asDouble()).isEqualTo(72.0);
            assertThat(result.path("elapsed_seconds").asDouble()).isEqualTo(1.2);
            assertThat(result.path("recommendations").get(0).isTextual()).isTrue();
            JsonNode f = result.path("findings").get(0);
            assertThat(names(f)).endsWith("screenshot_index", "id").contains("check_id", "evidence");
            assertThat(f.path("id").asText()).isEqualTo("countdown_timer:0.9");
            assertThat(result.path("dark_pattern_summary").path("findings")).isEqualTo(result.path("findings"));

            JsonNode error = Json.tree(LegacyJson.Status.of(store.get(failed.id())));
            assertThat(error.path("status").asText()).isEqualTo("error");
            assertThat(error.path("error").asText()).isEqualTo("the site did not answer");
            assertThat(error.path("result").isNull()).isTrue();

            JsonNode history = Json.tree(LegacyJson.History.of(store.history(HistoryQuery.all()).items(), 20, 0));
            assertThat(names(history)).containsExactly("audits", "count", "limit", "offset");
            assertThat(names(history.path("audits").get(0))).containsExactly("audit_id", "url", "status", "audit_tier", "verdict_mode",
                    "trust_score", "risk_level", "signal_scores", "site_type", "site_type_confidence", "pages_scanned", "screenshots_count",
                    "elapsed_seconds", "created_at", "started_at", "completed_at");

            JsonNode compare = Json.tree(LegacyJson.Compare.of(store.compare(List.of(c.id(), failed.id()))));
            assertThat(names(compare)).containsExactly("audits", "trust_score_deltas", "risk_level_changes", "signal_deltas", "finding_changes");
            assertThat(names(compare.path("audits").get(0))).containsExactly("audit_id", "url", "status", "trust_score", "risk_level", "site_type",
                    "created_at", "completed_at", "screenshots_count", "findings_summary");
            assertThat(names(compare.path("trust_score_deltas").get(0))).containsExactly("from_audit_id", "to_audit_id", "delta", "percentage_change");
            assertThat(names(compare.path("risk_level_changes").get(0))).containsExactly("from_audit_id", "to_audit_id", "from", "to");
            JsonNode single = Json.tree(LegacyJson.Compare.single(AuditComparer.summaryOf(done)));
            assertThat(names(single)).containsExactly("audits", "trust_score_deltas", "risk_level_changes");

            assertThat(Json.write(LegacyJson.Started.of(done.id())))
                    .isEqualTo("{\"audit_id\":\"" + done.id() + "\",\"status\":\"queued\",\"ws_url\":\"/api/audit/stream/" + done.id() + "\"}");
            assertThat(names(Json.tree(LegacyJson.ResultMessage.of(done, done.result().get())))).containsExactly("type", "result");
            assertThat(Json.write(LegacyJson.Completed.of(done.id(), done.result())))
                    .isEqualTo("{\"type\":\"audit_complete\",\"audit_id\":\"" + done.id() + "\",\"elapsed\":1.2}");
        }
    }

    @Test
    void problemsNameTheirPathOnlyWhenThereIsOne() {
        assertThat(Json.write(Problem.Body.of(404, "Not found", "no audit with id vrts_0000000000000000", Optional.of("/api/audits/x"))))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":\"no audit with id vrts_0000000000000000\","
                        + "\"instance\":\"/api/audits/x\"}");
        assertThat(Json.write(Problem.Body.of(400, "Bad request", "send HTTP/1.1", Optional.empty())))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400,\"detail\":\"send HTTP/1.1\"}");
    }

    @Test
    void healthLeavesOutWhatItCannotKnowRatherThanSendingNull() {
        OpsApi.HealthReport degraded = new OpsApi.HealthReport("veritas-api", OpsApi.VERSION, "sqlite", "api", "host/1/2", Optional.empty(),
                Optional.empty(), new OpsApi.StoreWrites("disk_full", "the disk is full"), Optional.empty(), "degraded",
                Optional.of("the disk is full"), 0);
        assertThat(names(Json.tree(degraded))).containsExactly("service", "version", "store", "role", "node", "store_writes", "status", "detail",
                "event_subscribers");
        OpsApi.HealthReport ok = new OpsApi.HealthReport("veritas-api", OpsApi.VERSION, "sqlite", "all", "host/1/2", Optional.of(3L),
                Optional.of(1L), new OpsApi.StoreWrites("ok", "writes are committed"), Optional.of(new OpsApi.Workers(2, 2, 1, List.of())), "ok",
                Optional.empty(), 4);
        JsonNode n = Json.tree(ok);
        assertThat(names(n)).containsExactly("service", "version", "store", "role", "node", "queue_depth", "running", "store_writes", "workers",
                "status", "event_subscribers");
        assertThat(names(n.path("workers"))).containsExactly("size", "alive", "busy", "stuck");
    }

    private static List<String> names(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
