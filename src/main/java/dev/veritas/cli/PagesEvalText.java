package dev.veritas.cli;

import dev.veritas.audit.Finding;
import dev.veritas.eval.pages.PageOutcome;
import dev.veritas.eval.pages.PagesReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The text report of {@code veritas eval pages}: a row per audit, the figures, what a person should look at. */
final class PagesEvalText {
    private static final int EVIDENCE_CHARS = 300;
    private final PrintWriter out;

    PagesEvalText(PrintWriter out) {
        this.out = out;
    }

    void print(PagesReport r, String manifest) {
        out.printf(Locale.ROOT, "%d audits of %s (%s, %d at a time)%n%n", r.outcomes().size(), manifest, r.tier(), r.parallel());
        TextTable table = new TextTable(60, "line", "corpus", "name", "style", "url", "verdict", "ok", "phishing", "dark", "s", "note");
        for (PageOutcome o : r.outcomes()) {
            table.row(o.row().line(), o.row().corpus().wire(), o.row().name(), o.row().style(), o.row().url(), verdict(o),
                    o.asExpected() ? "yes" : "NO", phishing(o), o.darkPatternFindings().size(),
                    String.format(Locale.ROOT, "%.1f", o.wall().toMillis() / 1000.0), note(o));
        }
        table.print(out);
        figures(r);
        failures(r);
        darkPatterns(r);
        seriousPhishing(r);
        out.printf(Locale.ROOT, "%nTime: median %.1f s per audit, slowest %.1f s; %d audits in %s, %d at a time%n",
                r.medianAudit().toMillis() / 1000.0, r.slowestAudit().toMillis() / 1000.0, r.outcomes().size(), clock(r.wall()), r.parallel());
        out.println(resultLine(r));
        out.flush();
    }

    private void figures(PagesReport r) {
        if (!r.phish().isEmpty()) {
            out.printf(Locale.ROOT, "%nPhishing kits (%d audits) judged high_risk or likely_fraudulent:%n", r.phish().size());
            TextTable t = new TextTable(40, "host name", "https", "http", "both");
            for (boolean lookAlike : new boolean[] {true, false}) {
                t.row(lookAlike ? "look-alike" : "brand-free",
                        fraction(r.phishRecall(PagesReport.lookAlike(lookAlike).and(PagesReport.https(true)))),
                        fraction(r.phishRecall(PagesReport.lookAlike(lookAlike).and(PagesReport.https(false)))),
                        fraction(r.phishRecall(PagesReport.lookAlike(lookAlike))));
            }
            t.row("all", fraction(r.phishRecall(PagesReport.https(true))), fraction(r.phishRecall(PagesReport.https(false))),
                    fraction(r.phishRecall()));
            t.print(out);
        }
        if (!r.benign().isEmpty()) {
            out.printf(Locale.ROOT, "%nHonest pages (%d audits):%n", r.benign().size());
            TextTable t = new TextTable(60, "", "pages", "rate");
            line(t, "judged high_risk or likely_fraudulent", r.benignHighRisk());
            line(t, "with a phishing finding of severity high or critical", r.benignSeriousPhishingFinding());
            line(t, "with any dark-pattern finding", r.benignDarkPattern());
            line(t, "judged as expected", r.benignAsExpected());
            t.print(out);
        }
    }

    private void failures(PagesReport r) {
        out.printf(Locale.ROOT, "%nErrors: %d audits did not complete (each counts as a wrong verdict)%n", r.failures().size());
        for (PageOutcome o : r.failures()) {
            out.printf(Locale.ROOT, "  line %d %s %s: %s%n", o.row().line(), o.row().name(), o.row().url(), o.failure().orElse("?"));
        }
        List<PageOutcome> noted = r.completedWithErrors();
        if (!noted.isEmpty()) {
            out.printf(Locale.ROOT, "%d audits completed with errors noted:%n", noted.size());
            for (PageOutcome o : noted) {
                out.printf(Locale.ROOT, "  line %d %s %s: %s%n", o.row().line(), o.row().name(), o.row().url(), String.join("; ", o.auditErrors()));
            }
        }
    }

