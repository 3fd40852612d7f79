package dev.veritas.judge;

import dev.veritas.audit.Finding;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Signal;
import dev.veritas.audit.VerdictMode;
import dev.veritas.checks.CheckOutcome;
import dev.veritas.checks.SiteTypeCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns check outcomes into a verdict: a confidence-weighted mean of the signals (so a spotless site reaches
 * 100), capped by override rules for facts that are disqualifying on their own, then a risk level, a narrative
 * and recommendations that cite the findings. Deterministic: the same outcomes give the same verdict.
 */
public final class Judge {
    private Judge() {}

    public record Input(String host, List<CheckOutcome> outcomes, SiteTypeCheck.Classification siteType, VerdictMode mode,
                        int pagesScanned, List<String> captureNotes) {}

    public static Verdict judge(Input in) {
        Map<String, Double> weights = Weights.forSite(in.siteType().type());
        Map<String, Signal> signals = new TreeMap<>();
        double weighted = 0;
        double total = 0;
        List<Finding> findings = new ArrayList<>();
        for (CheckOutcome o : in.outcomes()) {
            findings.addAll(o.findings());
            if (o.signal().isEmpty() || !weights.containsKey(o.name())) {
                continue;
            }
            CheckOutcome.SignalReading r = o.signal().get();
            double w = weights.get(o.name());
            signals.put(o.name(), new Signal(round3(r.score()), round3(r.confidence()), w));
            weighted += w * r.confidence() * r.score();
            total += w * r.confidence();
        }
        int uncapped = total == 0 ? 50 : (int) Math.round(100 * weighted / total);
        List<Override> overrides = OverrideRules.apply(findings);
        int score = uncapped;
        for (Override o : overrides) {
            score = Math.min(score, o.cap());
        }
        score = Math.max(0, Math.min(100, score));
        RiskLevel risk = RiskLevel.forScore(score);
        findings.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::confidence, Comparator.reverseOrder()));
        String narrative = Narrator.narrate(in, score, uncapped, risk, findings, overrides, signals);
        return new Verdict(score, uncapped, risk, signals, overrides, narrative, Advisor.recommend(in.host(), risk, findings));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
