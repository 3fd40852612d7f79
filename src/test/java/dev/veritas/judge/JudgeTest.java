package dev.veritas.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.Finding;
import dev.veritas.audit.Recommendation;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Severity;
import dev.veritas.audit.Signal;
import dev.veritas.audit.VerdictMode;
import dev.veritas.checks.CheckOutcome;
import dev.veritas.checks.CheckOutcome.SignalReading;
import dev.veritas.checks.FindingBuilder;
import dev.veritas.checks.SiteTypeCheck.Classification;
import dev.veritas.checks.SiteTypeCheck.SiteType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import org.assertj.core.data.Offset;
class JudgeTest {
    private static final List<String> SIGNALS = List.of("phishing", "transport", "security_headers", "dark_patterns", "scripts", "transparency");
    private static final Classification OTHER = new Classification(SiteType.OTHER, 0.3);

    // ---- building outcomes ----

    private static Finding finding(String id, Severity severity) {
        return finding(id, severity, 0.9, id.substring(id.lastIndexOf('.') + 1));
    }

    private static Finding finding(String id, Severity severity, double confidence, String patternType) {
        return FindingBuilder.finding(id).patternType(patternType).severity(severity).confidence(confidence)
                .title("Title of " + id).description("Expert words about " + id + ".").plainEnglish("Plain words about " + id + ".")
                .build();
    }

    private static CheckOutcome outcome(String name, double score, double confidence, Finding... findings) {
        return CheckOutcome.of(name, new SignalReading(score, confidence, name + " summary"), List.of(findings));
    }

    /** Every signal at 1.0 with full confidence, except the outcomes given, which replace theirs. */
    private static List<CheckOutcome> perfectExcept(CheckOutcome... replacing) {
        List<CheckOutcome> out = new ArrayList<>();
        Set<String> replaced = Arrays.stream(replacing).map(CheckOutcome::name).collect(Collectors.toSet());
        for (String s : SIGNALS) {
            if (!replaced.contains(s)) {
                out.add(outcome(s, 1.0, 1.0));
            }
        }
        out.addAll(List.of(replacing));
        return out;
    }

    /** Findings that do not move any signal: all signals stay perfect, so only overrides change the score. */
    private static List<CheckOutcome> perfectWith(Finding... findings) {
        List<CheckOutcome> out = perfectExcept();
        out.add(new CheckOutcome("findings_only", Optional.empty(), List.of(findings), Optional.empty()));
        return out;
    }

    private static Verdict judge(List<CheckOutcome> outcomes) {
        return judge(outcomes, OTHER, VerdictMode.EXPERT);
    }

    private static Verdict judge(List<CheckOutcome> outcomes, Classification type, VerdictMode mode) {
        return Judge.judge(new Judge.Input("shop.example", outcomes, type, mode, 1, List.of()));
    }

    private static List<String> allIds(List<CheckOutcome> outcomes) {
        return outcomes.stream().flatMap(o -> o.findings().stream()).map(Finding::checkId).toList();
    }

    // ---- the score ----

    @Test
    void aSpotlessSiteScoresOneHundredAndIsTrusted() {
        Verdict v = judge(perfectExcept());

        assertThat(v.trustScore()).isEqualTo(100);
        assertThat(v.uncappedScore()).isEqualTo(100);
        assertThat(v.riskLevel()).isEqualTo(RiskLevel.TRUSTED);
        assertThat(v.overrides()).isEmpty();
        assertThat(v.signals()).containsOnlyKeys(SIGNALS);
        assertThat(v.narrative()).contains("shop.example scores 100 out of 100: trusted")
                .contains("No phishing signals, dark patterns or connection problems were found.");
        assertThat(v.recommendations()).singleElement().satisfies(r -> {
            assertThat(r.text()).startsWith("No immediate concerns");
            assertThat(r.basedOn()).isEmpty();
            assertThat(r.priority()).isEqualTo(Severity.LOW);
        });
    }

