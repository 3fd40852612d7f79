package dev.veritas.checks.observatory;

import static dev.veritas.checks.observatory.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Cookie flags, session and anti-CSRF cookies, SameSite values and HSTS protection. */
class CookiesCheckTest {

    private static TestResult cookies(boolean hsts, String... setCookies) {
        HttpHeaders.Builder headers = HttpHeaders.builder().add("Content-Type", "text/html");
        for (String cookie : setCookies) {
            headers.add("Set-Cookie", cookie);
        }
        if (hsts) {
            headers.add("Strict-Transport-Security", "max-age=15768000");
        }
        return Pages.run(page().headers(headers.build()), CookiesCheck.NAME);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(List.of("SESSIONID=bar; Domain=mozilla.org; Path=/; Secure; HttpOnly",
                        "foo=bar; Domain=mozilla.org; Secure; Path=/",
                        "heroku-session-affinity=bar; Domain=mozilla.org; Path=/"), false, "cookies-secure-with-httponly-sessions"),
                Arguments.of(List.of("SESSIONID_STRICT=bar; Secure; HttpOnly; SameSite=Strict",
                        "SESSIONID_LAX=bar; Secure; HttpOnly; SameSite=Lax",
                        "SESSIONID_NONE=bar; Secure; HttpOnly; SameSite=None"), false, "cookies-secure-with-httponly-sessions-and-samesite"),
                // one cookie without SameSite costs the bonus
                Arguments.of(List.of("SESSIONID_STRICT=bar; Secure; HttpOnly; SameSite=Strict", "SESSIONID_NO=bar; Secure; HttpOnly"),
                        false, "cookies-secure-with-httponly-sessions"),
                Arguments.of(List.of("CSRFTOKEN=bar; Secure; HttpOnly"), false, "cookies-anticsrf-without-samesite-flag"),
                Arguments.of(List.of("SESSIONID=bar; Secure; HttpOnly; SameSite="), false, "cookies-samesite-flag-invalid"),
                Arguments.of(List.of("SESSIONID=bar; Secure; HttpOnly; SameSite=True"), false, "cookies-samesite-flag-invalid"),
                Arguments.of(List.of("SESSIONID=bar; Secure; HttpOnly; SameSite"), false, "cookies-samesite-flag-invalid"),
                // SameSite=None without Secure is refused by browsers
                Arguments.of(List.of("prefs=1; SameSite=None"), true, "cookies-samesite-flag-invalid"),
                Arguments.of(List.of("foo=bar; Path=/"), true, "cookies-without-secure-flag-but-protected-by-hsts"),
                Arguments.of(List.of("SESSIONID=bar; Path=/; HttpOnly"), true, "cookies-session-without-secure-flag-but-protected-by-hsts"),
                Arguments.of(List.of("foo=bar; Path=/"), false, "cookies-without-secure-flag"),
                Arguments.of(List.of("SESSIONID=bar; Path=/; Secure"), false, "cookies-session-without-httponly-flag"),
                Arguments.of(List.of("SESSIONID=bar; Path=/; HttpOnly"), false, "cookies-session-without-secure-flag"),
                Arguments.of(List.of("SESSIONID=bar; Path=/"), false, "cookies-session-without-secure-flag"),
                Arguments.of(List.of("user_login=1; Secure"), false, "cookies-session-without-httponly-flag"));
    }

    @ParameterizedTest(name = "{0} hsts={1} → {2}")
    @MethodSource("cases")
    void gradesCookies(List<String> setCookies, boolean hsts, String expected) {
        assertThat(cookies(hsts, setCookies.toArray(String[]::new)).result()).isEqualTo(expected);
    }

    @Test
    void noCookiesPass() {
        TestResult result = cookies(false);
        assertThat(result.result()).isEqualTo("cookies-not-found");
        assertThat(result.pass()).isTrue();
    }

    @Test
    void theIgnoredLoadBalancerCookieAloneIsNoCookie() {
        assertThat(cookies(false, "heroku-session-affinity=abc; Path=/").result()).isEqualTo("cookies-not-found");
    }

    @Test
    void theWorstProblemWinsInObservatorysOrder() {
        // a session cookie without Secure (-40) beats everything, whatever the order of cookies
        assertThat(cookies(false, "SESSIONID=1; Secure", "sess2=1; HttpOnly", "csrf=1; Secure").result())
                .isEqualTo("cookies-session-without-secure-flag");
        // Observatory ranks "session cookie without Secure but HSTS" (-10) above "no Secure" (-5 with HSTS)
        assertThat(cookies(true, "SESSIONID=1; HttpOnly", "foo=1").result())
                .isEqualTo("cookies-session-without-secure-flag-but-protected-by-hsts");
        // equal penalties: the later one in Observatory's list wins, not the first one seen
        assertThat(cookies(false, "csrftoken=1").result()).isEqualTo("cookies-anticsrf-without-samesite-flag");
        assertThat(cookies(false, "a=1", "b=1; SameSite=None").result()).isEqualTo("cookies-samesite-flag-invalid");
    }

    @Test
    void hstsOnlyProtectsWhenTheHstsTestPasses() {
        ObservatoryInput.Builder shortHsts = page("Set-Cookie", "foo=bar", "Strict-Transport-Security", "max-age=60");

        assertThat(Pages.run(shortHsts, CookiesCheck.NAME).result()).isEqualTo("cookies-without-secure-flag");
        assertThat(Pages.run(page("Set-Cookie", "foo=bar").hstsPreloaded(true), CookiesCheck.NAME).result())
                .isEqualTo("cookies-without-secure-flag-but-protected-by-hsts");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // the jar refuses these, so there is no cookie to grade
        "__Secure-id=1; HttpOnly",
        "__Host-id=1; Secure; Domain=mozilla.org; Path=/",
        "__Host-id=1; Secure; Path=/app",
        "foo=bar; Domain=example.com",
        "foo=bar; Domain=org",
        "no-equals-sign",
        "=value-without-name"})
    void cookiesABrowserWouldRefuseAreNotGraded(String setCookie) {
        assertThat(cookies(false, setCookie).result()).isEqualTo("cookies-not-found");
    }

    @Test
    void cookiesForAParentDomainAndValidPrefixesAreKept() {
        assertThat(cookies(false, "__Host-id=1; Secure; HttpOnly; Path=/; SameSite=Lax").result())
                .isEqualTo("cookies-secure-with-httponly-sessions-and-samesite");
        ObservatoryInput.Builder subdomain = ObservatoryInput.builder("https://www.mozilla.org/")
                .headers(HttpHeaders.of("Set-Cookie", "foo=bar; Domain=.mozilla.org"));
        assertThat(Pages.run(subdomain, CookiesCheck.NAME).result()).isEqualTo("cookies-without-secure-flag");
    }

    @Test
    void aLaterCookieWithTheSameNameReplacesTheEarlierOne() {
        assertThat(cookies(false, "SESSIONID=1", "SESSIONID=2; Secure; HttpOnly; SameSite=Strict").result())
                .isEqualTo("cookies-secure-with-httponly-sessions-and-samesite");
    }

    @Test
    void cookiesFromOtherResponsesOfTheSessionCount() {
        ObservatoryInput.Builder page = page().cookies(List.of("SESSIONID=1; Secure")); // e.g. set on a redirect

        assertThat(Pages.run(page, CookiesCheck.NAME).result()).isEqualTo("cookies-session-without-httponly-flag");
    }

    @Test
    void anUnknownSameSiteIsInvalidOnTheRawLineAndNoSameSiteAtAllInTheJar() {
        assertThat(cookies(false, "foo=1; Secure; SameSite=Whatever").result()).isEqualTo("cookies-samesite-flag-invalid");
        // the same cookie seen only elsewhere in the session is not checked on the raw line, as in Observatory, and its
        // jar keeps it without SameSite, so the bonus is lost
        ObservatoryInput.Builder elsewhere = page().cookies(List.of("foo=1; Secure; SameSite=Whatever"));
        assertThat(Pages.run(elsewhere, CookiesCheck.NAME).result()).isEqualTo("cookies-secure-with-httponly-sessions");
        // an unknown value after a valid one unsets it
        assertThat(SetCookie.parse("foo=1; SameSite=Lax; SameSite=Whatever").orElseThrow().sameSite()).isEmpty();
    }

    @Test
    void parsesAttributesCaseInsensitively() {
        SetCookie cookie = SetCookie.parse(" Name = value ; SECURE; httponly; samesite=LAX; domain=.Mozilla.org; path=/x").orElseThrow();

        assertThat(cookie.name()).isEqualTo("Name");
        assertThat(cookie.secure()).isTrue();
        assertThat(cookie.httpOnly()).isTrue();
        assertThat(cookie.sameSite()).contains("lax");
        assertThat(cookie.domain()).contains("mozilla.org");
        assertThat(cookie.path()).contains("/x");
    }
}
