package dev.veritas.audit;

import dev.veritas.audit.Comparison.Compared;
import dev.veritas.audit.Comparison.FindingRef;
import dev.veritas.audit.Comparison.FindingsDiff;
import dev.veritas.audit.Comparison.FindingsSummary;
import dev.veritas.audit.Comparison.RiskChange;
import dev.veritas.audit.Comparison.ScoreDelta;
import dev.veritas.audit.Comparison.SignalDelta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Compares audits. Pure: no store, no clock; the same audits always give the same comparison. */
public final class AuditComparer {
    private AuditComparer() {}

    public static Comparison compare(List<Audit> audits) {
        Require.present("audits", audits);
        if (audits.size() < 2) {
            throw new IllegalArgumentException("at least 2 audits are needed for a comparison (got " + audits.size() + ")");
        }
        List<Audit> ordered = new ArrayList<>(audits);
        ordered.sort(Comparator.comparing(Audit::createdAt).thenComparing(a -> a.id().value()));

        List<Compared> compared = ordered.stream().map(AuditComparer::summarise).toList();
        List<ScoreDelta> scores = new ArrayList<>();
        List<RiskChange> risks = new ArrayList<>();
        List<SignalDelta> signals = new ArrayList<>();
        List<FindingsDiff> findings = new ArrayList<>();
        for (int i = 1; i < ordered.size(); i++) {
            Audit from = ordered.get(i - 1);
            Audit to = ordered.get(i);
            scores.add(scoreDelta(from, to));
            riskChange(from, to).ifPresent(risks::add);
            signals.addAll(signalDeltas(from, to));
            findings.add(findingsDiff(from, to));
        }
        return new Comparison(compared, scores, risks, signals, findings);
    }

    /** One audit as a comparison lists it. */
    public static Compared summaryOf(Audit a) {
        return summarise(a);
    }

    private static Compared summarise(Audit a) {
        int critical = 0, high = 0, medium = 0, low = 0;
        for (Finding f : a.findings()) {
            switch (f.severity()) {
                case CRITICAL -> critical++;
                case HIGH -> high++;
                case MEDIUM -> medium++;
                case LOW -> low++;
            }
        }
        return new Compared(
                a.id(), a.url(), a.status(), a.tier(),
                a.result().map(AuditResult::pagesScanned),
                a.result().map(AuditResult::trustScore),
                a.result().map(AuditResult::riskLevel),
                a.result().map(AuditResult::siteType),
                a.createdAt(), a.completedAt(),
                a.screenshots().size(),
                new FindingsSummary(a.findings().size(), critical, high, medium, low));
    }

    static ScoreDelta scoreDelta(Audit from, Audit to) {
        Optional<Integer> before = from.result().map(AuditResult::trustScore);
        Optional<Integer> after = to.result().map(AuditResult::trustScore);
        Optional<Integer> delta = before.isPresent() && after.isPresent() ? Optional.of(after.get() - before.get()) : Optional.empty();
        Optional<Double> pct = delta.flatMap(d -> before.filter(b -> b != 0).map(b -> round1(d * 100.0 / b)));
        return new ScoreDelta(from.id(), to.id(), before, after, delta, pct);
    }

    private static Optional<RiskChange> riskChange(Audit from, Audit to) {
        String before = from.result().map(r -> r.riskLevel().wire()).orElse("unknown");
        String after = to.result().map(r -> r.riskLevel().wire()).orElse("unknown");
        return before.equals(after) ? Optional.empty() : Optional.of(new RiskChange(from.id(), to.id(), before, after));
    }

    private static List<SignalDelta> signalDeltas(Audit from, Audit to) {
        Map<String, Signal> before = from.result().map(AuditResult::signals).orElse(Map.of());
        Map<String, Signal> after = to.result().map(AuditResult::signals).orElse(Map.of());
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<SignalDelta> deltas = new ArrayList<>();
        for (String name : names) {
            Optional<Double> b = Optional.ofNullable(before.get(name)).map(Signal::score);
            Optional<Double> a = Optional.ofNullable(after.get(name)).map(Signal::score);
            Optional<Double> d = b.isPresent() && a.isPresent() ? Optional.of(round3(a.get() - b.get())) : Optional.empty();
            deltas.add(new SignalDelta(from.id(), to.id(), name, b, a, d));
        }
        return deltas;
    }

    static FindingsDiff findingsDiff(Audit from, Audit to) {
        if (from.result().isEmpty() || to.result().isEmpty()) {
            // An audit without a result found nothing because it never looked: listing the other audit's findings as
            // "removed" or "added" would report a change in the site that did not happen.
            return new FindingsDiff(from.id(), to.id(), false, List.of(), List.of(), List.of());
        }
        Map<String, Finding> before = byFingerprint(from.findings());
        Map<String, Finding> after = byFingerprint(to.findings());
        List<FindingRef> added = new ArrayList<>();
        List<FindingRef> removed = new ArrayList<>();
        List<FindingRef> unchanged = new ArrayList<>();
        after.forEach((key, f) -> (before.containsKey(key) ? unchanged : added).add(FindingRef.of(f)));
        before.forEach((key, f) -> {
            if (!after.containsKey(key)) {
                removed.add(FindingRef.of(f));
            }
        });
        return new FindingsDiff(from.id(), to.id(), true, added, removed, unchanged);
    }

    private static Map<String, Finding> byFingerprint(List<Finding> findings) {
        Map<String, Finding> map = new LinkedHashMap<>();
        for (Finding f : findings) {
            map.merge(f.fingerprint(), f, (x, y) -> x.severity().compareTo(y.severity()) >= 0 ? x : y);
        }
        return map;
    }

    private static double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
