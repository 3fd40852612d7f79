package dev.veritas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.AuditEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one audit's time went, read back from its own progress events: the engine's phases, and inside the capture
 * the browser's steps as the capture phase reports them. Rows in the order an audit goes through them; "store" is
 * the final write, from the judge's last event to the audit's return.
 */
final class AuditPhases {
    static final List<String> ROWS = List.of("init", "browser_start", "context", "navigation", "load", "settle", "extraction",
            "screenshots", "second_look", "reload", "close", "capture_other", "checks", "judge", "store", "total");

    private AuditPhases() {}

    static Map<String, Long> of(List<AuditEvent> events, Instant started, Instant ended) {
        Map<String, Instant> starts = new HashMap<>();
        Map<String, Long> phase = new HashMap<>();
        Map<String, Long> row = new LinkedHashMap<>();
        ROWS.forEach(r -> row.put(r, 0L));
        Instant judged = ended;
        long launched = 0;
        for (AuditEvent e : events) {
            String name = e.data().path("phase").asText("");
            if (e.type().equals("phase_start")) {
                starts.put(name, e.createdAt());
            } else if (e.type().equals("phase_complete") && starts.containsKey(name)) {
                phase.put(name, e.createdAt().toEpochMilli() - starts.get(name).toEpochMilli());
                if (name.equals("capture")) {
                    long inside = 0;
                    JsonNode timings = e.data().path("summary").path("timings");
                    for (var it = timings.fields(); it.hasNext(); ) {
                        var f = it.next();
                        row.put(f.getKey(), f.getValue().asLong());
                        inside += f.getValue().asLong();
                    }
                    row.put("capture_other", Math.max(0, phase.get(name) - inside));
                    // A browser launched before the capture phase began (the first audit of a thread) is counted here, not in init.
                    launched = e.data().path("summary").path("browser_start_ms").asLong(0);
                    row.merge("browser_start", launched, Long::sum);
                }
                if (name.equals("judge")) {
                    judged = e.createdAt();
                }
            }
        }
        Instant captureStart = starts.getOrDefault("capture", started);
        row.put("init", Math.max(0, captureStart.toEpochMilli() - started.toEpochMilli() - launched));
        row.put("checks", phase.getOrDefault("analysis", 0L));
        row.put("judge", phase.getOrDefault("judge", 0L));
        row.put("store", Math.max(0, ended.toEpochMilli() - judged.toEpochMilli()));
        row.put("total", ended.toEpochMilli() - started.toEpochMilli());
        return row;
    }
}
