package dev.veritas.engine;

import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.Finding;
import dev.veritas.json.EventPayload;
import dev.veritas.json.EventPayload.CaptureStart;
import dev.veritas.json.EventPayload.FindingFound;
import dev.veritas.json.EventPayload.HeaderGrade;
import dev.veritas.json.EventPayload.LogEntry;
import dev.veritas.json.EventPayload.LogLevel;
import dev.veritas.json.EventPayload.PageCaptured;
import dev.veritas.json.EventPayload.PhaseComplete;
import dev.veritas.json.EventPayload.PhaseStart;
import dev.veritas.json.EventPayload.PhaseSummary;
import dev.veritas.json.EventPayload.ScreenshotTaken;
import dev.veritas.json.EventPayload.SecurityResult;
import dev.veritas.json.EventPayload.SiteTypeFound;
import dev.veritas.json.EventPayload.Stats;
import dev.veritas.json.EventPayload.StatsUpdate;
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
        emit(new PhaseStart(phase.wire(), label, message, phase.startPct(), phase.endPct()));
        log(message, LogLevel.INFO);
    }

    /** The capture phase starts: pages are captured from here on, at most {@code maxPages} of them. */
    void captureStart(String label, String message, int maxPages) {
        phaseLabel = label;
        this.maxPages = maxPages;
        this.pagesCaptured = 0;
        emit(new CaptureStart(Phase.CAPTURE.wire(), label, message, Phase.CAPTURE.startPct(), Phase.CAPTURE.endPct(), maxPages));
        log(message, LogLevel.INFO);
    }

    void phaseComplete(Phase phase, String label, String message, PhaseSummary summary) {
        emit(new PhaseComplete(phase.wire(), label, message, phase.endPct(), summary));
        log("Complete — " + message, LogLevel.INFO);
    }

    void pageCaptured(int index, String url, String finalUrl, int status, String title, String source, int screenshots) {
        pagesCaptured++;
        emit(new PageCaptured(index, url, finalUrl, status, title, source, screenshots, maxPages, Phase.CAPTURE.pctAfter(pagesCaptured, maxPages)));
    }

    void screenshot(int index, String label, String pageUrl, int width, int height) {
        emit(new ScreenshotTaken(index, label, pageUrl, width, height));
    }

    void finding(Finding f) {
        emit(new FindingFound(f));
    }

    void siteType(String type, double confidence) {
        emit(new SiteTypeFound(type, confidence));
    }

    void securityResult(String module, HeaderGrade result) {
        emit(new SecurityResult(module, result));
    }

    void stats(int pages, int screenshots, int findings) {
        emit(new StatsUpdate(new Stats(pages, screenshots, findings, Math.round(elapsedMillis() / 100.0) / 10.0)));
    }

    void log(String message, LogLevel level) {
        emit(new LogEntry(CLOCK.format(LocalTime.now(ZoneOffset.UTC)), phaseLabel, message, level));
    }

    long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private void emit(EventPayload payload) {
        try {
            store.appendEvent(lease, payload.type().wire(), Json.tree(payload));
        } catch (LeaseLostException e) {
            throw new RunStoppedException(e.current() == AuditStatus.CANCELLED ? StopReason.CANCELLED : StopReason.LEASE_LOST);
        }
    }
}
