package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.engine.Engine;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.Slow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.ArrayList;
/**
 * A server stopped with SIGTERM while audits run: each audit goes back to the queue as it was (same attempt count,
 * no error event), whether it broke during the grace period or was still stuck when the grace period ended, and
 * the next start completes it.
 */
@Slow
class ServerShutdownTest {
    @TempDir
    Path dataDir;

    /**
     * SIGTERM lets running audits finish within the grace period: one that fails meanwhile for a reason of its own (its
     * site answers with something no audit can use) stays failed; one still running when the grace period ends is
     * stopped and goes back to the queue without counting as an attempt, and completes after a restart.
     */
    @Test
    void auditsInterruptedBySigtermAreQueuedAndCompleteAfterRestartWhileGenuineFailuresStayFailed() throws Exception {
        try (GatedSite site = GatedSite.start("/breaks", "/stalls")) {
            String breaks;
            String stalls;
            List<String> serverLog;
            try (ServerProcess first = startServer("--shutdown-grace", "3")) {
                ApiClient api = new ApiClient(first.port());
                breaks = api.submit(site.url("/breaks"), "quick_scan");
                stalls = api.submit(site.url("/stalls"), "quick_scan");
                site.awaitRequest("/breaks");
                site.awaitRequest("/stalls");
                first.terminate();
                first.awaitLine("shutting down", 30);
                // While the server stops, one audit's site answers with something no audit can use: a genuine failure.
                // The other stays stuck past the grace period.
                site.open("/breaks", false);
                first.awaitExit(60);
                serverLog = first.output();
            }
            site.open("/stalls", true);

            try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir))) {
                Audit broken = store.get(new AuditId(breaks));
                assertThat(broken.status()).as("a genuine failure during the grace period; the server said: %s", String.join("\n", serverLog))
                        .isEqualTo(AuditStatus.FAILED);
                assertThat(broken.errorMessage().orElseThrow()).contains("not a web page");
                for (String id : List.of(stalls)) {
                    Audit a = store.get(new AuditId(id));
                    assertThat(a.status()).as("status of %s; the server said: %s", id, String.join("\n", serverLog)).isEqualTo(AuditStatus.QUEUED);
                    assertThat(a.attempts()).as("a shutdown is not a failed attempt").isZero();
                    List<AuditEvent> events = store.eventsAfter(a.id(), 0, 1000);
                    assertThat(events).extracting(AuditEvent::type).doesNotContain("audit_error");
                    AuditEvent last = events.get(events.size() - 1);
                    assertThat(last.type()).isEqualTo("status");
                    assertThat(last.data().path("status").asText()).isEqualTo("queued");
                    assertThat(last.data().path("reason").asText()).isEqualTo(Engine.SHUTDOWN_REASON);
                }
            }

            try (ServerProcess second = startServer()) {
                ApiClient api = new ApiClient(second.port());
                for (String id : List.of(stalls)) {
                    List<ApiClient.SseEvent> events = api.events(id, 0, 0);
                    assertThat(events).extracting(ApiClient.SseEvent::type).doesNotContain("audit_error").last().isEqualTo("audit_result");
                    JsonNode audit = api.get("/api/audits/" + id).json();
                    assertThat(audit.path("status").asText()).isEqualTo("completed");
                    assertThat(audit.path("attempts").asInt()).isZero();
                }
                second.terminate();
                second.awaitExit(60);
            }
        }
    }

    private ServerProcess startServer(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--data", dataDir.toString(), "--workers", "2",
                "--no-browser", "--allow-private"));
        args.addAll(List.of(extra));
        return ServerProcess.start(dataDir, Map.of(), args.toArray(String[]::new));
    }
}
