package dev.veritas.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Two or more audits side by side, oldest first, with what changed between each consecutive pair. */
public record Comparison(
        List<Compared> audits,
        List<ScoreDelta> trustScoreDeltas,
        List<RiskChange> riskLevelChanges,
        List<SignalDelta> signalDeltas,
        List<FindingsDiff> findingChanges) {

    public Comparison {
        audits = Require.list("audits", audits);
        trustScoreDeltas = Require.list("trust_score_deltas", trustScoreDeltas);
        riskLevelChanges = Require.list("risk_level_changes", riskLevelChanges);
        signalDeltas = Require.list("signal_deltas", signalDeltas);
        findingChanges = Require.list("finding_changes", findingChanges);
    }

    /**
     * One audit. {@code tier} and {@code pagesScanned} say how much of the site it looked at: a finding missing from
     * an audit that saw fewer pages may be on a page it never visited. {@code pagesScanned} is empty without a result.
     */
    public record Compared(
            AuditId auditId,
            String url,
            AuditStatus status,
            Tier tier,
            Optional<Integer> pagesScanned,
            Optional<Integer> trustScore,
            Optional<RiskLevel> riskLevel,
            Optional<String> siteType,
            Instant createdAt,
            Optional<Instant> completedAt,
            int screenshotsCount,
            FindingsSummary findingsSummary) {}

    public record FindingsSummary(int total, int critical, int high, int medium, int low) {}

    /**
     * {@code delta} is empty when either audit has no score (queued, running, failed): a missing score is not a
     * score of 0, and "−50, −100%" for a failed re-run would misreport the site. {@code percentageChange} is also
     * empty when the earlier score is 0.
     */
    public record ScoreDelta(
            AuditId fromAuditId,
            AuditId toAuditId,
            Optional<Integer> fromScore,
            Optional<Integer> toScore,
            Optional<Integer> delta,
            Optional<Double> percentageChange) {}

    public record RiskChange(AuditId fromAuditId, AuditId toAuditId, String from, String to) {}

    public record SignalDelta(
            AuditId fromAuditId,
            AuditId toAuditId,
            String signal,
            Optional<Double> fromScore,
            Optional<Double> toScore,
            Optional<Double> delta) {}

    public record FindingRef(String checkId, String category, String patternType, Severity severity, String title, Optional<String> pageUrl) {
        static FindingRef of(Finding f) {
            return new FindingRef(f.checkId(), f.category(), f.patternType(), f.severity(), f.title(), f.pageUrl());
        }
    }

    /**
     * What changed in the findings between two audits. {@code comparable} is false when either audit has no result
     * (queued, running, failed, cancelled): it found nothing because it never looked, so no finding is listed as added,
     * removed or unchanged against it and the three lists are empty.
     */
    public record FindingsDiff(
            AuditId fromAuditId,
            AuditId toAuditId,
            boolean comparable,
            List<FindingRef> added,
            List<FindingRef> removed,
            List<FindingRef> unchanged) {}
}
