package dev.veritas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's phase table is read from an audit's own events: each row must come from the right span. */
class AuditPhasesTest {
    private final AuditId id = AuditId.random();
    private final List<AuditEvent> events = new ArrayList<>();
    private final Instant t0 = Instant.parse("2026-12-07T00:00:00Z");

    private void event(String type, String phase, long atMillis, ObjectNode summary) {
        ObjectNode data = Json.object().put("phase", phase);
        if (summary != null) {
            data.set("summary", summary);
        }
        events.add(new AuditEvent(events.size() + 1, id, type, data, t0.plusMillis(atMillis)));
    }

    @Test
    void rowsComeFromThePhasesAndTheCapturesOwnTimings() {
        ObjectNode timings = Json.object().put("browser_start", 5).put("navigation", 300).put("settle", 600).put("second_look", 2000);
        ObjectNode captured = Json.object().put("pages", 1).put("browser_start_ms", 1500);
        captured.set("timings", timings);
        event("phase_start", "init", 10, null);
        event("phase_start", "capture", 1_600, null); // 1,500 ms of it went to launching the browser
        event("phase_complete", "capture", 5_600, captured);
        event("phase_start", "analysis", 5_610, null);
        event("phase_complete", "analysis", 5_900, Json.object());
        event("phase_start", "judge", 5_905, null);
        event("phase_complete", "judge", 5_915, Json.object());

        Map<String, Long> row = AuditPhases.of(events, t0, t0.plusMillis(6_000));

        assertThat(row).containsEntry("init", 100L).containsEntry("browser_start", 1_505L).containsEntry("navigation", 300L)
                .containsEntry("settle", 600L).containsEntry("second_look", 2_000L)
                .containsEntry("capture_other", 4_000L - 5 - 300 - 600 - 2_000).containsEntry("checks", 290L)
                .containsEntry("judge", 10L).containsEntry("store", 85L).containsEntry("total", 6_000L);
        assertThat(row.keySet()).containsExactlyElementsOf(AuditPhases.ROWS);
    }
}