    private void darkPatterns(PagesReport r) {
        List<PageOutcome> flagged = r.benign().stream().filter(o -> !o.darkPatternFindings().isEmpty()).toList();
        out.printf(Locale.ROOT, "%nDark-pattern findings on honest pages (%d pages; would a person reading the page agree?)%n", flagged.size());
        for (PageOutcome o : flagged) {
            out.printf(Locale.ROOT, "  %s %s%n", o.row().name(), o.row().url());
            o.darkPatternFindings().forEach(this::finding);
        }
    }

    private void seriousPhishing(PagesReport r) {
        List<PageOutcome> flagged = r.benign().stream().filter(o -> !o.seriousPhishingFindings().isEmpty()).toList();
        out.printf(Locale.ROOT, "%nPhishing findings of severity high or critical on honest pages (%d pages)%n", flagged.size());
        for (PageOutcome o : flagged) {
            out.printf(Locale.ROOT, "  %s %s (%s)%n", o.row().name(), o.row().url(), verdict(o));
            o.seriousPhishingFindings().forEach(this::finding);
        }
    }

    private void finding(Finding f) {
        out.printf(Locale.ROOT, "    [%s] %s: %s%n", f.severity().wire(), f.checkId(), f.title());
        f.evidence().text().ifPresent(t -> out.printf(Locale.ROOT, "        \"%s\"%n", shorten(t.replaceAll("\\s+", " ").strip())));
    }

    /** The last line, in the form of the other eval commands. */
    static String resultLine(PagesReport r) {
        return String.format(Locale.ROOT,
                "RESULT phish_recall=%.3f phish_recall_https=%.3f phish_recall_http=%.3f phish_recall_look_alike=%.3f"
                        + " phish_recall_brand_free=%.3f benign_high_risk_rate=%.3f benign_high_phishing_finding_rate=%.3f"
                        + " benign_dark_pattern_rate=%.3f errors=%d median_audit_s=%.1f",
                r.phishRecall().rate(), r.phishRecall(PagesReport.https(true)).rate(), r.phishRecall(PagesReport.https(false)).rate(),
                r.phishRecall(PagesReport.lookAlike(true)).rate(), r.phishRecall(PagesReport.lookAlike(false)).rate(),
                r.benignHighRisk().rate(), r.benignSeriousPhishingFinding().rate(), r.benignDarkPattern().rate(),
                r.failures().size(), r.medianAudit().toMillis() / 1000.0);
    }

    private static String verdict(PageOutcome o) {
        if (o.risk().isPresent()) {
            return o.score().orElse(0) + " " + o.risk().get().wire();
        }
        return o.status().map(s -> s.wire().toUpperCase(Locale.ROOT)).orElse("NOT RUN");
    }

    private static String phishing(PageOutcome o) {
        long all = o.findings().stream().filter(f -> f.checkId().startsWith("phishing.")).count();
        int serious = o.seriousPhishingFindings().size();
        return serious == 0 ? Long.toString(all) : all + " (" + serious + " high+)";
    }

    private static String note(PageOutcome o) {
        if (o.failure().isPresent()) {
            return o.failure().get();
        }
        return o.overrides().isEmpty() ? "" : "capped: " + String.join(", ", o.overrides());
    }

    private static void line(TextTable t, String what, PagesReport.Fraction f) {
        t.row(what, f.count() + " of " + f.of(), String.format(Locale.ROOT, "%.1f%%", 100 * f.rate()));
    }

    private static String fraction(PagesReport.Fraction f) {
        return f.of() == 0 ? "-" : String.format(Locale.ROOT, "%d/%d %.3f", f.count(), f.of(), f.rate());
    }

    private static String shorten(String text) {
        return text.length() <= EVIDENCE_CHARS ? text : text.substring(0, EVIDENCE_CHARS - 1) + "…";
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + " s";
    }
}
