package dev.veritas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.TargetUrl;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.engine.Progress.Phase;
import dev.veritas.json.EventPayload.CaptureSummary;
import dev.veritas.store.Claim;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Progress events say how far the audit is, so watchers draw the bar without knowing the engine's phases. */
class ProgressTest {
    @TempDir
    Path dataDir;

    @Test
    void phasesFollowEachOtherWithoutGapsBackwardsOrOverlap() {
        List<Phase> phases = Arrays.asList(Phase.values());
        assertThat(phases.get(0).startPct()).isZero();
        assertThat(phases.get(phases.size() - 1).endPct()).isEqualTo(100);
        for (int i = 0; i < phases.size(); i++) {
            assertThat(phases.get(i).startPct()).as(phases.get(i).wire()).isLessThan(phases.get(i).endPct());
            if (i > 0) {
                assertThat(phases.get(i).startPct()).as(phases.get(i).wire()).isGreaterThanOrEqualTo(phases.get(i - 1).endPct());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 5, 5", "1, 5, 16", "3, 5, 38", "5, 5, 60", "7, 5, 60", "1, 10, 11", "1, 1, 60", "0, 0, 5"})
    void capturedPagesMoveTheCaptureShareOfTheBar(int done, int total, int pct) {
        assertThat(Phase.CAPTURE.pctAfter(done, total)).isEqualTo(pct);
    }

    @Test
    void eventsCarryThePhasePercentagesAndTheCaptureBudget() {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir))) {
            Claim claim = store.createRunning(new NewAudit(TargetUrl.parse("https://progress.example/"), Tier.STANDARD_AUDIT, VerdictMode.EXPERT),
                    WorkerId.current().named("progress-test"), Duration.ofMinutes(5));
            Progress progress = new Progress(store, claim.lease());
            progress.phaseStart(Phase.INIT, "Initialization", "Starting");
            progress.captureStart("Capturing pages", "Visiting up to 5 pages", 5);
            progress.pageCaptured(0, "https://progress.example/", "https://progress.example/", 200, "Home", "chromium", 1);
            progress.screenshot(0, "viewport", "https://progress.example/", 1280, 800);
            progress.pageCaptured(1, "https://progress.example/a", "https://progress.example/a", 200, "A", "chromium", 0);
            progress.phaseComplete(Phase.CAPTURE, "Capturing pages", "2 pages", CaptureSummary.of(2, 1, "chromium"));

            List<AuditEvent> events = store.eventsAfter(claim.audit().id(), 0, 100).stream().filter(e -> !e.type().equals("log_entry")
                    && !e.type().equals("status")).toList();
            assertThat(events).extracting(AuditEvent::type)
                    .containsExactly("phase_start", "phase_start", "page_captured", "screenshot", "page_captured", "phase_complete");
            assertThat(fields(events.get(0).data(), "phase", "pct", "end_pct")).isEqualTo(Map.of("phase", "init", "pct", "0", "end_pct", "5"));
            assertThat(fields(events.get(1).data(), "phase", "pct", "end_pct", "max_pages"))
                    .isEqualTo(Map.of("phase", "capture", "pct", "5", "end_pct", "60", "max_pages", "5"));
            assertThat(fields(events.get(2).data(), "pct", "max_pages")).isEqualTo(Map.of("pct", "16", "max_pages", "5"));
            assertThat(fields(events.get(4).data(), "pct", "max_pages")).isEqualTo(Map.of("pct", "27", "max_pages", "5"));
            assertThat(fields(events.get(5).data(), "phase", "pct")).isEqualTo(Map.of("phase", "capture", "pct", "60"));
            // Addresses are the server's business: the engine records which screenshot, not where it is served.
            assertThat(events.get(3).data().has("url")).isFalse();
            assertThat(events.get(3).data().path("index").asInt()).isZero();
        }
    }

    private static Map<String, String> fields(JsonNode data, String... names) {
        return Arrays.stream(names).collect(Collectors.toMap(n -> n, n -> data.path(n).asText("(missing)")));
    }
}
