package dev.veritas.checks.observatory;

import static dev.veritas.checks.observatory.Pages.html;
import static dev.veritas.checks.observatory.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One page per result name of every test: each result can be reached, with its modifier and pass flag. */
class AllResultsReachableTest {
    private static final String HSTS = "Strict-Transport-Security";
    private static final String SIX_MONTHS = "max-age=15768000";

    private static Arguments row(String test, String result, int modifier, boolean pass, Supplier<ObservatoryInput.Builder> page) {
        return arguments(test, result, modifier, pass, page);
    }

    static Stream<Arguments> everyResult() {
        return Stream.of(
                // content-security-policy
                row("content-security-policy", "csp-implemented-with-no-unsafe-default-src-none", 10, true,
                        () -> page("Content-Security-Policy", "default-src 'none'")),
                row("content-security-policy", "csp-implemented-with-no-unsafe", 5, true,
                        () -> page("Content-Security-Policy", "default-src https://mozilla.org")),
                row("content-security-policy", "csp-implemented-with-unsafe-inline-in-style-src-only", 0, true,
                        () -> page("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")),
                row("content-security-policy", "csp-implemented-with-insecure-scheme-in-passive-content-only", -10, true,
                        () -> page("Content-Security-Policy", "default-src 'none'; img-src http://mozilla.org")),
                row("content-security-policy", "csp-implemented-with-unsafe-eval", -10, false,
                        () -> page("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-eval'")),
                row("content-security-policy", "csp-implemented-with-unsafe-inline", -20, false,
                        () -> page("Content-Security-Policy", "script-src 'unsafe-inline'")),
                row("content-security-policy", "csp-implemented-with-insecure-scheme", -20, false,
                        () -> page("Content-Security-Policy", "default-src 'none'; script-src http://mozilla.org")),
                row("content-security-policy", "csp-implemented-but-duplicate-directives", 0, true,
                        () -> page("Content-Security-Policy", "default-src 'none'; report-uri /a; report-uri /b")),
                row("content-security-policy", "csp-header-invalid", -25, false,
                        () -> page("Content-Security-Policy", "default-src 'none'; default-src 'none'")),
                row("content-security-policy", "csp-not-implemented", -25, false, Pages::page),
                row("content-security-policy", "csp-not-implemented-but-reporting-enabled", -25, false,
                        () -> page("Content-Security-Policy-Report-Only", "default-src 'none'")),
                // cookies
                row("cookies", "cookies-secure-with-httponly-sessions-and-samesite", 5, true,
                        () -> page("Set-Cookie", "SESSIONID=a; Secure; HttpOnly; SameSite=Lax")),
                row("cookies", "cookies-secure-with-httponly-sessions", 0, true,
                        () -> page("Set-Cookie", "SESSIONID=a; Secure; HttpOnly")),
                row("cookies", "cookies-not-found", 0, true, Pages::page),
                row("cookies", "cookies-without-secure-flag-but-protected-by-hsts", -5, false,
                        () -> page("Set-Cookie", "foo=bar", HSTS, SIX_MONTHS)),
                row("cookies", "cookies-session-without-secure-flag-but-protected-by-hsts", -10, false,
                        () -> page("Set-Cookie", "SESSIONID=a; HttpOnly", HSTS, SIX_MONTHS)),
                row("cookies", "cookies-without-secure-flag", -20, false, () -> page("Set-Cookie", "foo=bar")),
                row("cookies", "cookies-samesite-flag-invalid", -20, false,
                        () -> page("Set-Cookie", "foo=bar; Secure; SameSite=Invalid")),
                row("cookies", "cookies-anticsrf-without-samesite-flag", -20, false,
                        () -> page("Set-Cookie", "csrftoken=a; Secure")),
                row("cookies", "cookies-session-without-httponly-flag", -30, false,
                        () -> page("Set-Cookie", "SESSIONID=a; Secure")),
                row("cookies", "cookies-session-without-secure-flag", -40, false,
                        () -> page("Set-Cookie", "SESSIONID=a; HttpOnly")),
                // cross-origin-embedder-policy
                row("cross-origin-embedder-policy", "coep-implemented-with-require-corp", 10, true,
                        () -> page("Cross-Origin-Embedder-Policy", "require-corp")),
                row("cross-origin-embedder-policy", "coep-implemented-with-credentialless", 10, true,
                        () -> page("Cross-Origin-Embedder-Policy", "credentialless")),
                row("cross-origin-embedder-policy", "coep-implemented-with-unsafe-none", 0, true,
                        () -> page("Cross-Origin-Embedder-Policy", "unsafe-none")),
                row("cross-origin-embedder-policy", "coep-not-implemented", 0, true, Pages::page),
                row("cross-origin-embedder-policy", "coep-header-invalid", -5, false,
                        () -> page("Cross-Origin-Embedder-Policy", "whimsy")),
                // cross-origin-opener-policy
                row("cross-origin-opener-policy", "coop-implemented-with-same-origin", 10, true,
                        () -> page("Cross-Origin-Opener-Policy", "same-origin")),
                row("cross-origin-opener-policy", "coop-implemented-with-same-origin-allow-popups", 10, true,
                        () -> page("Cross-Origin-Opener-Policy", "same-origin-allow-popups")),
                row("cross-origin-opener-policy", "coop-implemented-with-noopener-allow-popups", 10, true,
                        () -> page("Cross-Origin-Opener-Policy", "noopener-allow-popups")),
                row("cross-origin-opener-policy", "coop-implemented-with-unsafe-none", 0, true,
                        () -> page("Cross-Origin-Opener-Policy", "unsafe-none")),
                row("cross-origin-opener-policy", "coop-not-implemented", 0, true, Pages::page),
                row("cross-origin-opener-policy", "coop-header-invalid", -5, false,
                        () -> page("Cross-Origin-Opener-Policy", "same-origin-please")),
                // cross-origin-resource-sharing
                row("cross-origin-resource-sharing", "cross-origin-resource-sharing-not-implemented", 0, true, Pages::page),
                row("cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-public-access", 0, true,
                        () -> page().corsProbe(new CorsProbe("https://evil.example", HttpHeaders.of("Access-Control-Allow-Origin", "*")))),
                row("cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-restricted-access", 0, true,
                        () -> page().corsProbe(new CorsProbe("https://evil.example",
                                HttpHeaders.of("Access-Control-Allow-Origin", "https://mozilla.org", "Access-Control-Allow-Credentials", "true")))),
                row("cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-universal-access", -50, false,
                        () -> page().corsProbe(new CorsProbe("https://evil.example",
                                HttpHeaders.of("Access-Control-Allow-Origin", "https://evil.example", "Access-Control-Allow-Credentials", "true")))),
                // redirection
                row("redirection", "redirection-all-redirects-preloaded", 0, true,
                        () -> page().hstsPreloaded(true).httpProbe(HttpProbe.redirects(
                                RedirectHop.of("http://mozilla.org/", 301), RedirectHop.of("https://mozilla.org/", 200)))),
                row("redirection", "redirection-to-https", 0, true, Pages::page),
                row("redirection", "redirection-not-needed-no-http", 0, true, () -> page().httpProbe(HttpProbe.noHttpListener())),
                row("redirection", "redirection-off-host-from-http", -5, false,
                        () -> page().httpProbe(HttpProbe.redirects(
                                RedirectHop.of("http://mozilla.org/", 301), RedirectHop.of("https://www.mozilla.org/", 200)))),
                row("redirection", "redirection-not-to-https-on-initial-redirection", -10, false,
                        () -> page().httpProbe(HttpProbe.redirects(RedirectHop.of("http://mozilla.org/", 301),
                                RedirectHop.of("http://www.mozilla.org/", 301), RedirectHop.of("https://www.mozilla.org/", 200)))),
                row("redirection", "redirection-not-to-https", -20, false,
                        () -> page().httpProbe(HttpProbe.redirects(
                                RedirectHop.of("http://mozilla.org/", 301), RedirectHop.of("http://www.mozilla.org/", 200)))),
                row("redirection", "redirection-missing", -20, false,
                        () -> page().httpProbe(HttpProbe.redirects(RedirectHop.of("http://mozilla.org/", 200)))),
                row("redirection", "redirection-invalid-cert", -20, false, () -> page().certificateValid(false)),
                // referrer-policy
                row("referrer-policy", "referrer-policy-private", 5, true, () -> page("Referrer-Policy", "no-referrer")),
                row("referrer-policy", "referrer-policy-not-implemented", 0, true, Pages::page),
                row("referrer-policy", "referrer-policy-unsafe", -5, false, () -> page("Referrer-Policy", "unsafe-url")),
                row("referrer-policy", "referrer-policy-header-invalid", -5, false, () -> page("Referrer-Policy", "whimsy")),
                // strict-transport-security
                row("strict-transport-security", "hsts-preloaded", 5, true, () -> page().hstsPreloaded(true)),
                row("strict-transport-security", "hsts-implemented-max-age-at-least-six-months", 0, true, () -> page(HSTS, SIX_MONTHS)),
                row("strict-transport-security", "hsts-implemented-max-age-less-than-six-months", -10, false,
                        () -> page(HSTS, "max-age=86400")),
                row("strict-transport-security", "hsts-not-implemented", -20, false, Pages::page),
                row("strict-transport-security", "hsts-header-invalid", -20, false, () -> page(HSTS, "includeSubDomains; preload")),
                row("strict-transport-security", "hsts-not-implemented-no-https", -20, false,
                        () -> ObservatoryInput.builder("http://mozilla.org/").headers(HttpHeaders.of(HSTS, SIX_MONTHS))),
                row("strict-transport-security", "hsts-invalid-cert", -20, false,
                        () -> page(HSTS, SIX_MONTHS).certificateValid(false)),
                // subresource-integrity
                row("subresource-integrity", "sri-implemented-and-all-scripts-loaded-securely", 5, true,
                        () -> page().body(html("<script src=\"/app.js\" integrity=\"sha384-abc\"></script>"))),
                row("subresource-integrity", "sri-implemented-and-external-scripts-loaded-securely", 5, true,
                        () -> page().body(html("<script src=\"https://cdn.example.net/lib.js\" integrity=\"sha384-abc\"></script>"))),
                row("subresource-integrity", "sri-not-implemented-response-not-html", 0, true,
                        () -> ObservatoryInput.builder(Pages.PAGE_URL).headers(HttpHeaders.of("Content-Type", "application/json"))
                                .body("{\"foo\": \"bar\"}")),
                row("subresource-integrity", "sri-not-implemented-but-no-scripts-loaded", 0, true, () -> page().body(html(""))),
                row("subresource-integrity", "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0, true,
                        () -> page().body(html("<script src=\"/app.js\"></script>"))),
                row("subresource-integrity", "sri-not-implemented-but-external-scripts-loaded-securely", -5, false,
                        () -> page().body(html("<script src=\"https://cdn.example.net/lib.js\"></script>"))),
                row("subresource-integrity", "sri-implemented-but-external-scripts-not-loaded-securely", -20, false,
                        () -> page().body(html("<script src=\"http://cdn.example.net/lib.js\" integrity=\"sha384-abc\"></script>"))),
                row("subresource-integrity", "sri-not-implemented-and-external-scripts-not-loaded-securely", -50, false,
                        () -> page().body(html("<script src=\"http://cdn.example.net/lib.js\"></script>"))),
                row("subresource-integrity", "html-not-parseable", -20, false, () -> page().unreadableBody()),
                // x-content-type-options
                row("x-content-type-options", "x-content-type-options-nosniff", 0, true, () -> page("X-Content-Type-Options", "nosniff")),
                row("x-content-type-options", "x-content-type-options-not-implemented", -5, false, Pages::page),
                row("x-content-type-options", "x-content-type-options-header-invalid", -5, false,
                        () -> page("X-Content-Type-Options", "whimsy")),
                // x-frame-options
                row("x-frame-options", "x-frame-options-implemented-via-csp", 5, true,
                        () -> page("Content-Security-Policy", "frame-ancestors 'none'")),
                row("x-frame-options", "x-frame-options-sameorigin-or-deny", 5, true, () -> page("X-Frame-Options", "DENY")),
                row("x-frame-options", "x-frame-options-allow-from-origin", 0, true,
                        () -> page("X-Frame-Options", "ALLOW-FROM https://mozilla.org")),
                row("x-frame-options", "x-frame-options-not-implemented", -20, false, Pages::page),
                row("x-frame-options", "x-frame-options-header-invalid", -20, false, () -> page("X-Frame-Options", "whimsy")),
                // cross-origin-resource-policy
                row("cross-origin-resource-policy", "corp-implemented-with-same-origin", 10, true,
                        () -> page("Cross-Origin-Resource-Policy", "same-origin")),
                row("cross-origin-resource-policy", "corp-implemented-with-same-site", 10, true,
                        () -> page("Cross-Origin-Resource-Policy", "same-site")),
                row("cross-origin-resource-policy", "corp-implemented-with-cross-origin", 0, true,
                        () -> page("Cross-Origin-Resource-Policy", "cross-origin")),
                row("cross-origin-resource-policy", "corp-not-implemented", 0, true, Pages::page),
                row("cross-origin-resource-policy", "corp-header-invalid", -5, false,
                        () -> page("Cross-Origin-Resource-Policy", "whimsy")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("everyResult")
    void eachResultIsReachable(String test, String result, int modifier, boolean pass, Supplier<ObservatoryInput.Builder> page) {
        TestResult got = Pages.run(page.get(), test);

        assertThat(got.result()).isEqualTo(result);
        assertThat(got.scoreModifier()).isEqualTo(modifier);
        assertThat(got.pass()).isEqualTo(pass);
        assertThat(got.description()).isNotBlank();
    }

    @Test
    void theTableCoversEveryResultOfEveryTest() {
        Set<String> covered = new HashSet<>();
        everyResult().forEach(args -> covered.add(args.get()[0] + " " + args.get()[1]));

        Set<String> declared = new HashSet<>();
        for (ObservatoryCheck check : ObservatoryGrader.checks()) {
            check.possibleResults().forEach(result -> declared.add(check.name() + " " + result.wire()));
        }

        assertThat(covered).isEqualTo(declared);
        assertThat(declared).hasSize(77);
    }

    @Test
    void thereAreTwelveTestsWithObservatorysNames() {
        List<String> names = ObservatoryGrader.checks().stream().map(ObservatoryCheck::name).toList();

        assertThat(names).containsExactly("content-security-policy", "cookies", "cross-origin-embedder-policy",
                "cross-origin-opener-policy", "cross-origin-resource-sharing", "redirection", "referrer-policy",
                "strict-transport-security", "subresource-integrity", "x-content-type-options", "x-frame-options",
                "cross-origin-resource-policy");
    }
}
