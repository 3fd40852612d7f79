package dev.veritas.eval.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.Finding;
import dev.veritas.audit.RiskLevel;
import dev.veritas.json.Json;
import java.time.Duration;
import java.util.stream.Collectors;

/** The report of a run as JSON: the figures, and every row with its verdict, findings, errors and time. */
public final class PagesReportJson {
    private PagesReportJson() {}

    public static ObjectNode of(PagesReport r, String manifest) {
        ObjectNode root = Json.object();
        root.put("manifest", manifest);
        root.put("tier", r.tier());
        root.put("parallel", r.parallel());
        root.put("audits", r.outcomes().size());
        root.put("wall_s", seconds(r.wall()));
        root.put("median_audit_s", seconds(r.medianAudit()));
        root.put("slowest_audit_s", seconds(r.slowestAudit()));
        ObjectNode figures = root.putObject("figures");
        fraction(figures, "phish_recall", r.phishRecall());
        fraction(figures, "phish_recall_https", r.phishRecall(PagesReport.https(true)));
        fraction(figures, "phish_recall_http", r.phishRecall(PagesReport.https(false)));
        fraction(figures, "phish_recall_look_alike", r.phishRecall(PagesReport.lookAlike(true)));
        fraction(figures, "phish_recall_brand_free", r.phishRecall(PagesReport.lookAlike(false)));
        for (boolean lookAlike : new boolean[] {true, false}) {
            for (boolean https : new boolean[] {true, false}) {
                fraction(figures, "phish_recall_" + (lookAlike ? "look_alike" : "brand_free") + "_" + (https ? "https" : "http"),
                        r.phishRecall(PagesReport.lookAlike(lookAlike).and(PagesReport.https(https))));
            }
        }
        fraction(figures, "benign_high_risk", r.benignHighRisk());
        fraction(figures, "benign_high_or_critical_phishing_finding", r.benignSeriousPhishingFinding());
        fraction(figures, "benign_dark_pattern", r.benignDarkPattern());
        fraction(figures, "benign_as_expected", r.benignAsExpected());
        figures.put("failed_audits", r.failures().size());
        figures.put("audits_with_errors", r.completedWithErrors().size());
        ArrayNode rows = root.putArray("rows");
        for (PageOutcome o : r.outcomes()) {
            rows.add(row(o));
        }
        return root;
    }

    private static ObjectNode row(PageOutcome o) {
        ObjectNode n = Json.object();
        n.put("line", o.row().line());
        n.put("corpus", o.row().corpus().wire());
        n.put("name", o.row().name());
        n.put("url", o.row().url().toString());
        n.put("style", o.row().style());
        n.put("expected", o.row().expected().risks().stream().map(RiskLevel::wire).collect(Collectors.joining("|"))
                + (o.row().expected().noHighPhishingFinding() ? ";no_high_or_critical_phishing_finding" : ""));
        n.put("status", o.status().map(s -> s.wire()).orElse("not_run"));
        n.put("audit_id", o.auditId().orElse(null));
        if (o.score().isPresent()) {
            n.put("trust_score", o.score().get());
        } else {
            n.putNull("trust_score");
        }
        n.put("risk_level", o.risk().map(RiskLevel::wire).orElse(null));
        n.put("as_expected", o.asExpected());
        n.put("seconds", seconds(o.wall()));
        n.put("failure", o.failure().orElse(null));
        n.set("overrides", Json.tree(o.overrides()));
        n.set("audit_errors", Json.tree(o.auditErrors()));
        ArrayNode findings = n.putArray("findings");
        for (Finding f : o.findings()) {
            ObjectNode fn = findings.addObject();
            fn.put("check_id", f.checkId());
            fn.put("category", f.category());
            fn.put("pattern_type", f.patternType());
            fn.put("severity", f.severity().wire());
            fn.put("confidence", f.confidence());
            fn.put("title", f.title());
            fn.put("evidence", f.evidence().text().orElse(null));
            fn.put("selector", f.evidence().selector().orElse(null));
        }
        return n;
    }

    private static void fraction(ObjectNode figures, String name, PagesReport.Fraction f) {
        figures.putObject(name).put("count", f.count()).put("of", f.of()).put("rate", Math.round(f.rate() * 1000) / 1000.0);
    }

    private static double seconds(Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }
}
