package dev.veritas.checks.observatory;

import static dev.veritas.checks.observatory.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
/** Strict-Transport-Security and the plain-HTTP redirection test. */
class TransportChecksTest {

    @ParameterizedTest(name = "HSTS: [{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
        "max-age=15768000; includeSubDomains; preload     | hsts-implemented-max-age-at-least-six-months",
        "max-age=15552000                                 | hsts-implemented-max-age-at-least-six-months",
        "max-age=15551999                                 | hsts-implemented-max-age-less-than-six-months",
        "' MAX-AGE=31536000 ; includesubdomains'          | hsts-implemented-max-age-at-least-six-months",
        "max-age=86400                                    | hsts-implemented-max-age-less-than-six-months",
        "max-age=0                                        | hsts-implemented-max-age-less-than-six-months",
        "max-age=-1                                       | hsts-implemented-max-age-less-than-six-months",
        "max-age=31536000abc                              | hsts-implemented-max-age-at-least-six-months",
        // a max-age that is not a number compares false with six months, so Observatory lets it pass
        "'max-age=\"31536000\"'                           | hsts-implemented-max-age-at-least-six-months",
        "max-age=                                         | hsts-implemented-max-age-at-least-six-months",
        "includeSubDomains; preload                       | hsts-header-invalid",
        "max-age = 31536000                               | hsts-header-invalid",
        "'max-age=15768000; includeSubDomains, max-age=15768000' | hsts-header-invalid",
        "''                                               | hsts-header-invalid"})
    void hstsHeader(String value, String expected) {
        assertThat(Pages.run(page("Strict-Transport-Security", value), StrictTransportSecurityCheck.NAME).result()).isEqualTo(expected);
    }

    @Test
    void hstsSentTwiceIsInvalid() {
        ObservatoryInput.Builder page = page("Strict-Transport-Security", "max-age=31536000", "Strict-Transport-Security", "max-age=31536000");

        assertThat(Pages.run(page, StrictTransportSecurityCheck.NAME).result()).isEqualTo("hsts-header-invalid");
    }

    @Test
    void preloadingOverridesTheHeaderAndTheCertificateButNeedsHttps() {
        assertThat(Pages.run(page("Strict-Transport-Security", "max-age=60").hstsPreloaded(true), StrictTransportSecurityCheck.NAME).result())
                .isEqualTo("hsts-preloaded");
        assertThat(Pages.run(page().hstsPreloaded(true).certificateValid(false), StrictTransportSecurityCheck.NAME).result())
                .isEqualTo("hsts-preloaded");
        ObservatoryInput.Builder httpOnly = ObservatoryInput.builder("http://mozilla.org/").hstsPreloaded(true);
        assertThat(Pages.run(httpOnly, StrictTransportSecurityCheck.NAME).result()).isEqualTo("hsts-not-implemented-no-https");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "http://mozilla.org/ 301, https://mozilla.org/ 200                          | redirection-to-https",
        // a login page or another HTTPS port at the end is fine
        "http://mozilla.org/ 301, https://mozilla.org/ 302, https://mozilla.org/login?next=%2F 200 | redirection-to-https",
        "http://mozilla.org/ 301, https://mozilla.org:8443/ 200                     | redirection-to-https",
        "http://mozilla.org/ 301, https://www.mozilla.org/ 200                      | redirection-off-host-from-http",
        "http://mozilla.org/ 301, http://www.mozilla.org/ 301, https://www.mozilla.org/ 200 | redirection-not-to-https-on-initial-redirection",
        "http://mozilla.org/ 301, http://www.mozilla.org/ 200                       | redirection-not-to-https",
        "http://mozilla.org/ 301, http://www.mozilla.org/ 302, http://www.mozilla.org/en/ 200 | redirection-not-to-https",
        "http://mozilla.org/ 301, https://mozilla.org/ 302, http://mozilla.org/x 200 | redirection-not-to-https",
        "http://mozilla.org/ 200                                                    | redirection-missing"})
    void redirectChains(String chain, String expected) {
        assertThat(Pages.run(page().httpProbe(probe(chain)), RedirectionCheck.NAME).result()).isEqualTo(expected);
    }

    @Test
    void anInvalidCertificateOnlyMattersWhenTheChainReachesHttps() {
        assertThat(Pages.run(page().certificateValid(false), RedirectionCheck.NAME).result()).isEqualTo("redirection-invalid-cert");
        assertThat(Pages.run(page().certificateValid(false).httpProbe(probe("http://mozilla.org/ 200")), RedirectionCheck.NAME).result())
                .isEqualTo("redirection-missing");
    }

    @Test
    void allPreloadedNeedsEveryHopOnThePreloadedHost() {
        assertThat(Pages.run(page().hstsPreloaded(true).httpProbe(probe("http://mozilla.org/ 301, https://mozilla.org/ 200")),
                RedirectionCheck.NAME).result()).isEqualTo("redirection-all-redirects-preloaded");
        assertThat(Pages.run(page().hstsPreloaded(true).httpProbe(probe("http://mozilla.org/ 301, https://www.mozilla.org/ 200")),
                RedirectionCheck.NAME).result()).isEqualTo("redirection-off-host-from-http");
    }

    @Test
    void downgradesAreFoundAnywhereInTheChain() {
        assertThat(RedirectionCheck.downgrades(probe("http://a.example/ 301, https://a.example/ 302, http://a.example/x 200")))
                .containsExactly("https://a.example/ → http://a.example/x");
        assertThat(RedirectionCheck.downgrades(probe("http://a.example/ 301, https://a.example/ 200"))).isEmpty();
        assertThat(RedirectionCheck.downgrades(HttpProbe.noHttpListener())).isEmpty();
    }

    private static HttpProbe probe(String chain) {
        return new HttpProbe.Redirects(Arrays.stream(chain.split(","))
                .map(String::strip)
                .map(hop -> RedirectHop.of(hop.split(" ")[0], Integer.parseInt(hop.split(" ")[1])))
                .toList());
    }
}
