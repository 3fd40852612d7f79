package dev.veritas.json;

import static dev.veritas.testing.Samples.finding;
import static dev.veritas.testing.Samples.newAudit;
import static dev.veritas.testing.Samples.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.Severity;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.store.Claim;
import dev.veritas.store.HistoryQuery;
import dev.veritas.store.NewScreenshot;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON shape clients read (the API, `--json`, exports): names, nulls, times and links as documented. */
class AuditJsonTest {
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @TempDir
    Path dataDir;

    @Test
    void aCompletedAuditHasItsResultFindingsScreenshotsAndLinks() {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir))) {
            Claim c = store.createRunning(newAudit("https://shop.example/cart"), WorkerId.current(), Duration.ofMinutes(1));
            store.addScreenshot(c.lease(), new NewScreenshot(0, "viewport at load", Optional.of("https://shop.example/cart"), "image/png", 1, 1, PNG));
            store.complete(c.lease(), result(72, List.of(finding("dark_patterns.fake_countdown", "countdown_timer", Severity.HIGH, "ends in 09:59"))));
            Audit a = store.get(c.id());
            JsonNode n = Json.parse(Json.write(AuditJson.audit(a)));

            assertThat(n.path("id").asText()).isEqualTo(a.id().value());
            assertThat(n.path("status").asText()).isEqualTo("completed");
            assertThat(n.path("trust_score").asInt()).isEqualTo(72);
            assertThat(n.path("risk_level").asText()).isEqualTo("probably_safe");
            assertThat(n.path("error_message").isNull()).isTrue();
            assertThat(Instant.parse(n.path("created_at").asText())).isEqualTo(a.createdAt());
            assertThat(n.path("completed_at").isTextual()).isTrue();
            assertThat(n.path("findings_count").asInt()).isEqualTo(1);
            JsonNode f = n.path("findings").get(0);
            assertThat(f.path("check_id").asText()).isEqualTo("dark_patterns.fake_countdown");
            assertThat(f.path("severity").asText()).isEqualTo("high");
            JsonNode shot = n.path("screenshots").get(0);
            assertThat(shot.path("url").asText()).isEqualTo(AuditJson.apiPath(a.id()) + "/screenshots/0");
            assertThat(shot.path("label").asText()).isEqualTo("viewport at load");
            assertThat(n.path("links").path("events").asText()).isEqualTo(AuditJson.apiPath(a.id()) + "/events");
        }
    }

    @Test
    void aQueuedAuditHasExplicitNullsWhereAResultWouldBe() {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir))) {
            Audit a = store.create(newAudit("https://later.example/"));
            JsonNode n = Json.tree(AuditJson.audit(a));
            for (String field : List.of("trust_score", "risk_level", "narrative", "site_type", "started_at", "completed_at", "error_message")) {
                assertThat(n.has(field)).as(field).isTrue();
                assertThat(n.path(field).isNull()).as(field).isTrue();
            }
            assertThat(n.path("findings").isArray()).isTrue();
            assertThat(n.path("findings")).isEmpty();
            assertThat(n.path("pages_scanned").asInt()).isZero();
        }
    }

    /**
     * The documented field names, in order: findings are the domain's records written as they are, so a method that
     * looked like a getter, or a renamed component, would change the API; this says so.
     */
    @Test
    void theAuditAndItsPartsHaveExactlyTheirDocumentedFields() {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir))) {
            Claim c = store.createRunning(newAudit("https://shop.example/cart"), WorkerId.current(), Duration.ofMinutes(1));
            store.addScreenshot(c.lease(), new NewScreenshot(0, "viewport at load", Optional.empty(), "image/png", 1, 1, PNG));
            store.complete(c.lease(), result(72, List.of(finding("dark_patterns.fake_countdown", "countdown_timer", Severity.HIGH, "ends in 09:59"))));
            JsonNode n = Json.tree(AuditJson.audit(store.get(c.id())));
            assertThat(names(n)).containsExactly("id", "url", "host", "status", "tier", "verdict_mode", "attempts", "created_at", "started_at",
                    "completed_at", "updated_at", "trust_score", "risk_level", "signal_scores", "overrides", "narrative", "recommendations",
                    "site_type", "site_type_confidence", "security_results", "pages_scanned", "elapsed_ms", "errors", "screenshots_count",
                    "findings_count", "error_message", "findings", "screenshots", "links");
            assertThat(names(n.path("findings").get(0))).containsExactly("check_id", "category", "pattern_type", "severity", "confidence",
                    "title", "description", "plain_english", "page_url", "evidence", "screenshot_index");
            assertThat(names(n.path("findings").get(0).path("evidence"))).containsExactly("text", "selector", "values");
            assertThat(names(n.path("screenshots").get(0))).containsExactly("index", "label", "page_url", "media_type", "width", "height",
                    "size_bytes", "sha256", "created_at", "url");
            assertThat(names(n.path("signal_scores").path("security"))).containsExactly("score", "confidence", "weight");
            assertThat(names(n.path("recommendations").get(0))).containsExactly("priority", "text", "based_on");
            assertThat(names(n.path("links"))).containsExactly("self", "events", "report");

            JsonNode history = Json.tree(AuditJson.history(store.history(HistoryQuery.all()).items(), 1, Optional.empty()));
            assertThat(names(history)).containsExactly("items", "total", "next_cursor");
            assertThat(history.path("next_cursor").isNull()).isTrue();
            assertThat(names(history.path("items").get(0))).containsExactly("id", "url", "host", "status", "tier", "verdict_mode", "trust_score",
                    "risk_level", "signal_scores", "site_type", "site_type_confidence", "pages_scanned", "screenshots_count", "findings_count",
                    "elapsed_ms", "attempts", "created_at", "started_at", "completed_at", "error_message", "links");
        }
    }

    @Test
    void theCliSubmitsAnAuditToAServerInTheShapeTheApiDocuments() {
        assertThat(Json.write(new AuditJson.Request("https://example.com", Tier.QUICK_SCAN, VerdictMode.SIMPLE)))
                .isEqualTo("{\"url\":\"https://example.com\",\"tier\":\"quick_scan\",\"verdict_mode\":\"simple\"}");
    }

    private static List<String> names(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void parsingRefusesWhatIsNotOneJsonValue() {
        assertThat(Json.parse("{\"a\": 1}").path("a").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} trailing")).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\": ")).isInstanceOf(UncheckedIOException.class);
    }
}
