package dev.veritas.cli;

import dev.veritas.audit.AuditId;
import dev.veritas.audit.Comparison;
import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two or more audits: score and risk changes, signal deltas, findings added, removed and unchanged.")
final class CompareCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "2..*", description = "Audit ids, two or more")
    List<String> ids;

    @Option(names = "--json", description = "Print the comparison as JSON (the shape of GET /api/audits/compare)")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AuditStore s = store.open()) {
            Comparison c = s.compare(ids.stream().map(AuditId::new).toList());
            if (json) {
                out.println(Json.pretty(c));
                return 0;
            }
            TextTable t = new TextTable(60, "AUDIT", "CREATED (UTC)", "TIER", "PAGES", "SCORE", "RISK", "FINDINGS", "URL");
            for (Comparison.Compared a : c.audits()) {
                t.row(a.auditId(), Format.time(a.createdAt()), a.tier().wire(), a.pagesScanned().map(String::valueOf).orElse("-"),
                        a.trustScore().map(String::valueOf).orElse("-"), a.riskLevel().map(r -> r.wire()).orElse("-"),
                        a.findingsSummary().total(), a.url());
            }
            t.print(out);
            if (c.audits().stream().map(Comparison.Compared::tier).distinct().count() > 1) {
                out.println("note: the audits are of different tiers; a finding on a page only the deeper audit visited is not a change");
            }
            for (int i = 0; i < c.trustScoreDeltas().size(); i++) {
                Comparison.ScoreDelta d = c.trustScoreDeltas().get(i);
                out.println();
                out.printf(Locale.ROOT, "%s → %s: score %s%s%n", d.fromAuditId(), d.toAuditId(),
                        d.delta().map(x -> String.format(Locale.ROOT, "%+d", x)).orElse("not comparable (an audit has no score)"),
                        d.percentageChange().map(p -> String.format(Locale.ROOT, " (%+.1f%%)", p)).orElse(""));
                c.riskLevelChanges().stream().filter(r -> r.toAuditId().equals(d.toAuditId()))
                        .forEach(r -> out.println("  risk: " + r.from() + " → " + r.to()));
                c.signalDeltas().stream().filter(s2 -> s2.toAuditId().equals(d.toAuditId()) && s2.delta().map(x -> Math.abs(x) >= 0.005).orElse(true))
                        .forEach(s2 -> out.printf(Locale.ROOT, "  %-18s %s → %s%n", s2.signal(), s2.fromScore().map(x -> String.format(Locale.ROOT, "%.2f", x)).orElse("-"),
                                s2.toScore().map(x -> String.format(Locale.ROOT, "%.2f", x)).orElse("-")));
                Comparison.FindingsDiff f = c.findingChanges().get(i);
                if (!f.comparable()) {
                    out.println("  findings not compared: an audit has no result");
                    continue;
                }
                f.added().forEach(x -> out.println("  + [" + x.severity().wire() + "] " + x.title()));
                f.removed().forEach(x -> out.println("  - [" + x.severity().wire() + "] " + x.title()));
                out.println("  " + f.unchanged().size() + " findings unchanged");
            }
            return 0;
        }
    }
}
