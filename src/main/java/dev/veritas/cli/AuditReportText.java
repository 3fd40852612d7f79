package dev.veritas.cli;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.Finding;
import dev.veritas.audit.Recommendation;
import dev.veritas.audit.Screenshot;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

/** An audit as readable text for the terminal. */
final class AuditReportText {
    private final PrintWriter out;

    AuditReportText(PrintWriter out) {
        this.out = out;
    }

    void print(Audit a) {
        out.println(a.url());
        out.printf("  audit %s · %s · %s%n", a.id(), a.tier().wire(), a.status().wire());
        out.printf("  created %s UTC, finished %s%n", Format.time(a.createdAt()), Format.time(a.completedAt()));
        a.errorMessage().ifPresent(m -> out.println("  " + m));
        if (a.result().isEmpty()) {
            out.flush();
            return;
        }
        AuditResult r = a.result().get();
        out.println();
        out.printf("  Trust score %d/100 — %s%n", r.trustScore(), r.riskLevel().wire().replace('_', ' '));
        out.printf("  %d pages, %d screenshots, %s, site type %s%n", r.pagesScanned(), a.screenshots().size(),
                Format.millis(r.elapsedMs()), r.siteType());
        if (!r.overrides().isEmpty()) {
            out.println("  capped by: " + String.join(", ", r.overrides()));
        }
        if (!r.narrative().isBlank()) {
            out.println();
            for (String para : r.narrative().split("\n")) {
                out.println("  " + para);
            }
        }
        List<Finding> findings = r.findings().stream()
                .sorted(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::confidence, Comparator.reverseOrder()))
                .toList();
        if (!findings.isEmpty()) {
            out.println();
            out.println("  Findings (" + findings.size() + ")");
            for (Finding f : findings) {
                out.printf("  [%s] %s (%s/%s, %.0f%%)%n", f.severity().wire().toUpperCase(java.util.Locale.ROOT), f.title(),
                        f.category(), f.patternType(), f.confidence() * 100);
                f.evidence().text().ifPresent(t -> out.println("      “" + oneLine(t) + "”"));
                f.pageUrl().ifPresent(u -> out.println("      on " + u));
            }
        }
        if (!r.recommendations().isEmpty()) {
            out.println();
            out.println("  Recommendations");
            for (Recommendation rec : r.recommendations()) {
                out.printf("  - (%s) %s%n", rec.priority().wire(), rec.text());
            }
        }
        if (!a.screenshots().isEmpty()) {
            out.println();
            out.println("  Screenshots");
            for (Screenshot s : a.screenshots()) {
                out.printf("  #%d %s %dx%d %s%n", s.index(), s.label(), s.width(), s.height(), Format.bytes(s.sizeBytes()));
            }
        }
        out.flush();
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 160 ? t.substring(0, 159) + "…" : t;
    }
}
