package dev.veritas.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One row of history: an audit without its findings, screenshots and narrative. */
public record AuditSummary(
        AuditId id,
        String url,
        String host,
        AuditStatus status,
        Tier tier,
        VerdictMode verdictMode,
        Optional<Integer> trustScore,
        Optional<RiskLevel> riskLevel,
        Map<String, Signal> signals,
        Optional<String> siteType,
        Optional<Double> siteTypeConfidence,
        int pagesScanned,
        int screenshotsCount,
        int findingsCount,
        Optional<Long> elapsedMs,
        int attempts,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> completedAt,
        Optional<String> errorMessage) {

    public AuditSummary {
        Require.present("id", id);
        Require.present("status", status);
        signals = Require.map("signal_scores", signals);
    }
}
