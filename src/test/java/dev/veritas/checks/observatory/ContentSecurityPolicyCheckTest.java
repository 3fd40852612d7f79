package dev.veritas.checks.observatory;

import static dev.veritas.checks.observatory.Pages.html;
import static dev.veritas.checks.observatory.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CSP test on single headers (cases from Observatory's own test suite), on several policies, and on {@code <meta>}. */
class ContentSecurityPolicyCheckTest {
    private static final String CSP = "Content-Security-Policy";

    private static TestResult csp(ObservatoryInput.Builder page) {
        return Pages.run(page, ContentSecurityPolicyCheck.NAME);
    }

    static Stream<Arguments> singleHeader() {
        return Stream.of(
                // invalid: blank, repeated directives, strict-dynamic without nonce or hash, too short
                Arguments.of("  ", "csp-header-invalid"),
                Arguments.of("\r\n", "csp-header-invalid"),
                Arguments.of("", "csp-header-invalid"),
                Arguments.of("default-src 'none'; img-src 'self'; default-src 'none'", "csp-header-invalid"),
                Arguments.of("default-src 'none'; script-src 'strict-dynamic'", "csp-header-invalid"),
                Arguments.of("defa", "csp-header-invalid"),
                // unsafe-inline: inline or data: in scripts, broad sources, or no restriction at all
                Arguments.of("script-src data:", "csp-implemented-with-unsafe-inline"),
                Arguments.of("default-src 'UNSAFE-INLINE'", "csp-implemented-with-unsafe-inline"),
                Arguments.of("upgrade-insecure-requests", "csp-implemented-with-unsafe-inline"),
                Arguments.of("script-src 'none'", "csp-implemented-with-unsafe-inline"),
                Arguments.of("script-src https://mozilla.org https:", "csp-implemented-with-unsafe-inline"),
                Arguments.of("default-src 'none'; script-src 'none'; object-src *", "csp-implemented-with-unsafe-inline"),
                Arguments.of("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'", "csp-implemented-with-unsafe-inline"),
                Arguments.of("frame-anchestors 'none'", "csp-implemented-with-unsafe-inline"),
                // insecure schemes
                Arguments.of("default-src http://mozilla.org", "csp-implemented-with-insecure-scheme"),
                Arguments.of("default-src 'none'; script-src ftp://mozilla.org", "csp-implemented-with-insecure-scheme"),
                Arguments.of("default-src 'self'; img-src ftp:", "csp-implemented-with-insecure-scheme-in-passive-content-only"),
                Arguments.of("default-src 'none'; img-src https:; media-src http://mozilla.org",
                        "csp-implemented-with-insecure-scheme-in-passive-content-only"),
                // styles only
                Arguments.of("object-src 'none'; script-src 'none'; style-src 'unsafe-inline'",
                        "csp-implemented-with-unsafe-inline-in-style-src-only"),
                Arguments.of("default-src 'unsafe-inline'; script-src https://mozilla.org",
                        "csp-implemented-with-unsafe-inline-in-style-src-only"),
                Arguments.of("default-src 'none';;; ;;;style-src 'self' 'unsafe-inline'",
                        "csp-implemented-with-unsafe-inline-in-style-src-only"),
                Arguments.of("default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-hqBEA/HXB3aJU2FgOnYN8rkAgEVgyfi3Vs1j2/XMPBB=' 'unsafe-inline'",
                        "csp-implemented-with-unsafe-inline-in-style-src-only"),
                // nonce/hash makes 'unsafe-inline' harmless
                Arguments.of("object-src 'none'; script-src 'strict-dynamic' 'nonce-abc' 'unsafe-inline'; style-src 'none'",
                        "csp-implemented-with-no-unsafe"),
                Arguments.of("default-src https://mozilla.org; style-src 'unsafe-inline' 'nonce-abc123' 'unsafe-inline'",
                        "csp-implemented-with-no-unsafe"),
                Arguments.of("default-src https://mozilla.org;;; ;;;script-src 'none'", "csp-implemented-with-no-unsafe"),
                // default-src 'none'
                Arguments.of("default-src", "csp-implemented-with-no-unsafe-default-src-none"),
                Arguments.of("default-src 'none'; script-src 'strict-dynamic' 'sha256-abc123' https://*",
                        "csp-implemented-with-no-unsafe-default-src-none"),
                Arguments.of("default-src 'none'; object-src https://mozilla.org", "csp-implemented-with-no-unsafe-default-src-none"),
                // reporting directives may repeat, but the owner is told
                Arguments.of("default-src 'none'; report-to a; report-to b", "csp-implemented-but-duplicate-directives"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("singleHeader")
    void gradesASingleHeader(String header, String expected) {
        assertThat(csp(page(CSP, header)).result()).isEqualTo(expected);
    }

    @Test
    void unsafeEvalIsWorseThanPassiveInsecureContentButNotThanUnsafeInline() {
        assertThat(csp(page(CSP, "default-src 'none'; script-src 'unsafe-eval'; img-src http:")).result())
                .isEqualTo("csp-implemented-with-unsafe-eval");
        assertThat(csp(page(CSP, "default-src 'none'; script-src 'unsafe-eval' 'unsafe-inline'")).result())
                .isEqualTo("csp-implemented-with-unsafe-inline");
    }

    @Test
    void httpSourcesAreOnlyInsecureOnAnHttpsPage() {
        ObservatoryInput.Builder httpPage = ObservatoryInput.builder("http://mozilla.org/")
                .headers(HttpHeaders.of(CSP, "default-src 'none'; script-src http://mozilla.org; img-src http:"));

        assertThat(csp(httpPage).result()).isEqualTo("csp-implemented-with-no-unsafe-default-src-none");
    }

    @Test
    void reportOnlyWithoutAnEnforcedPolicyIsNotImplemented() {
        TestResult result = csp(page("Content-Security-Policy-Report-Only", "default-src 'none'; report-to /_/csp-reports"));

        assertThat(result.result()).isEqualTo("csp-not-implemented-but-reporting-enabled");
        assertThat(result.pass()).isFalse();
    }

    @Test
    void anEnforcedPolicyWinsOverReportOnly() {
        assertThat(csp(page(CSP, "default-src 'none'", "Content-Security-Policy-Report-Only", "default-src *")).result())
                .isEqualTo("csp-implemented-with-no-unsafe-default-src-none");
    }

    // --- several policies: all enforced, combined, never invalid because of the repetition ---

    static Stream<Arguments> severalPolicies() {
        return Stream.of(
                // two header lines, each a full policy with default-src: not a repeated directive
                Arguments.of(List.of("default-src 'none'", "default-src 'none'; frame-ancestors 'none'"),
                        "csp-implemented-with-no-unsafe-default-src-none"),
                // a broad first policy is narrowed by a strict second one
                Arguments.of(List.of("default-src *", "default-src 'none'"), "csp-implemented-with-no-unsafe-default-src-none"),
                // a source survives only if the other policy allows it too
                Arguments.of(List.of("default-src 'self' https://mozilla.org", "default-src 'self'"), "csp-implemented-with-no-unsafe"),
                // script-src only in the second policy is reduced to 'none' rather than trusted
                Arguments.of(List.of("default-src 'none'", "script-src 'unsafe-inline'"), "csp-implemented-with-no-unsafe-default-src-none"),
                // the unsafe script-src of the first policy is still what Observatory grades
                Arguments.of(List.of("script-src 'unsafe-inline'; default-src 'none'", "img-src 'self'"), "csp-implemented-with-unsafe-inline"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("severalPolicies")
    void severalHeaderLinesAreSeveralPolicies(List<String> lines, String expected) {
        HttpHeaders.Builder headers = HttpHeaders.builder().add("Content-Type", "text/html");
        lines.forEach(line -> headers.add(CSP, line));

        assertThat(csp(page().headers(headers.build())).result()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("severalPolicies")
    void commaSeparatedPoliciesInOneLineAreTheSameAsSeveralLines(List<String> lines, String expected) {
        assertThat(csp(page(CSP, String.join(", ", lines))).result()).isEqualTo(expected);
    }

    @Test
    void aTrailingCommaLeavesAnEmptyPolicyWhichTheObservatoryCallsInvalid() {
        assertThat(csp(page(CSP, "default-src 'none',")).result()).isEqualTo("csp-header-invalid");
    }

    @Test
    void headerAndMetaPoliciesAreCombined() {
        // header default-src http: and <meta> default-src https: share no source, so nothing is allowed
        ObservatoryInput.Builder page = page(CSP, "default-src http:")
                .body(html("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src https:\">"));

        assertThat(csp(page).result()).isEqualTo("csp-implemented-with-no-unsafe-default-src-none");
    }

    // --- <meta http-equiv> ---

    @Test
    void aMetaPolicyCountsLikeAHeader() {
        ObservatoryInput.Builder page = page().body(html("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';\">"));

        TestResult result = csp(page);
        assertThat(result.result()).isEqualTo("csp-implemented-with-no-unsafe-default-src-none");
        assertThat(result.pass()).isTrue();
    }

    @Test
    void metaNamesAreCaseInsensitiveAndTrimmed() {
        String head = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; object-src 'none'\">"
                + "<meta http-equiv=\"Content-SECURITY-Policy\" content=\"connect-src 'self'\">"
                + "<meta http-equiv=\" Content-Security-Policy \" content=\"img-src 'self'\">"
                + "<meta http-equiv=\"Content-security-Policy\" content=\"script-src 'self' 'unsafe-inline' 'nonce-abc'\">";

        ContentSecurityPolicyCheck.Analysis analysis = ContentSecurityPolicyCheck.analyse(new ObservedPage(page().body(html(head)).build()));

        assertThat(analysis.policies()).isEqualTo(4);
        assertThat(analysis.result().wire()).isEqualTo("csp-implemented-with-no-unsafe-default-src-none");
    }

    @Test
    void aMetaPolicyOfOnlyDisallowedDirectivesIsNoPolicy() {
        ObservatoryInput.Builder page = page().body(html("<meta http-equiv=\"Content-Security-Policy\" content=\"frame-ancestors 'none'\">"));

        assertThat(csp(page).result()).isEqualTo("csp-not-implemented");
        assertThat(Pages.run(page, XFrameOptionsCheck.NAME).result()).isEqualTo("x-frame-options-not-implemented");
    }

    @Test
    void disallowedMetaDirectivesAreIgnoredNextToAllowedOnes() {
        ObservatoryInput.Builder page = page().body(html(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"report-uri /r; sandbox\">"
                        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"));

        // the first <meta> policy holds nothing allowed there, yet the second one is graded
        assertThat(csp(page).result()).isEqualTo("csp-implemented-with-no-unsafe-default-src-none");
    }

    @Test
    void metaIsOnlyReadFromHtml() {
        ObservatoryInput.Builder page = ObservatoryInput.builder(Pages.PAGE_URL)
                .headers(HttpHeaders.of("Content-Type", "text/plain"))
                .body(html("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"));

        assertThat(csp(page).result()).isEqualTo("csp-not-implemented");
    }

    @Test
    void aHeaderFrameAncestorsSatisfiesXFrameOptions() {
        ObservatoryInput.Builder page = page(CSP, "default-src *; frame-ancestors 'none'", "X-Frame-Options", "DENY");

        assertThat(Pages.run(page, XFrameOptionsCheck.NAME).result()).isEqualTo("x-frame-options-implemented-via-csp");
    }
}