    @ParameterizedTest(name = "{0}: dark patterns weigh {1}")
    @CsvSource({"OTHER, 0.20", "COMPANY, 0.20", "SAAS, 0.20", "ECOMMERCE, 0.25", "FINANCIAL, 0.10"})
    void darkPatternsWeighByKindOfSite(SiteType type, double weight) {
        Verdict v = judge(perfectExcept(outcome("dark_patterns", 0.0, 1.0)), new Classification(type, 0.8), VerdictMode.EXPERT);

        assertThat(v.trustScore()).isEqualTo((int) Math.round(100 * (1 - weight)));
        assertThat(v.signals().get("dark_patterns")).isEqualTo(new Signal(0.0, 1.0, weight));
    }

    @ParameterizedTest(name = "{0}: phishing weighs {1}")
    @CsvSource({"OTHER, 0.30", "ECOMMERCE, 0.25", "FINANCIAL, 0.35"})
    void phishingWeighsMostOnAFinancialSite(SiteType type, double weight) {
        Verdict v = judge(perfectExcept(outcome("phishing", 0.0, 1.0)), new Classification(type, 0.8), VerdictMode.EXPERT);

        assertThat(v.trustScore()).isEqualTo((int) Math.round(100 * (1 - weight)));
    }

    @ParameterizedTest
    @EnumSource(SiteType.class)
    void theWeightsOfEveryKindOfSiteAddUpToOne(SiteType type) {
        Map<String, Double> w = Weights.forSite(type);

        assertThat(w).containsOnlyKeys(SIGNALS);
        assertThat(w.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, Offset.offset(1e-9));
    }

    @Test
    void missingSignalsDropOutAndTheOthersShareTheirWeight() {
        // phishing 0.30 × 0.5 + transport 0.20 × 1.0 over 0.50 of weight = 0.70
        Verdict v = judge(List.of(outcome("phishing", 0.5, 1.0), outcome("transport", 1.0, 1.0),
                new CheckOutcome("security_headers", Optional.empty(), List.of(), Optional.empty())));

        assertThat(v.trustScore()).isEqualTo(70);
        assertThat(v.signals()).containsOnlyKeys("phishing", "transport");
    }

    @Test
    void confidenceScalesHowMuchASignalCounts() {
        // phishing 0.30 × 0.5 confidence at 0.0, transport 0.20 × 1.0 at 1.0: 0.20 / 0.35
        Verdict v = judge(List.of(outcome("phishing", 0.0, 0.5), outcome("transport", 1.0, 1.0)));

        assertThat(v.trustScore()).isEqualTo((int) Math.round(100 * 0.20 / 0.35));
    }

    @Test
    void outcomesWithoutAWeightDoNotCount() {
        Verdict v = judge(List.of(outcome("transport", 1.0, 1.0), outcome("site_type", 0.0, 1.0)));

        assertThat(v.trustScore()).isEqualTo(100);
        assertThat(v.signals()).containsOnlyKeys("transport");
    }

    @Test
    void withNoSignalAtAllTheScoreIsTheMiddle() {
        Verdict v = judge(List.of());

        assertThat(v.trustScore()).isEqualTo(50);
        assertThat(v.riskLevel()).isEqualTo(RiskLevel.SUSPICIOUS);
    }

    @Test
    void theSameOutcomesGiveTheSameVerdict() {
        List<CheckOutcome> outcomes = perfectExcept(outcome("transport", 0.3, 0.95, finding("transport.no_https", Severity.HIGH)),
                outcome("dark_patterns", 0.6, 0.85, finding("dark_patterns.text.low_stock_message", Severity.MEDIUM, 0.9, "low_stock_message")));

        assertThat(judge(outcomes)).isEqualTo(judge(outcomes));
    }

    // ---- overrides ----

