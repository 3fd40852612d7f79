package dev.veritas.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.EventType;
import dev.veritas.audit.Finding;
import dev.veritas.json.AuditJson;
import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import dev.veritas.store.Lease;
import dev.veritas.store.LeaseLostException;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an audit's progress events to the store as they happen, so a watcher (SSE, the UI, the CLI's
 * progress bar) sees the audit advance. Every event carries the run's lease: if the audit was cancelled meanwhile,
 * or another worker claimed it, the store refuses the event and this throws {@link RunStoppedException}, which stops
 * the run without writing anything more.
 */
final class Progress {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AuditStore store;
    private final Lease lease;
    private final AuditId id;
    private final long startedNanos = System.nanoTime();
    private String phaseLabel = "Initialization";

    Progress(AuditStore store, Lease lease) {
        this.store = store;
        this.lease = lease;
        this.id = lease.auditId();
    }

    void phaseStart(String phase, String label, String message, int pct) {
        phaseLabel = label;
        emit(EventType.PHASE_START, Json.object().put("phase", phase).put("label", label).put("message", message).put("pct", pct));
        log(message, "info");
    }

    void phaseComplete(String phase, String label, String message, int pct, ObjectNode summary) {
        ObjectNode data = Json.object().put("phase", phase).put("label", label).put("message", message).put("pct", pct);
        data.set("summary", summary);
        emit(EventType.PHASE_COMPLETE, data);
        log("Complete — " + message, "info");
    }

    void pageCaptured(int index, String url, String finalUrl, int status, String title, String source, int screenshots) {
        emit(EventType.PAGE_CAPTURED, Json.object().put("index", index).put("url", url).put("final_url", finalUrl).put("status", status)
                .put("title", title).put("source", source).put("screenshots", screenshots));
    }

    void screenshot(int index, String label, String pageUrl, int width, int height) {
        emit(EventType.SCREENSHOT, Json.object().put("index", index).put("label", label).put("page_url", pageUrl)
                .put("url", AuditJson.apiPath(id) + "/screenshots/" + index).put("width", width).put("height", height));
    }

    void finding(Finding f) {
        ObjectNode data = Json.object();
        data.set("finding", AuditJson.finding(f));
        emit(EventType.FINDING, data);
    }

    void siteType(String type, double confidence) {
        emit(EventType.SITE_TYPE, Json.object().put("site_type", type).put("confidence", confidence));
    }

    void securityResult(String module, ObjectNode result) {
        ObjectNode data = Json.object().put("module", module);
        data.set("result", result);
        emit(EventType.SECURITY_RESULT, data);
    }

    void stats(int pages, int screenshots, int findings) {
        ObjectNode stats = Json.object().put("pages_scanned", pages).put("screenshots", screenshots).put("findings", findings)
                .put("elapsed_seconds", Math.round(elapsedMillis() / 100.0) / 10.0);
        ObjectNode data = Json.object();
        data.set("stats", stats);
        emit(EventType.STATS_UPDATE, data);
    }

    void log(String message, String level) {
        emit(EventType.LOG_ENTRY, Json.object().put("timestamp", CLOCK.format(LocalTime.now(ZoneOffset.UTC))).put("agent", phaseLabel)
                .put("message", message).put("level", level));
    }

    long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private void emit(EventType type, ObjectNode data) {
        try {
            store.appendEvent(lease, type.wire(), data);
        } catch (LeaseLostException e) {
            throw new RunStoppedException(e.current() == AuditStatus.CANCELLED ? StopReason.CANCELLED : StopReason.LEASE_LOST);
        }
    }
}
