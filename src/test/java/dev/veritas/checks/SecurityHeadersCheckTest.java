package dev.veritas.checks;

import static dev.veritas.testing.Captures.STARTED;
import static dev.veritas.testing.Captures.certificate;
import static dev.veritas.testing.Captures.hop;
import static dev.veritas.testing.Captures.page;
import static dev.veritas.testing.Captures.site;
import static dev.veritas.testing.Outcomes.ids;
import static dev.veritas.testing.Outcomes.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.Finding;
import dev.veritas.audit.Severity;
import dev.veritas.capture.HeaderMap;
import dev.veritas.capture.SiteCapture;
import dev.veritas.checks.observatory.CorsProbe;
import dev.veritas.checks.observatory.HttpProbe;
import dev.veritas.checks.observatory.ObservatoryInput;
import dev.veritas.testing.Captures.PageBuilder;
import dev.veritas.testing.Captures.SiteBuilder;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityHeadersCheckTest {
    private static final String HOME = "https://www.fashionshop.com/";
    private final SecurityHeadersCheck check = new SecurityHeadersCheck();

    /** Every header Observatory rewards; graded A+ with plain HTTP redirecting to HTTPS. */
    private static PageBuilder strict() {
        return page(HOME)
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Strict-Transport-Security", "max-age=31536000")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .html("<!doctype html><html><head><title>Shop</title></head><body>hello</body></html>");
    }

    private static SiteBuilder strictSite() {
        return site(strict()).validCertificates().httpRedirectsToHttps();
    }

    private static JsonNode observatory(CheckOutcome o) {
        return o.details().orElseThrow().get("observatory");
    }

    @Test
    void theObservatoryReportIsPlacedUnderObservatory() {
        CheckOutcome o = check.run(strictSite().build());

        JsonNode report = observatory(o);
        assertThat(report.get("grade").asText()).isEqualTo("A+");
        assertThat(report.get("algorithm_version").asInt()).isEqualTo(6);
        assertThat(report.get("tests").size()).isEqualTo(12);
        assertThat(report.get("tests").get("strict-transport-security").get("pass").asBoolean()).isTrue();
        assertThat(report.get("score_breakdown").has("with_extra_credit")).isTrue();
        assertThat(report.get("score_breakdown").has("lost_bonuses")).isTrue();
        assertThat(report.get("notes").isArray()).isTrue();
        assertThat(o.findings()).isEmpty();
        assertThat(o.signal().orElseThrow().score()).isEqualTo(1.0);
        assertThat(o.signal().orElseThrow().summary()).startsWith("Observatory grade A+ (").endsWith("12 of 12 tests passed");
    }

    @Test
    void theSignalIsTheObservatoryScoreOverOneHundred() {
        CheckOutcome o = check.run(site(page(HOME)).httpRedirectsToHttps().build());

        int score = observatory(o).get("score").asInt();
        assertThat(score).isLessThan(100);
        assertThat(o.signal().orElseThrow().score()).isEqualTo(score / 100.0);
        assertThat(o.signal().orElseThrow().confidence()).isEqualTo(0.9);
    }

    @Test
    void eachFailedTestIsAFindingWithItsFix() {
        CheckOutcome o = check.run(site(page(HOME)).httpRedirectsToHttps().build());

        assertThat(ids(o)).containsExactlyInAnyOrder("headers.content-security-policy", "headers.strict-transport-security",
                "headers.x-content-type-options", "headers.x-frame-options");
        Finding csp = only(o, "headers.content-security-policy");
        assertThat(csp.patternType()).isEqualTo("csp-not-implemented");
        assertThat(csp.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(csp.category()).isEqualTo("security");
        assertThat(csp.evidence().text()).contains("content-security-policy: (not sent)");
        assertThat(csp.evidence().values()).containsEntry("result", "csp-not-implemented").containsEntry("score_modifier", -25);
        assertThat(only(o, "headers.x-content-type-options").severity()).isEqualTo(Severity.LOW);
        assertThat(only(o, "headers.x-frame-options").title()).contains("clickjacking");
    }

    @Test
    void aHeaderSentWithABadValueIsQuotedAsEvidence() {
        CheckOutcome o = check.run(site(strict().header("X-Content-Type-Options", "whimsy")).validCertificates().httpRedirectsToHttps().build());

        Finding f = only(o, "headers.x-content-type-options");
        assertThat(f.patternType()).isEqualTo("x-content-type-options-header-invalid");
        assertThat(f.evidence().text()).contains("x-content-type-options: nosniff, whimsy");
    }

    @ParameterizedTest(name = "modifier {0} → {1}")
    @CsvSource({"-50, HIGH", "-40, HIGH", "-39, MEDIUM", "-25, MEDIUM", "-20, MEDIUM", "-19, LOW", "-5, LOW", "0, LOW"})
    void severityFollowsTheScoreModifier(int modifier, Severity expected) {
        assertThat(SecurityHeadersCheck.severity(modifier)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410, 500, 503})
    void statusesObservatoryDoesNotGradeGiveNoSignal(int status) {
        CheckOutcome o = check.run(site(page(HOME).status(status)).build());

        assertThat(o.signal()).isEmpty();
        assertThat(o.findings()).isEmpty();
        assertThat(observatory(o).get("graded").asBoolean()).isFalse();
        assertThat(observatory(o).get("reason").asText()).contains(String.valueOf(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 301, 401, 403})
    void gradedStatusesGiveASignal(int status) {
        assertThat(check.run(site(strict().status(status)).build()).signal()).isPresent();
    }

    @Test
    void aCaptureWithoutPagesGivesNoSignalAndNoDetails() {
        CheckOutcome o = check.run(site().target(HOME).build());

        assertThat(o.signal()).isEmpty();
        assertThat(o.details()).isEmpty();
    }

    // ---- what reaches the grader ----

    @Test
    void theHttpProbeReachesTheGrader() {
        SiteCapture noRedirect = site(strict()).validCertificates().httpProbe(hop("http://www.fashionshop.com/", 200)).build();

        Finding f = only(check.run(noRedirect), "headers.redirection");
        assertThat(f.patternType()).isEqualTo("redirection-missing");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);

        ObservatoryInput in = SecurityHeadersCheck.input(noRedirect, noRedirect.pages().get(0));
        assertThat(in.httpProbe()).isInstanceOfSatisfying(HttpProbe.Redirects.class,
                r -> assertThat(r.hops()).extracting(h -> h.url().toString()).containsExactly("http://www.fashionshop.com/"));
    }

    @Test
    void nothingListeningOnPlainHttpReachesTheGraderAsNoListener() {
        SiteCapture c = site(strict()).validCertificates().httpUnreachable().build();

        assertThat(SecurityHeadersCheck.input(c, c.pages().get(0)).httpProbe()).isInstanceOf(HttpProbe.NoHttpListener.class);
        assertThat(ids(check.run(c))).doesNotContain("headers.redirection");
        assertThat(observatory(check.run(c)).get("tests").get("redirection").get("result").asText())
                .isEqualTo("redirection-not-needed-no-http");
    }

    @Test
    void anInvalidCertificateReachesTheGrader() {
        SiteCapture c = site(strict()).httpRedirectsToHttps()
                .tls(certificate("www.fashionshop.com", false, Optional.of("expired"), true, false, false, STARTED.minus(Duration.ofDays(3))))
                .build();

        assertThat(SecurityHeadersCheck.input(c, c.pages().get(0)).certificateValid()).isFalse();
        assertThat(only(check.run(c), "headers.redirection").patternType()).isEqualTo("redirection-invalid-cert");
    }

    @Test
    void aDowngradeInTheHttpProbeIsItsOwnFinding() {
        SiteCapture c = site(strict()).validCertificates().httpProbe(
                hop("http://www.fashionshop.com/", 301, HOME),
                hop(HOME, 302, "http://www.fashionshop.com/plain"),
                hop("http://www.fashionshop.com/plain", 200)).build();

        Finding f = only(check.run(c), "headers.https_downgrade");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.description()).contains("http://www.fashionshop.com/plain");
    }

    @Test
    void theCorsProbeReachesTheGraderWithTheOriginTheEngineSends() {
        HeaderMap echoed = HeaderMap.builder().add("Access-Control-Allow-Origin", SiteCapture.CorsProbe.ORIGIN)
                .add("Access-Control-Allow-Credentials", "true").build();
        SiteCapture c = strictSite().cors(echoed).build();

        Optional<CorsProbe> probe = SecurityHeadersCheck.input(c, c.pages().get(0)).corsProbe();
        assertThat(probe).hasValueSatisfying(p -> assertThat(p.origin()).isEqualTo("https://veritas-cors-probe.example"));

        Finding f = only(check.run(c), "headers.cross-origin-resource-sharing");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.evidence().text()).contains("access-control-allow-origin: https://veritas-cors-probe.example");
    }

    @Test
    void withoutACorsProbeCorsIsNotImplemented() {
        SiteCapture c = strictSite().build();

        assertThat(SecurityHeadersCheck.input(c, c.pages().get(0)).corsProbe()).isEmpty();
        assertThat(observatory(check.run(c)).get("tests").get("cross-origin-resource-sharing").get("result").asText())
                .isEqualTo("cross-origin-resource-sharing-not-implemented");
    }

    @Test
    void thePageBodyReachesTheGraderOnlyForHtml() {
        SiteCapture html = site(strict()).build();
        SiteCapture json = site(page(HOME + "feed").header("Content-Type", "application/json").html("{\"a\":1}")).build();

        assertThat(SecurityHeadersCheck.input(html, html.pages().get(0)).body()).hasValueSatisfying(b -> assertThat(b).contains("<title>Shop"));
        assertThat(SecurityHeadersCheck.input(json, json.pages().get(0)).body()).contains("");
    }

    @Test
    void theFinalUrlIsGraded() {
        SiteCapture c = site(strict().redirects(hop("https://fashionshop.com/", 301, HOME), hop(HOME, 200))).build();

        assertThat(SecurityHeadersCheck.input(c, c.pages().get(0)).pageUrl().toString()).isEqualTo(HOME);
    }
}