    static Stream<Arguments> caps() {
        return Stream.of(
                Arguments.of("phishing_impersonation", 10, List.of(finding("phishing.brand_impersonation", Severity.CRITICAL))),
                Arguments.of("credential_form_cross_site", 25, List.of(finding("phishing.credential_form_cross_site", Severity.CRITICAL))),
                Arguments.of("credential_form_cross_site", 25, List.of(finding("phishing.card_form_cross_site", Severity.CRITICAL))),
                Arguments.of("credential_form_insecure", 30, List.of(finding("phishing.credential_form_insecure", Severity.CRITICAL))),
                Arguments.of("cryptominer", 20, List.of(finding("scripts.cryptominer", Severity.CRITICAL))),
                Arguments.of("invalid_certificate", 50, List.of(finding("transport.certificate_expired", Severity.CRITICAL))),
                Arguments.of("invalid_certificate", 50, List.of(finding("transport.certificate_self_signed", Severity.CRITICAL))),
                Arguments.of("invalid_certificate", 50, List.of(finding("transport.certificate_wrong_host", Severity.CRITICAL))),
                Arguments.of("invalid_certificate", 50, List.of(finding("transport.certificate_untrusted", Severity.CRITICAL))),
                Arguments.of("no_https", 60, List.of(finding("transport.no_https", Severity.HIGH))),
                Arguments.of("fake_countdown", 55, List.of(finding("dark_patterns.fake_countdown", Severity.HIGH, 0.95, "countdown_timer"))),
                Arguments.of("many_dark_patterns", 65, List.of(
                        finding("dark_patterns.text.low_stock_message", Severity.MEDIUM, 0.9, "low_stock_message"),
                        finding("dark_patterns.text.activity_notification", Severity.MEDIUM, 0.9, "activity_notification"),
                        finding("dark_patterns.preselected_option", Severity.HIGH, 0.85, "pressured_selling"),
                        finding("dark_patterns.hidden_decline", Severity.HIGH, 0.85, "visual_interference"))),
                Arguments.of("phishing_url", 40, List.of(suspiciousUrl(0.95, true))));
    }

    private static Finding suspiciousUrl(double probability, boolean asksForSecrets) {
        return FindingBuilder.finding("phishing.suspicious_url").patternType("deceptive_url").severity(Severity.HIGH).confidence(probability)
                .title("Suspicious address").description("d").plainEnglish("p")
                .evidence("https://x.example/", null, Map.of("asks_for_secrets", asksForSecrets)).build();
    }

    @Test
    void aPhishingLikeAddressAloneDoesNotCapTheScore() {
        Verdict v = judge(perfectWith(suspiciousUrl(0.97, false)));
        assertThat(v.overrides()).isEmpty();
    }

    @ParameterizedTest(name = "{0} caps at {1}")
    @MethodSource("caps")
    void eachOverrideCapsTheScore(String rule, int cap, List<Finding> findings) {
        Verdict v = judge(perfectWith(findings.toArray(Finding[]::new)));

        assertThat(v.overrides()).extracting(Override::rule).containsExactly(rule);
        assertThat(v.overrides().get(0).cap()).isEqualTo(cap);
        assertThat(v.trustScore()).isEqualTo(cap);
        assertThat(v.uncappedScore()).isEqualTo(100);
        assertThat(v.riskLevel()).isEqualTo(RiskLevel.forScore(cap));
        assertThat(v.narrative()).contains("The score is capped at " + cap + " because " + v.overrides().get(0).reason())
                .contains("(the signals alone would give 100)");
    }

    @Test
    void findingsBelowTheOverrideThresholdsDoNotCap() {
        Verdict v = judge(perfectWith(
                finding("transport.certificate_expiring", Severity.LOW),
                finding("phishing.suspicious_url", Severity.MEDIUM, 0.8, "deceptive_url"),
                finding("phishing.brand_in_title", Severity.MEDIUM, 0.5, "brand_impersonation"),
                finding("dark_patterns.text.low_stock_message", Severity.MEDIUM, 0.9, "low_stock_message"),
                finding("dark_patterns.text.activity_notification", Severity.MEDIUM, 0.9, "activity_notification"),
                finding("dark_patterns.text.activity_notification", Severity.MEDIUM, 0.8, "activity_notification"),
                finding("dark_patterns.preselected_option", Severity.HIGH, 0.85, "pressured_selling")));

        assertThat(v.overrides()).isEmpty();
        assertThat(v.trustScore()).isEqualTo(100);
    }

