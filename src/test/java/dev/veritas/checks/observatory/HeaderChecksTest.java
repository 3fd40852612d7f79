package dev.veritas.checks.observatory;

import static dev.veritas.checks.observatory.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The single-header tests: X-Content-Type-Options, X-Frame-Options, CORP, COEP, COOP, Referrer-Policy and CORS. */
class HeaderChecksTest {

    private static String result(String test, String... headers) {
        return Pages.run(page(headers), test).result();
    }

    @ParameterizedTest(name = "X-Content-Type-Options: [{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
        "nosniff          | x-content-type-options-nosniff",
        "' NoSniff '      | x-content-type-options-nosniff",
        "'nosniff, nosniff' | x-content-type-options-header-invalid",
        "whimsy           | x-content-type-options-header-invalid",
        "''               | x-content-type-options-not-implemented"})
    void xContentTypeOptions(String value, String expected) {
        assertThat(result(XContentTypeOptionsCheck.NAME, "X-Content-Type-Options", value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "X-Frame-Options: [{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
        "DENY                           | x-frame-options-sameorigin-or-deny",
        "'DENY '                        | x-frame-options-sameorigin-or-deny",
        "sameorigin                     | x-frame-options-sameorigin-or-deny",
        "ALLOW-FROM https://mozilla.org | x-frame-options-allow-from-origin",
        "'SAMEORIGIN, SAMEORIGIN'       | x-frame-options-header-invalid",
        "whimsy                         | x-frame-options-header-invalid"})
    void xFrameOptions(String value, String expected) {
        assertThat(result(XFrameOptionsCheck.NAME, "X-Frame-Options", value)).isEqualTo(expected);
    }

    @Test
    void xFrameOptionsSentTwiceIsInvalid() {
        assertThat(result(XFrameOptionsCheck.NAME, "X-Frame-Options", "DENY", "X-Frame-Options", "DENY"))
                .isEqualTo("x-frame-options-header-invalid");
    }

    @Test
    void xFrameOptionsInMetaIsIgnored() {
        ObservatoryInput.Builder page = page().body(Pages.html("<meta http-equiv=\"X-Frame-Options\" content=\"DENY\">"));

        assertThat(Pages.run(page, XFrameOptionsCheck.NAME).result()).isEqualTo("x-frame-options-not-implemented");
    }

    @ParameterizedTest(name = "CORP: [{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
        "same-origin    | corp-implemented-with-same-origin",
        "' Same-Site '  | corp-implemented-with-same-site",
        "cross-origin   | corp-implemented-with-cross-origin",
        "same-origin, same-origin | corp-header-invalid",
        "''             | corp-not-implemented"})
    void crossOriginResourcePolicy(String value, String expected) {
        assertThat(result(CrossOriginResourcePolicyCheck.NAME, "Cross-Origin-Resource-Policy", value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "COEP: [{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
        "require-corp                              | coep-implemented-with-require-corp",
        "credentialless                            | coep-implemented-with-credentialless",
        "unsafe-none                               | coep-implemented-with-unsafe-none",
        "'require-corp; report-to=\"coep-endpoint\"' | coep-implemented-with-require-corp",
        "'credentialless; report-to=\"coep\"'        | coep-implemented-with-credentialless",
        "require-corp; report-to                   | coep-implemented-with-require-corp",
        "whimsy                                    | coep-header-invalid",
        "'\"require-corp\"'                          | coep-header-invalid",
        "Require-Corp                              | coep-header-invalid",
        "REQUIRE-CORP                              | coep-header-invalid",
        "require-corp; report-to=coep endpoint     | coep-header-invalid",
        "'require-corp, unsafe-none'               | coep-header-invalid"})
    void crossOriginEmbedderPolicy(String value, String expected) {
        assertThat(result(CrossOriginEmbedderPolicyCheck.NAME, "Cross-Origin-Embedder-Policy", value)).isEqualTo(expected);
    }

    @Test
    void coepSentTwiceIsInvalid() {
        assertThat(result(CrossOriginEmbedderPolicyCheck.NAME,
                "Cross-Origin-Embedder-Policy", "require-corp", "Cross-Origin-Embedder-Policy", "unsafe-none"))
                .isEqualTo("coep-header-invalid");
    }

    @ParameterizedTest(name = "COOP: [{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
        "same-origin                                  | coop-implemented-with-same-origin",
        "same-origin-allow-popups                     | coop-implemented-with-same-origin-allow-popups",
        "noopener-allow-popups                        | coop-implemented-with-noopener-allow-popups",
        "unsafe-none                                  | coop-implemented-with-unsafe-none",
        "'same-origin; report-to=\"coop\"'              | coop-implemented-with-same-origin",
        "Same-Origin                                  | coop-header-invalid",
        "same-origin same-origin-allow-popups         | coop-header-invalid",
        "''                                           | coop-not-implemented"})
    void crossOriginOpenerPolicy(String value, String expected) {
        assertThat(result(CrossOriginOpenerPolicyCheck.NAME, "Cross-Origin-Opener-Policy", value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Referrer-Policy: [{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
        "no-referrer                                         | referrer-policy-private",
        "STRICT-ORIGIN                                       | referrer-policy-private",
        "strict-origin-when-cross-origin                     | referrer-policy-private",
        "same-origin                                         | referrer-policy-private",
        "origin                                              | referrer-policy-unsafe",
        "origin-when-cross-origin                            | referrer-policy-unsafe",
        "no-referrer-when-downgrade                          | referrer-policy-unsafe",
        "'origin-when-cross-origin, no-referrer, unsafe-url' | referrer-policy-unsafe",
        "'no-referrer, whimsy'                               | referrer-policy-private",
        "'whimsy, whimsy1, whimsy2'                          | referrer-policy-header-invalid",
        "''                                                  | referrer-policy-header-invalid"})
    void referrerPolicyHeader(String value, String expected) {
        assertThat(result(ReferrerPolicyCheck.NAME, "Referrer-Policy", value)).isEqualTo(expected);
    }

    @Test
    void referrerPolicyInMetaTakesPrecedenceOverTheHeader() {
        ObservatoryInput.Builder page = page("Referrer-Policy", "unsafe-url")
                .body(Pages.html("<meta name=\"referrer\" content=\"no-referrer, same-origin\">"));

        TestResult result = Pages.run(page, ReferrerPolicyCheck.NAME);
        assertThat(result.result()).isEqualTo("referrer-policy-private");
        assertThat(result.pass()).isTrue();
    }

    @Test
    void theLastReferrerMetaWins() {
        ObservatoryInput.Builder page = page().body(Pages.html(
                "<meta name=\"referrer\" content=\"no-referrer\"><meta name=\" REFERRER \" content=\"unsafe-url\">"));

        assertThat(Pages.run(page, ReferrerPolicyCheck.NAME).result()).isEqualTo("referrer-policy-unsafe");
    }

    @Test
    void corsUniversalAccessNeedsAnExactEchoAndCredentials() {
        String origin = "https://http-observatory.security.mozilla.org";
        assertThat(cors(origin, "Access-Control-Allow-Origin", origin, "Access-Control-Allow-Credentials", " TRUE "))
                .isEqualTo("cross-origin-resource-sharing-implemented-with-universal-access");
        assertThat(cors(origin, "Access-Control-Allow-Origin", origin))
                .isEqualTo("cross-origin-resource-sharing-implemented-with-restricted-access");
        assertThat(cors(origin, "Access-Control-Allow-Origin", origin.toUpperCase(), "Access-Control-Allow-Credentials", "true"))
                .isEqualTo("cross-origin-resource-sharing-implemented-with-restricted-access");
        assertThat(cors(origin, "Access-Control-Allow-Origin", " * ", "Access-Control-Allow-Credentials", "true"))
                .isEqualTo("cross-origin-resource-sharing-implemented-with-public-access");
        assertThat(cors(origin, "Vary", "Origin")).isEqualTo("cross-origin-resource-sharing-not-implemented");
    }

    private static String cors(String origin, String... responseHeaders) {
        return Pages.run(page().corsProbe(new CorsProbe(origin, HttpHeaders.of(responseHeaders))),
                CrossOriginResourceSharingCheck.NAME).result();
    }
}
