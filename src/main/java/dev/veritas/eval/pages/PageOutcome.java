package dev.veritas.eval.pages;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.Finding;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Severity;
import dev.veritas.eval.pages.PageManifest.Row;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one row's audit ended: its verdict and findings when it completed, why not when it did not, the errors the
 * audit noted on the way (pages it could not capture, checks that could not run) and how long it took.
 */
public record PageOutcome(Row row, Optional<String> auditId, Optional<AuditStatus> status, Optional<Integer> score,
                          Optional<RiskLevel> risk, List<String> overrides, List<Finding> findings, List<String> auditErrors,
                          Optional<String> failure, Duration wall) {
    public PageOutcome {
        overrides = List.copyOf(overrides);
        findings = List.copyOf(findings);
        auditErrors = List.copyOf(auditErrors);
    }

    static PageOutcome of(Row row, Audit audit, Duration wall) {
        Optional<AuditResult> result = audit.result().filter(r -> audit.status() == AuditStatus.COMPLETED);
        Optional<String> failure = audit.status() == AuditStatus.COMPLETED ? Optional.empty()
                : Optional.of(audit.errorMessage().orElse("the audit ended " + audit.status().wire()));
        return new PageOutcome(row, Optional.of(audit.id().toString()), Optional.of(audit.status()),
                result.map(AuditResult::trustScore), result.map(AuditResult::riskLevel),
                result.map(AuditResult::overrides).orElse(List.of()), result.map(AuditResult::findings).orElse(List.of()),
                result.map(AuditResult::errors).orElse(List.of()), failure, wall);
    }

    /** An audit that could not even start (the engine refused the URL, or broke). */
    static PageOutcome notRun(Row row, String why, Duration wall) {
        return new PageOutcome(row, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(), Optional.of(why), wall);
    }

    public boolean completed() {
        return risk.isPresent();
    }

    /** Completed with a risk of high_risk or likely_fraudulent. */
    public boolean highRisk() {
        return risk.filter(r -> r == RiskLevel.HIGH_RISK || r == RiskLevel.LIKELY_FRAUDULENT).isPresent();
    }

    /** Findings of the phishing check of severity high or critical. */
    public List<Finding> seriousPhishingFindings() {
        return findings.stream().filter(f -> f.checkId().startsWith("phishing."))
                .filter(f -> f.severity() == Severity.HIGH || f.severity() == Severity.CRITICAL).toList();
    }

    /** Findings of the dark-pattern check, of any severity. */
    public List<Finding> darkPatternFindings() {
        return findings.stream().filter(f -> f.checkId().startsWith("dark_patterns.")).toList();
    }

    /** Whether the verdict is what the row expects; an audit that did not complete never is. */
    public boolean asExpected() {
        return risk.filter(r -> row.expected().risks().contains(r)).isPresent()
                && (!row.expected().noHighPhishingFinding() || seriousPhishingFindings().isEmpty());
    }
}
