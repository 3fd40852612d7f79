package dev.veritas.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * The phases of an audit in order, each with its share of the progress bar: events carry these percentages so
     * every watcher (the web UI, the CLI) draws the same bar without knowing how the engine splits its work.
     */
    enum Phase {
        INIT("init", 0, 5),
        CAPTURE("capture", 5, 60),
        ANALYSIS("analysis", 65, 85),
        JUDGE("judge", 90, 100);

        private final String wire;
        private final int startPct;
        private final int endPct;

        Phase(String wire, int startPct, int endPct) {
            this.wire = wire;
            this.startPct = startPct;
            this.endPct = endPct;
        }

        String wire() {
            return wire;
        }

        int startPct() {
            return startPct;
        }

        int endPct() {
            return endPct;
        }

        /** The percentage reached once {@code done} of {@code total} steps of this phase are done. */
        int pctAfter(int done, int total) {
            if (total <= 0) {
                return startPct;
            }
            return (int) Math.round(startPct + (endPct - startPct) * (double) Math.min(done, total) / total);
        }
    }

    private final AuditStore store;
    private final Lease lease;
    private final long startedNanos = System.nanoTime();
    private String phaseLabel = "Initialization";
    /** The capture phase's page budget and the pages captured so far, for page_captured's percentage. */
    private int maxPages;
    private int pagesCaptured;

    Progress(AuditStore store, Lease lease) {
        this.store = store;
        this.lease = lease;
    }

    void phaseStart(Phase phase, String label, String message) {
        phaseLabel = label;
        emit(EventType.PHASE_START, phaseEvent(phase, label, message, phase.startPct()).put("end_pct", phase.endPct()));
        log(message, "info");
    }

    /** The capture phase starts: pages are captured from here on, at most {@code maxPages} of them. */
    void captureStart(String label, String message, int maxPages) {
        phaseLabel = label;
        this.maxPages = maxPages;
        this.pagesCaptured = 0;
        emit(EventType.PHASE_START, phaseEvent(Phase.CAPTURE, label, message, Phase.CAPTURE.startPct()).put("end_pct", Phase.CAPTURE.endPct())
                .put("max_pages", maxPages));
        log(message, "info");
    }

    void phaseComplete(Phase phase, String label, String message, ObjectNode summary) {
        ObjectNode data = phaseEvent(phase, label, message, phase.endPct());
        data.set("summary", summary);
        emit(EventType.PHASE_COMPLETE, data);
        log("Complete — " + message, "info");
    }

    private static ObjectNode phaseEvent(Phase phase, String label, String message, int pct) {
        return Json.object().put("phase", phase.wire()).put("label", label).put("message", message).put("pct", pct);
    }

    void pageCaptured(int index, String url, String finalUrl, int status, String title, String source, int screenshots) {
        pagesCaptured++;
        emit(EventType.PAGE_CAPTURED, Json.object().put("index", index).put("url", url).put("final_url", finalUrl).put("status", status)
                .put("title", title).put("source", source).put("screenshots", screenshots).put("max_pages", maxPages)
                .put("pct", Phase.CAPTURE.pctAfter(pagesCaptured, maxPages)));
    }

    void screenshot(int index, String label, String pageUrl, int width, int height) {
        emit(EventType.SCREENSHOT, Json.object().put("index", index).put("label", label).put("page_url", pageUrl)
                .put("width", width).put("height", height));
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
