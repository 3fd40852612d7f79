package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.cli.Main;
import dev.veritas.testing.ChildJvm;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.Requirements;
import dev.veritas.testing.sites.TestSite;
import dev.veritas.testing.sites.TestSiteServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process killed with SIGKILL in the middle of an audit, then started again on the same data:
 * the audit is re-queued, runs again and completes; history keeps every audit; the event stream resumes
 * from the client's last id with nothing lost or repeated.
 */
@NeedsChromium
class ServerCrashRecoveryTest {

    @TempDir
    Path dataDir;

    @Test
    void anAuditInterruptedByAKilledServerCompletesAfterRestart() throws Exception {
        Requirements.chromium();
        try (TestSiteServer site = TestSiteServer.start(TestSite.DARK_SHOP)) {
            String finishedId;
            String interruptedId;
            List<ApiClient.SseEvent> seen = new ArrayList<>();
            try (ChildJvm first = startServer(site)) {
                ApiClient api = new ApiClient(ServerProcess.port(first));
                finishedId = api.submit(site.httpsUrl("/"), "quick_scan");
                api.awaitEnd(finishedId);
                interruptedId = api.submit(site.httpsUrl("/"), "standard_audit");
                // Follow until the audit is visibly mid-way (a page captured), then kill the server.
                for (ApiClient.SseEvent e : api.events(interruptedId, 0, 0, "page_captured")) {
                    seen.add(e);
                }
                assertThat(seen.get(seen.size() - 1).type()).isEqualTo("page_captured");
                first.killHard();
            }
            try (ChildJvm second = startServer(site)) {
                ApiClient api = new ApiClient(ServerProcess.port(second));
                List<ApiClient.SseEvent> rest = api.events(interruptedId, seen.get(seen.size() - 1).id(), 0);
                assertThat(rest).extracting(ApiClient.SseEvent::type).contains("status", "page_captured").last().isEqualTo("audit_result");
                Set<Long> ids = new HashSet<>();
                seen.forEach(e -> ids.add(e.id()));
                assertThat(rest).allSatisfy(e -> assertThat(ids.add(e.id())).as("event %d delivered twice", e.id()).isTrue());
                assertThat(rest).anySatisfy(e -> assertThat(e.data()).contains("\"reason\":\"interrupted\""));

                JsonNode audit = api.get("/api/audits/" + interruptedId).json();
                assertThat(audit.path("status").asText()).isEqualTo("completed");
                assertThat(audit.path("attempts").asInt()).isEqualTo(1);
                assertThat(audit.path("pages_scanned").asInt()).isEqualTo(5);
                JsonNode history = api.get("/api/audits").json();
                assertThat(history.path("total").asInt()).isEqualTo(2);
                assertThat(api.get("/api/audits/" + finishedId).json().path("status").asText()).isEqualTo("completed");
                second.killHard();
            }
        }
    }

    private ChildJvm startServer(TestSiteServer site) throws Exception {
        return ChildJvm.start(Main.class, dataDir, "serve", "--port", "0", "--data", dataDir.toString(), "--workers", "1",
                "--allow-private", "--trust-ca", site.caPem().toString());
    }
}
