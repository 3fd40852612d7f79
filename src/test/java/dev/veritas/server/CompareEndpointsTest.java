package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.TargetUrl;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.engine.EngineOptions;
import dev.veritas.store.Claim;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.Samples;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both compare endpoints answer from the store's one comparison: the old one only reshapes it and skips unknown ids. */
class CompareEndpointsTest {
    @TempDir
    Path dataDir;

    private static AuditId completed(SqliteAuditStore store, int score, int findings) {
        Claim c = store.createRunning(new NewAudit(TargetUrl.parse("https://compare.example/"), Tier.QUICK_SCAN, VerdictMode.EXPERT),
                WorkerId.current().named("compare-test"), Duration.ofMinutes(5));
        store.complete(c.lease(), Samples.result(score, Samples.findings(findings)));
        return c.audit().id();
    }

    @Test
    void theOldAndTheNewCompareAgree() {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir));
             VeritasServer server = new VeritasServer(ServerConfig.local(0, EngineOptions.defaults()).withWorkers(1), store).start()) {
            AuditId before = completed(store, 80, 1);
            AuditId after = completed(store, 45, 3);
            ApiClient api = new ApiClient(server.port());

            JsonNode current = api.get("/api/audits/compare?ids=" + before.value() + "," + after.value()).json();
            JsonNode legacy = api.post("/api/audits/compare",
                    "{\"audit_ids\":[\"" + before.value() + "\",\"vrts_0000000000000000\",\"" + after.value() + "\"]}").json();

            assertThat(current.path("trust_score_deltas").get(0).path("delta").asInt()).isEqualTo(-35);
            // The old shape has no from_score/to_score; what it has is the same.
            for (String field : new String[] {"from_audit_id", "to_audit_id", "delta", "percentage_change"}) {
                assertThat(legacy.path("trust_score_deltas").get(0).get(field)).as(field).isEqualTo(current.path("trust_score_deltas").get(0).get(field));
            }
            assertThat(legacy.path("risk_level_changes")).isEqualTo(current.path("risk_level_changes"));
            assertThat(legacy.path("signal_deltas")).isEqualTo(current.path("signal_deltas"));
            assertThat(legacy.path("finding_changes")).isEqualTo(current.path("finding_changes"));
            assertThat(legacy.path("audits").findValuesAsText("audit_id")).containsExactly(before.value(), after.value());

            JsonNode single = api.post("/api/audits/compare", "{\"audit_ids\":[\"" + before.value() + "\",\"vrts_0000000000000000\"]}").json();
            assertThat(single.path("audits").findValuesAsText("audit_id")).containsExactly(before.value());
            assertThat(single.path("trust_score_deltas")).isEmpty();
        }
    }
}
