package dev.veritas.eval.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.Finding;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Severity;
import dev.veritas.checks.FindingBuilder;
import dev.veritas.eval.pages.PageManifest.Row;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The figures count every row of their corpus: a failed audit is a kit missed and an honest page judged wrongly. */
class PagesReportTest {
    private final List<Row> rows = PageManifest.read(TestCorpus.manifest()).rows();
    private final Row lookAlikeHttps = rows.get(0);
    private final Row lookAlikeHttp = rows.get(1);
    private final Row brandFreeHttps = rows.get(2);
    private final Row brandFreeHttp = rows.get(3);
    private final Row page = rows.get(4);

    @Test
    void phishingRecallIsSplitByHostNameStyleAndScheme() {
        PagesReport r = report(
                completed(lookAlikeHttps, 10, 3),
                completed(lookAlikeHttp, 30, 4),
                completed(brandFreeHttps, 55, 5),
                failed(brandFreeHttp, "could not capture the page: Converting circular structure to JSON", 6));

        assertThat(r.phishRecall()).isEqualTo(new PagesReport.Fraction(2, 4));
        assertThat(r.phishRecall(PagesReport.lookAlike(true))).isEqualTo(new PagesReport.Fraction(2, 2));
        assertThat(r.phishRecall(PagesReport.lookAlike(false))).isEqualTo(new PagesReport.Fraction(0, 2));
        assertThat(r.phishRecall(PagesReport.https(true))).isEqualTo(new PagesReport.Fraction(1, 2));
        assertThat(r.phishRecall(PagesReport.lookAlike(false).and(PagesReport.https(false)))).isEqualTo(new PagesReport.Fraction(0, 1));
        assertThat(r.failures()).extracting(o -> o.row().line()).containsExactly(brandFreeHttp.line());
        assertThat(r.phishRecall().rate()).isEqualTo(0.5);
    }

    @Test
    void anHonestPageCountsEachKindOfFalseAlarmSeparately() {
        Finding countdown = FindingBuilder.finding("dark_patterns.text.countdown_timer").category("urgency").patternType("countdown_timer")
                .severity(Severity.MEDIUM).confidence(0.8).title("Countdown timer").evidence("a sudden increase in errors").build();
        Finding poses = FindingBuilder.finding("phishing.brand_impersonation").category("phishing").patternType("brand_impersonation")
                .severity(Severity.CRITICAL).confidence(0.9).title("The page poses as a brand").build();
        Finding mild = FindingBuilder.finding("phishing.brand_impersonation").category("phishing").patternType("brand_impersonation")
                .severity(Severity.MEDIUM).confidence(0.5).title("The page names a brand").build();

        PageOutcome darkOnly = completed(page, 75, 2, countdown);
        PageOutcome mildPhishing = completed(page, 72, 2, mild);
        PageOutcome fraudulent = completed(page, 10, 2, poses);
        PageOutcome broken = failed(page, "timed out", 30);

        assertThat(darkOnly.asExpected()).isTrue();
        assertThat(mildPhishing.asExpected()).isTrue();
        assertThat(completed(page, 85, 2, poses).asExpected()).as("a high phishing finding is wrong at any score").isFalse();
        assertThat(fraudulent.asExpected()).isFalse();
        assertThat(broken.asExpected()).isFalse();

        PagesReport r = report(darkOnly, mildPhishing, fraudulent, broken);
        assertThat(r.benignHighRisk()).isEqualTo(new PagesReport.Fraction(1, 4));
        assertThat(r.benignSeriousPhishingFinding()).isEqualTo(new PagesReport.Fraction(1, 4));
        assertThat(r.benignDarkPattern()).isEqualTo(new PagesReport.Fraction(1, 4));
        assertThat(r.benignAsExpected()).isEqualTo(new PagesReport.Fraction(2, 4));
        assertThat(darkOnly.darkPatternFindings()).containsExactly(countdown);
        assertThat(fraudulent.seriousPhishingFindings()).containsExactly(poses);
    }

    @Test
    void theMedianAuditTimeCountsEveryAuditFailedOrNot() {
        assertThat(report(completed(page, 80, 4), failed(page, "x", 10), completed(page, 80, 2)).medianAudit()).isEqualTo(Duration.ofSeconds(4));
        assertThat(report(completed(page, 80, 4), completed(page, 80, 2), completed(page, 80, 8), completed(page, 80, 3))
                .medianAudit()).isEqualTo(Duration.ofMillis(3500));
        assertThat(report(completed(page, 80, 4), failed(page, "x", 10)).slowestAudit()).isEqualTo(Duration.ofSeconds(10));
        assertThat(report().medianAudit()).isEqualTo(Duration.ZERO);
    }

    @Test
    void anAuditThatCompletedWithErrorsIsListedApart() {
        PageOutcome noted = new PageOutcome(page, Optional.of("vrts_1"), Optional.of(AuditStatus.COMPLETED), Optional.of(80),
                Optional.of(RiskLevel.PROBABLY_SAFE), List.of(), List.of(), List.of("check scripts could not run: boom"),
                Optional.empty(), Optional.of("chromium"), Duration.ofSeconds(3));

        PagesReport r = report(noted, completed(page, 80, 3));

        assertThat(r.completedWithErrors()).containsExactly(noted);
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void anAuditCapturedWithoutChromiumIsCountedSoTheReportCanWarn() {
        PageOutcome plain = new PageOutcome(page, Optional.of("vrts_2"), Optional.of(AuditStatus.COMPLETED), Optional.of(80),
                Optional.of(RiskLevel.PROBABLY_SAFE), List.of(), List.of(), List.of(), Optional.empty(), Optional.of("http"),
                Duration.ofSeconds(1));

        assertThat(report(plain, completed(page, 80, 3), failed(page, "x", 1)).notInChromium()).containsExactly(plain);
    }

    private static PagesReport report(PageOutcome... outcomes) {
        return new PagesReport(List.of(outcomes), 2, "quick_scan", Duration.ofMinutes(1));
    }

    private static PageOutcome completed(Row row, int score, int seconds, Finding... findings) {
        return new PageOutcome(row, Optional.of("vrts_" + row.line()), Optional.of(AuditStatus.COMPLETED), Optional.of(score),
                Optional.of(RiskLevel.forScore(score)), List.of(), List.of(findings), List.of(), Optional.empty(), Optional.of("chromium"), Duration.ofSeconds(seconds));
    }

    private static PageOutcome failed(Row row, String why, int seconds) {
        return new PageOutcome(row, Optional.of("vrts_" + row.line()), Optional.of(AuditStatus.FAILED), Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of(), Optional.of(why), Optional.empty(), Duration.ofSeconds(seconds));
    }
}
