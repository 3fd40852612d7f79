package dev.veritas.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything a finished audit concluded; written in one transaction when the audit completes. */
public record AuditResult(
        int trustScore,
        RiskLevel riskLevel,
        Map<String, Signal> signals,
        List<String> overrides,
        String narrative,
        List<Recommendation> recommendations,
        String siteType,
        double siteTypeConfidence,
        JsonNode securityResults,
        int pagesScanned,
        int screenshotsCount,
        long elapsedMs,
        List<String> errors,
        List<Finding> findings) {

    public AuditResult {
        Require.between("trust_score", trustScore, 0, 100);
        Require.present("risk_level", riskLevel);
        if (riskLevel != RiskLevel.forScore(trustScore)) {
            throw new IllegalArgumentException("risk_level " + riskLevel.wire() + " does not match trust_score " + trustScore
                    + " (expected " + RiskLevel.forScore(trustScore).wire() + ")");
        }
        Require.present("signal_scores", signals);
        signals = Collections.unmodifiableMap(new TreeMap<>(signals));
        overrides = Require.list("overrides", overrides);
        Require.present("narrative", narrative);
        recommendations = Require.list("recommendations", recommendations);
        Require.text("site_type", siteType, 50);
        Require.unitInterval("site_type_confidence", siteTypeConfidence);
        Require.present("security_results", securityResults);
        Require.nonNegative("pages_scanned", pagesScanned);
        Require.nonNegative("screenshots_count", screenshotsCount);
        Require.nonNegative("elapsed_ms", elapsedMs);
        errors = Require.list("errors", errors);
        findings = Require.list("findings", findings);
    }

    /** The same result without findings (for callers that store findings separately or not at all). */
    public AuditResult withoutFindings() {
        return new AuditResult(trustScore, riskLevel, signals, overrides, narrative, recommendations, siteType, siteTypeConfidence,
                securityResults, pagesScanned, screenshotsCount, elapsedMs, errors, List.of());
    }
}