    @Test
    void theLowestCapWins() {
        Verdict v = judge(perfectWith(finding("transport.no_https", Severity.HIGH), finding("phishing.brand_impersonation", Severity.CRITICAL),
                finding("scripts.cryptominer", Severity.CRITICAL)));

        assertThat(v.overrides()).extracting(Override::cap).containsExactly(10, 20, 60);
        assertThat(v.trustScore()).isEqualTo(10);
        assertThat(v.riskLevel()).isEqualTo(RiskLevel.LIKELY_FRAUDULENT);
        assertThat(v.narrative()).contains("capped at 10 because the page poses as a well-known brand");
    }

    @Test
    void aCapNeverRaisesALowerScore() {
        Verdict v = judge(perfectExcept(outcome("transport", 0.0, 1.0, finding("transport.no_https", Severity.HIGH)),
                outcome("phishing", 0.0, 1.0), outcome("dark_patterns", 0.0, 1.0)));

        assertThat(v.uncappedScore()).isEqualTo(30);
        assertThat(v.trustScore()).isEqualTo(30);
        assertThat(v.overrides()).extracting(Override::rule).containsExactly("no_https");
        assertThat(v.narrative()).doesNotContain("the signals alone would give");
    }

    // ---- risk levels ----

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"100, TRUSTED", "90, TRUSTED", "89, PROBABLY_SAFE", "70, PROBABLY_SAFE", "69, SUSPICIOUS", "40, SUSPICIOUS",
            "39, HIGH_RISK", "20, HIGH_RISK", "19, LIKELY_FRAUDULENT", "0, LIKELY_FRAUDULENT"})
    void riskLevelBoundaries(int score, RiskLevel level) {
        Verdict v = judge(List.of(outcome("transport", score / 100.0, 1.0)));

        assertThat(v.trustScore()).isEqualTo(score);
        assertThat(v.riskLevel()).isEqualTo(level);
        assertThat(v.narrative()).contains(Narrator.phrase(level));
    }

    // ---- narrative ----

    @Test
    void theNarrativeCitesTheMostSevereFindingsFirstAndAtMostFour() {
        List<CheckOutcome> outcomes = perfectWith(
                finding("transparency.no_terms", Severity.LOW),
                finding("headers.x-frame-options", Severity.MEDIUM),
                finding("transport.no_https", Severity.HIGH),
                finding("phishing.credential_form_insecure", Severity.CRITICAL),
                finding("dark_patterns.text.low_stock_message", Severity.MEDIUM, 0.9, "low_stock_message"),
                finding("dark_patterns.text.low_stock_message", Severity.MEDIUM, 0.8, "low_stock_message"),
                finding("headers.content-security-policy", Severity.MEDIUM, 0.5, "csp"));

        String n = judge(outcomes).narrative();

        assertThat(n).contains("The main concerns: 1) Title of phishing.credential_form_insecure — Expert words about phishing.credential_form_insecure.")
                .contains("2) Title of transport.no_https").contains("4) ").doesNotContain("5) ");
        assertThat(n.indexOf("phishing.credential_form_insecure")).isLessThan(n.indexOf("transport.no_https"));
        assertThat(n.indexOf("transport.no_https")).isLessThan(n.indexOf("Title of headers.x-frame-options"));
        assertThat(n.split("Title of dark_patterns.text.low_stock_message", -1)).hasSizeLessThanOrEqualTo(2);
        assertThat(n).doesNotContain("Title of transparency.no_terms").doesNotContain("Title of headers.content-security-policy");
    }

    @Test
    void onlyLowFindingsAreCalledMinor() {
        String n = judge(perfectWith(finding("transparency.no_terms", Severity.LOW))).narrative();

        assertThat(n).contains("Only minor issues were found: Title of transparency.no_terms.");
    }

    @Test
    void expertWordingNamesTheTechnicalFactsAndSimpleWordingWhatTheyMean() {
        List<CheckOutcome> outcomes = perfectWith(finding("transport.no_https", Severity.HIGH));

        String expert = judge(outcomes, OTHER, VerdictMode.EXPERT).narrative();
        String simple = judge(outcomes, OTHER, VerdictMode.SIMPLE).narrative();

        assertThat(expert).contains("Expert words about transport.no_https").doesNotContain("Plain words")
                .contains("Security headers score 100/100 on the HTTP Observatory scale.");
        assertThat(simple).contains("Plain words about transport.no_https").doesNotContain("Expert words")
                .doesNotContain("HTTP Observatory");
    }

    @Test
    void theNarrativeNamesTheKindOfSitePagesAndCaptureNotes() {
        Verdict v = Judge.judge(new Judge.Input("shop.example", perfectExcept(), new Classification(SiteType.ECOMMERCE, 0.9),
                VerdictMode.EXPERT, 3, List.of("captured without a browser")));

        assertThat(v.narrative()).contains("It looks like an online shop; 3 pages were examined.")
                .contains("Note: captured without a browser.");
        assertThat(judge(perfectExcept()).narrative()).contains("It looks like a website; 1 page was examined.");
    }

    // ---- recommendations ----

    @Test
    void everyRecommendationRestsOnFindingsOfTheAudit() {
        List<CheckOutcome> outcomes = perfectExcept(
                outcome("phishing", 0.0, 1.0, finding("phishing.brand_impersonation", Severity.CRITICAL),
                        finding("phishing.credential_form_cross_site", Severity.CRITICAL)),
                outcome("transport", 0.3, 1.0, finding("transport.no_https", Severity.HIGH),
                        finding("transport.certificate_expired", Severity.CRITICAL)),
                outcome("scripts", 0.0, 1.0, finding("scripts.cryptominer", Severity.CRITICAL)),
                outcome("dark_patterns", 0.0, 1.0, finding("dark_patterns.fake_countdown", Severity.HIGH, 0.95, "countdown_timer"),
                        finding("dark_patterns.fake_scarcity", Severity.MEDIUM, 0.6, "low_stock_message"),
                        finding("dark_patterns.preselected_option", Severity.HIGH, 0.85, "pressured_selling"),
                        finding("dark_patterns.hidden_decline", Severity.HIGH, 0.85, "visual_interference"),
                        finding("dark_patterns.text.hard_to_cancel", Severity.HIGH, 0.9, "hard_to_cancel")),
                outcome("transparency", 0.1, 1.0, finding("transparency.no_contact", Severity.MEDIUM)),
                outcome("security_headers", 0.2, 1.0, finding("headers.content-security-policy", Severity.MEDIUM)));

        Verdict v = judge(outcomes);
        List<String> ids = allIds(outcomes);

        assertThat(v.recommendations()).hasSizeGreaterThan(10);
        assertThat(v.recommendations()).allSatisfy(r -> assertThat(r.basedOn()).isNotEmpty().isSubsetOf(ids));
        assertThat(v.recommendations()).noneMatch(r -> r.text().startsWith("No immediate concerns"));
    }

    @Test
    void aHighRiskSiteIsWarnedAboutFirstWithTheCriticalFindingsAsReasons() {
        List<CheckOutcome> outcomes = perfectWith(finding("phishing.brand_impersonation", Severity.CRITICAL),
                finding("transport.no_https", Severity.HIGH));

        Recommendation first = judge(outcomes).recommendations().get(0);

        assertThat(first.priority()).isEqualTo(Severity.CRITICAL);
        assertThat(first.text()).isEqualTo("Do not enter passwords, card numbers or personal details on shop.example.");
        assertThat(first.basedOn()).containsExactly("phishing.brand_impersonation");
    }

    @Test
    void aHighRiskVerdictWithoutCriticalFindingsStillNamesItsReasons() {
        List<CheckOutcome> outcomes = perfectExcept(
                outcome("transport", 0.0, 1.0, finding("transport.no_https", Severity.HIGH)),
                outcome("phishing", 0.0, 1.0), outcome("dark_patterns", 0.0, 1.0),
                outcome("security_headers", 1.0, 1.0, finding("headers.content-security-policy", Severity.MEDIUM)));

        Verdict v = judge(outcomes);

        assertThat(v.trustScore()).isEqualTo(30);
        assertThat(v.riskLevel()).isEqualTo(RiskLevel.HIGH_RISK);
        assertThat(v.recommendations().get(0).text()).startsWith("Do not enter passwords");
        assertThat(v.recommendations()).allSatisfy(r -> assertThat(r.basedOn()).isNotEmpty());
        assertThat(v.recommendations().get(0).basedOn()).contains("transport.no_https");
    }

    @Test
    void recommendationsComeMostUrgentFirst() {
        List<CheckOutcome> outcomes = perfectWith(finding("dark_patterns.hidden_decline", Severity.HIGH, 0.85, "visual_interference"),
                finding("transparency.no_contact", Severity.MEDIUM), finding("headers.x-frame-options", Severity.MEDIUM),
                finding("dark_patterns.fake_countdown", Severity.HIGH, 0.95, "countdown_timer"), finding("transport.no_https", Severity.HIGH));

        List<Recommendation> recs = judge(outcomes).recommendations();

        assertThat(recs).isSortedAccordingTo(Comparator.comparing(Recommendation::priority).reversed());
        assertThat(recs.get(0).basedOn()).containsExactly("transport.no_https");
    }

    @Test
    void preTickedBoxesAreQuotedInTheirRecommendation() {
        Finding ticked = FindingBuilder.finding("dark_patterns.preselected_option").patternType("pressured_selling").severity(Severity.HIGH)
                .title("A paid extra is ticked for you").evidence("Add 2-year protection ($19.99)", "#box", Map.of()).build();

        List<Recommendation> recs = judge(perfectWith(ticked)).recommendations();

        assertThat(recs).anySatisfy(r -> {
            assertThat(r.text()).contains("untick").contains("“Add 2-year protection ($19.99)”");
            assertThat(r.basedOn()).containsExactly("dark_patterns.preselected_option");
        });
    }

    @Test
    void headerAdviceNamesTheMissingProtectionsButIgnoresLowOnes() {
        List<Recommendation> recs = judge(perfectWith(finding("headers.content-security-policy", Severity.MEDIUM),
                finding("headers.strict-transport-security", Severity.MEDIUM), finding("headers.x-content-type-options", Severity.LOW)))
                .recommendations();

        assertThat(recs).singleElement().satisfies(r -> {
            assertThat(r.text()).contains("content-security-policy, strict-transport-security").doesNotContain("x-content-type-options");
            assertThat(r.basedOn()).containsExactly("headers.content-security-policy", "headers.strict-transport-security");
        });
    }

    @Test
    void brandImpersonationAdviceNamesTheBrand() {
        Finding f = FindingBuilder.finding("phishing.brand_impersonation").severity(Severity.CRITICAL).title("Poses as PayPal")
                .evidence("PayPal", "title", Map.of("brand", "PayPal", "host", "x.example")).build();

        assertThat(judge(perfectWith(f)).recommendations()).anySatisfy(r ->
                assertThat(r.text()).startsWith("If you meant to visit PayPal, type its address yourself"));
    }

    @Test
    void onlyLowFindingsGetNoAlarmingAdvice() {
        List<Recommendation> recs = judge(perfectWith(finding("transparency.no_terms", Severity.LOW))).recommendations();

        assertThat(recs).extracting(Recommendation::text).singleElement().asString().startsWith("No immediate concerns");
    }
}
