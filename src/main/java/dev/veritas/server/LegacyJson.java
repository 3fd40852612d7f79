package dev.veritas.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.AuditSummary;
import dev.veritas.audit.Comparison;
import dev.veritas.audit.Finding;
import dev.veritas.audit.Recommendation;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Signal;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The original system's JSON shapes, which its Next.js UI and scripts read: {@code audit_id} where Veritas says
 * {@code id}, {@code error} for a failed audit's status, signal scores as percentages, seconds instead of milliseconds.
 * One record per shape, written by the one mapper; {@link LegacyApi} only chooses which to answer with.
 */
final class LegacyJson {
    private LegacyJson() {}

    /** The original said "error" where Veritas says "failed". */
    static String statusName(AuditStatus s) {
        return s == AuditStatus.FAILED ? "error" : s.wire();
    }

    /** The original system's finding id, which its clients use to de-duplicate. */
    static String findingId(String patternType, double confidence) {
        return patternType + ":" + confidence;
    }

    /** POST /api/audit/start. */
    record Started(AuditId auditId, String status, String wsUrl) {
        static Started of(AuditId id) {
            return new Started(id, "queued", "/api/audit/stream/" + id.value());
        }
    }

    /** GET /api/audit/{id}/status. */
    record Status(
            AuditId auditId,
            String status,
            String url,
            Optional<Result> result,
            Optional<String> error,
            Instant createdAt,
            Optional<Instant> startedAt,
            Optional<Instant> completedAt) {

        static Status of(Audit a) {
            return new Status(a.id(), statusName(a.status()), a.url(), a.result().map(r -> Result.of(a, r)), a.errorMessage(), a.createdAt(),
                    a.startedAt(), a.completedAt());
        }
    }

    /** A finding as in Veritas, with the id the original clients de-duplicate by. */
    record IdentifiedFinding(@JsonUnwrapped Finding finding, String id) {
        static IdentifiedFinding of(Finding f) {
            return new IdentifiedFinding(f, findingId(f.patternType(), f.confidence()));
        }
    }

    record DarkPatternSummary(List<IdentifiedFinding> findings) {}

    /** A completed audit's result, in the status answer and in the WebSocket's {@code audit_result} message. */
    record Result(
            String url,
            String status,
            Tier auditTier,
            int trustScore,
            RiskLevel riskLevel,
            Map<String, Double> signalScores,
            List<String> overrides,
            String narrative,
            List<String> recommendations,
            String siteType,
            double siteTypeConfidence,
            JsonNode securityResults,
            int pagesScanned,
            int screenshotsCount,
            double elapsedSeconds,
            List<String> errors,
            VerdictMode verdictMode,
            List<IdentifiedFinding> findings,
            DarkPatternSummary darkPatternSummary) {

        static Result of(Audit a, AuditResult r) {
            List<IdentifiedFinding> findings = r.findings().stream().map(IdentifiedFinding::of).toList();
            return new Result(a.url(), "completed", a.tier(), r.trustScore(), r.riskLevel(), signals(r.signals()), r.overrides(), r.narrative(),
                    r.recommendations().stream().map(Recommendation::text).toList(), r.siteType(), r.siteTypeConfidence(), r.securityResults(),
                    r.pagesScanned(), r.screenshotsCount(), seconds(r.elapsedMs()), r.errors(), a.verdictMode(), findings,
                    new DarkPatternSummary(findings));
        }
    }

    /** One row of GET /api/audits/history. */
    record HistoryItem(
            AuditId auditId,
            String url,
            String status,
            Tier auditTier,
            VerdictMode verdictMode,
            Optional<Integer> trustScore,
            Optional<RiskLevel> riskLevel,
            Map<String, Double> signalScores,
            Optional<String> siteType,
            Optional<Double> siteTypeConfidence,
            int pagesScanned,
            int screenshotsCount,
            double elapsedSeconds,
            Instant createdAt,
            Optional<Instant> startedAt,
            Optional<Instant> completedAt) {

        static HistoryItem of(AuditSummary s) {
            return new HistoryItem(s.id(), s.url(), statusName(s.status()), s.tier(), s.verdictMode(), s.trustScore(), s.riskLevel(),
                    signals(s.signals()), s.siteType(), s.siteTypeConfidence(), s.pagesScanned(), s.screenshotsCount(),
                    s.elapsedMs().map(ms -> ms / 1000.0).orElse(0.0), s.createdAt(), s.startedAt(), s.completedAt());
        }
    }

