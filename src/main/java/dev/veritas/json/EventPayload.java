package dev.veritas.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.EventType;
import dev.veritas.audit.Finding;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Tier;
import dev.veritas.audit.WireEnum;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code data} of every progress event Veritas writes, one record per shape. The web UI's live page, the CLI's
 * progress bar, SSE and WebSocket clients, and events stored by earlier versions all read these field names, so a
 * record's components are the wire format: renaming one is a breaking change (the mapper's snake_case turns
 * {@code endPct} into {@code end_pct}). Events are read back as JSON trees, never as these records, because a stored
 * event may predate them.
 */
public sealed interface EventPayload {
    /** The event type this payload is stored under; not part of the payload. */
    @JsonIgnore
    EventType type();

    /** {@code phase} starts at {@code pct} and ends at {@code end_pct} of the progress bar. */
    record PhaseStart(String phase, String label, String message, int pct, int endPct) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.PHASE_START;
        }
    }

    /** The capture phase's start, which also says how many pages it may capture. */
    record CaptureStart(String phase, String label, String message, int pct, int endPct, int maxPages) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.PHASE_START;
        }
    }

    /** {@code phase} is done; {@code pct} is where it ends on the bar. */
    record PhaseComplete(String phase, String label, String message, int pct, PhaseSummary summary) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.PHASE_COMPLETE;
        }
    }

    /** What a phase achieved. Told apart by their fields, which no two share, so no type name goes on the wire. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
    @JsonSubTypes({@JsonSubTypes.Type(CaptureSummary.class), @JsonSubTypes.Type(AnalysisSummary.class), @JsonSubTypes.Type(JudgeSummary.class)})
    sealed interface PhaseSummary {}

    /**
     * The capture's pages and screenshots; with a browser also where its time went ({@code timings}, per step, and
     * {@code browser_start_ms}), which the audit benchmark reads. Both are left out when there is nothing to say.
     */
    record CaptureSummary(
            int pages,
            int screenshots,
            String source,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> timings,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) OptionalLong browserStartMs) implements PhaseSummary {
        public CaptureSummary {
            timings = timings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(timings));
            browserStartMs = browserStartMs == null ? OptionalLong.empty() : browserStartMs;
        }

        public static CaptureSummary of(int pages, int screenshots, String source) {
            return new CaptureSummary(pages, screenshots, source, Map.of(), OptionalLong.empty());
        }
    }

    record AnalysisSummary(int findings) implements PhaseSummary {}

    record JudgeSummary(int trustScore, RiskLevel riskLevel) implements PhaseSummary {}

    /** A page was captured; {@code pct} is how far the capture is with it, of a budget of {@code max_pages}. */
    record PageCaptured(int index, String url, String finalUrl, int status, String title, String source, int screenshots, int maxPages,
                        int pct) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.PAGE_CAPTURED;
        }
    }

    /**
     * A screenshot was stored. The address of its image is the server's business: it adds {@code url} when it sends
     * the event, so the engine records only which screenshot it was.
     */
    record ScreenshotTaken(int index, String label, String pageUrl, int width, int height) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.SCREENSHOT;
        }
    }

    /** A finding, in the same shape as in the audit's {@code findings}. */
    record FindingFound(Finding finding) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.FINDING;
        }
    }

    record SiteTypeFound(String siteType, double confidence) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.SITE_TYPE;
        }
    }

    /** A security module's result as soon as it is known; the headers' Observatory-style grade is the one sent today. */
    record SecurityResult(String module, HeaderGrade result) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.SECURITY_RESULT;
        }
    }

    record HeaderGrade(Optional<String> grade, int score) {}

    record StatsUpdate(Stats stats) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.STATS_UPDATE;
        }
    }

    record Stats(int pagesScanned, int screenshots, int findings, double elapsedSeconds) {}

    /** A line of the audit's log: {@code timestamp} is the UTC clock time (HH:mm:ss), {@code agent} the phase's label. */
    record LogEntry(String timestamp, String agent, String message, LogLevel level) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.LOG_ENTRY;
        }
    }

    enum LogLevel implements WireEnum {
        INFO, WARNING
    }

    /** The audit was created, queued or (run in this process) already running. */
    record Created(AuditStatus status, String url, Tier tier) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.STATUS;
        }
    }

    /** A worker claimed the audit: it is running, in its {@code attempt}-th attempt. */
    @JsonPropertyOrder({"status", "worker", "attempt"})
    record Claimed(String worker, int attempt) implements EventPayload {
        @JsonProperty("status")
        public AuditStatus status() {
            return AuditStatus.RUNNING;
        }

        @Override
        public EventType type() {
            return EventType.STATUS;
        }
    }

    /** The audit went back to the queue without using up an attempt (the server stopped), and why. */
    @JsonPropertyOrder({"status", "reason"})
    record Released(String reason) implements EventPayload {
        @JsonProperty("status")
        public AuditStatus status() {
            return AuditStatus.QUEUED;
        }

        @Override
        public EventType type() {
            return EventType.STATUS;
        }
    }

    /** The process running the audit stopped; found on the next start, it goes back to the queue after {@code attempts}. */
    @JsonPropertyOrder({"status", "reason", "attempts"})
    record Interrupted(int attempts) implements EventPayload {
        @JsonProperty("status")
        public AuditStatus status() {
            return AuditStatus.QUEUED;
        }

        @JsonProperty("reason")
        public String reason() {
            return "interrupted";
        }

        @Override
        public EventType type() {
            return EventType.STATUS;
        }
    }

    /** The terminal event of a completed audit: the headline of its result, which the API serves in full. */
    record AuditCompleted(int trustScore, RiskLevel riskLevel, int findingsCount, int pagesScanned, long elapsedMs) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.AUDIT_RESULT;
        }
    }

    record AuditFailed(String error) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.AUDIT_ERROR;
        }
    }

    record AuditCancelled(String reason) implements EventPayload {
        @Override
        public EventType type() {
            return EventType.AUDIT_CANCELLED;
        }
    }
}
