package dev.veritas.testing;

import dev.veritas.audit.AuditResult;
import dev.veritas.audit.Evidence;
import dev.veritas.audit.Finding;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.Recommendation;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Severity;
import dev.veritas.audit.Signal;
import dev.veritas.audit.Tier;
import dev.veritas.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Audits, findings and results for tests. */
public final class Samples {
    private Samples() {}

    public static NewAudit newAudit(String url) {
        return NewAudit.of(url, Tier.STANDARD_AUDIT);
    }

    public static Finding finding(String checkId, String patternType, Severity severity, String text) {
        return new Finding(checkId, "urgency", patternType, severity, 0.9, "Title " + patternType,
                "What " + patternType + " means", "In plain words: " + patternType,
                Optional.of("https://shop.example/cart"), Evidence.of(text, "#banner", Map.of("seen", List.of(1, 2))),
                OptionalInt.of(0));
    }

    public static List<Finding> findings(int n) {
        List<Finding> list = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int i = 0; i < n; i++) {
            list.add(finding("dp.text." + i, "pattern_" + i, severities[i % severities.length], "Only " + i + " left in stock"));
        }
        return list;
    }

    public static AuditResult result(int score, List<Finding> findings) {
        return new AuditResult(score, RiskLevel.forScore(score),
                Map.of("security", new Signal(0.8, 0.9, 0.25), "dark_patterns", new Signal(score / 100.0, 0.8, 0.3)),
                List.of(), "Narrative for score " + score,
                List.of(new Recommendation(Severity.HIGH, "Do not enter card details", List.of("dp.text.0"))),
                "ecommerce", 0.7, Json.object().put("grade", "B"), 3, 0, 1234, List.of(), findings);
    }
}
