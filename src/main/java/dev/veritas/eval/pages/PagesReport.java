package dev.veritas.eval.pages;

import dev.veritas.eval.pages.PageManifest.Corpus;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The figures of a run over a page corpus. Every rate counts every row of its corpus: an audit that failed is a
 * phishing kit missed, and an honest page not judged as expected.
 */
public record PagesReport(List<PageOutcome> outcomes, int parallel, String tier, Duration wall) {
    public PagesReport {
        outcomes = List.copyOf(outcomes);
    }

    /** {@code count} of {@code of} rows. */
    public record Fraction(int count, int of) {
        public double rate() {
            return of == 0 ? 0 : (double) count / of;
        }
    }

    public List<PageOutcome> phish() {
        return corpus(Corpus.PHISH);
    }

    public List<PageOutcome> benign() {
        return corpus(Corpus.BENIGN);
    }

    private List<PageOutcome> corpus(Corpus c) {
        return outcomes.stream().filter(o -> o.row().corpus() == c).toList();
    }

    /** Phishing kits judged high_risk or likely_fraudulent, among the kit audits that {@code which} selects. */
    public Fraction phishRecall(Predicate<PageOutcome> which) {
        return fraction(phish().stream().filter(which).toList(), PageOutcome::highRisk);
    }

    public Fraction phishRecall() {
        return phishRecall(o -> true);
    }

    public static Predicate<PageOutcome> lookAlike(boolean lookAlike) {
        return o -> o.row().brandFree() != lookAlike;
    }

    public static Predicate<PageOutcome> https(boolean https) {
        return o -> o.row().https() == https;
    }

    public Fraction benignHighRisk() {
        return fraction(benign(), PageOutcome::highRisk);
    }

    public Fraction benignSeriousPhishingFinding() {
        return fraction(benign(), o -> !o.seriousPhishingFindings().isEmpty());
    }

    public Fraction benignDarkPattern() {
        return fraction(benign(), o -> !o.darkPatternFindings().isEmpty());
    }

    public Fraction benignAsExpected() {
        return fraction(benign(), PageOutcome::asExpected);
    }

    /** Audits that did not complete: no verdict. */
    public List<PageOutcome> failures() {
        return outcomes.stream().filter(o -> !o.completed()).toList();
    }

    /** Audits that completed but noted errors on the way (a page not captured, a check that could not run). */
    public List<PageOutcome> completedWithErrors() {
        return outcomes.stream().filter(o -> o.completed() && !o.auditErrors().isEmpty()).toList();
    }

    /** The median wall time of one audit (the mean of the middle two for an even count). */
    public Duration medianAudit() {
        List<Duration> times = sortedTimes();
        int n = times.size();
        if (n == 0) {
            return Duration.ZERO;
        }
        return n % 2 == 1 ? times.get(n / 2) : times.get(n / 2 - 1).plus(times.get(n / 2)).dividedBy(2);
    }

    public Duration slowestAudit() {
        List<Duration> times = sortedTimes();
        return times.isEmpty() ? Duration.ZERO : times.get(times.size() - 1);
    }

    private List<Duration> sortedTimes() {
        return outcomes.stream().map(PageOutcome::wall).sorted().toList();
    }

    private static Fraction fraction(List<PageOutcome> rows, Predicate<PageOutcome> hit) {
        return new Fraction((int) rows.stream().filter(hit).count(), rows.size());
    }
}