    record History(List<HistoryItem> audits, int count, int limit, int offset) {
        static History of(List<AuditSummary> rows, int limit, int offset) {
            return new History(rows.stream().map(HistoryItem::of).toList(), rows.size(), limit, offset);
        }
    }

    /** One audit of POST /api/audits/compare. */
    record Compared(
            AuditId auditId,
            String url,
            String status,
            Optional<Integer> trustScore,
            Optional<RiskLevel> riskLevel,
            Optional<String> siteType,
            Instant createdAt,
            Optional<Instant> completedAt,
            int screenshotsCount,
            Comparison.FindingsSummary findingsSummary) {

        static Compared of(Comparison.Compared a) {
            return new Compared(a.auditId(), a.url(), statusName(a.status()), a.trustScore(), a.riskLevel(), a.siteType(), a.createdAt(),
                    a.completedAt(), a.screenshotsCount(), a.findingsSummary());
        }
    }

    record ScoreDelta(AuditId fromAuditId, AuditId toAuditId, Optional<Integer> delta, Optional<Double> percentageChange) {
        static ScoreDelta of(Comparison.ScoreDelta d) {
            return new ScoreDelta(d.fromAuditId(), d.toAuditId(), d.delta(), d.percentageChange());
        }
    }

    /**
     * POST /api/audits/compare. The original answered one audit (the same id given twice) without signal deltas and
     * finding changes, so those two are left out then rather than sent empty.
     */
    record Compare(
            List<Compared> audits,
            List<ScoreDelta> trustScoreDeltas,
            List<Comparison.RiskChange> riskLevelChanges,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<List<Comparison.SignalDelta>> signalDeltas,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<List<Comparison.FindingsDiff>> findingChanges) {

        static Compare single(Comparison.Compared a) {
            return new Compare(List.of(Compared.of(a)), List.of(), List.of(), Optional.empty(), Optional.empty());
        }

        static Compare of(Comparison c) {
            return new Compare(c.audits().stream().map(Compared::of).toList(), c.trustScoreDeltas().stream().map(ScoreDelta::of).toList(),
                    c.riskLevelChanges(), Optional.of(c.signalDeltas()), Optional.of(c.findingChanges()));
        }
    }

    /** The WebSocket's answer for an audit it does not know. */
    record StreamRefused(String type, String error) {
        static StreamRefused notFound() {
            return new StreamRefused("audit_error", "Audit ID not found");
        }
    }

    /** The WebSocket's message with a completed audit's result. */
    record ResultMessage(String type, Result result) {
        static ResultMessage of(Audit a, AuditResult r) {
            return new ResultMessage("audit_result", Result.of(a, r));
        }
    }

    /** The WebSocket's last message: the audit is done, in {@code elapsed} seconds. */
    record Completed(String type, AuditId auditId, double elapsed) {
        static Completed of(AuditId id, Optional<AuditResult> r) {
            return new Completed("audit_complete", id, r.map(x -> seconds(x.elapsedMs())).orElse(0.0));
        }
    }

    /** Signal scores as the original's percentages with one decimal, e.g. 0.8123 → 81.2. */
    private static Map<String, Double> signals(Map<String, Signal> signals) {
        Map<String, Double> out = new LinkedHashMap<>();
        signals.forEach((k, v) -> out.put(k, Math.round(v.score() * 1000) / 10.0));
        return out;
    }

    /** Milliseconds as seconds with one decimal, as the original reported durations. */
    private static double seconds(long millis) {
        return Math.round(millis / 100.0) / 10.0;
    }
}
