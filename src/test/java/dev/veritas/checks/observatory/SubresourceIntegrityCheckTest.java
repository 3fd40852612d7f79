package dev.veritas.checks.observatory;

import dev.veritas.hosts.RegistrableDomain;

import static dev.veritas.checks.observatory.Pages.html;
import static dev.veritas.checks.observatory.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which scripts are the site's own, which are loaded securely, and how several scripts combine. */
class SubresourceIntegrityCheckTest {
    private static final String SRI = " integrity=\"sha384-zTm/dblzLXQNp3CgY+hfaC/WJ6h4XtNrePh2CW2+rO9GPuNiPb9jmthvAL+oI/dQ\" crossorigin=\"anonymous\"";

    private static String sri(String head) {
        return Pages.run(page().body(html(head)), SubresourceIntegrityCheck.NAME).result();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        // the page is https://mozilla.org/: www.mozilla.org is the same registrable domain
        "<script src=\"https://www.mozilla.org/static/js/foo.js\"></script> | sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
        "<script src=\"HTTPS://CDN.MOZILLA.ORG/x.js\"></script>           | sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
        "<script src=\"/static/js/foo.js\"></script>                      | sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
        "<script src=\"js/foo.js\"></script>                              | sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
        "<script>inline()</script>                                        | sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
        "<script src=\"\"></script>                                       | sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
        // a protocol-relative URL is never the site's own and never HTTPS, even on the same domain
        "<script src=\"//www.mozilla.org/static/js/foo.js\"></script>     | sri-not-implemented-and-external-scripts-not-loaded-securely",
        "<script src=\"//fb.me/react.js\"></script>                       | sri-not-implemented-and-external-scripts-not-loaded-securely",
        "<script src=\"https://mozilla.org.evil.example/x.js\"></script>  | sri-not-implemented-but-external-scripts-loaded-securely",
        "<script src=\"https://localhost/react.js\"></script>             | sri-not-implemented-but-external-scripts-loaded-securely",
        "<script src=\"http://fb.me/react.js\"></script>                  | sri-not-implemented-and-external-scripts-not-loaded-securely"})
    void decidesWhatIsTheSitesOwn(String head, String expected) {
        assertThat(sri(head)).isEqualTo(expected);
    }

    @Test
    void scriptsAreComparedWithTheSiteUnderTheIcannSectionOnly() {
        // As the Observatory compares: another user's subdomain of the same platform counts as the site's own,
        // and the site is the host that was asked for, not where its redirects ended.
        ObservatoryInput.Builder platform = ObservatoryInput.builder("https://alice.github.io/")
                .headers(HttpHeaders.of("Content-Type", "text/html")).body(html("<script src=\"https://bob.github.io/x.js\"></script>"));
        ObservatoryInput.Builder redirected = ObservatoryInput.builder("https://www.elsewhere.example/").siteHost("shop.example.com")
                .headers(HttpHeaders.of("Content-Type", "text/html")).body(html("<script src=\"https://cdn.example.com/x.js\"></script>"));

        assertThat(Pages.run(platform, SubresourceIntegrityCheck.NAME).result())
                .isEqualTo("sri-not-implemented-but-all-scripts-loaded-from-secure-origin");
        assertThat(Pages.run(redirected, SubresourceIntegrityCheck.NAME).result())
                .isEqualTo("sri-not-implemented-but-all-scripts-loaded-from-secure-origin");
    }

    @Test
    void integrityOnForeignHttpsScriptsEarnsTheBonus() {
        assertThat(sri("<script src=\"/static/js/foo.js\"></script><script src=\"https://fb.me/react.js\"" + SRI + "></script>"))
                .isEqualTo("sri-implemented-and-external-scripts-loaded-securely");
    }

    @Test
    void integrityDoesNotMakeHttpOrProtocolRelativeSafe() {
        assertThat(sri("<script src=\"http://fb.me/a.js\"" + SRI + "></script>"))
                .isEqualTo("sri-implemented-but-external-scripts-not-loaded-securely");
        assertThat(sri("<script src=\"//fb.me/a.js\"" + SRI + "></script>"))
                .isEqualTo("sri-implemented-but-external-scripts-not-loaded-securely");
    }

    @Test
    void anEmptyIntegrityAttributeIsNoIntegrity() {
        assertThat(sri("<script src=\"https://fb.me/a.js\" integrity=\"\"></script>"))
                .isEqualTo("sri-not-implemented-but-external-scripts-loaded-securely");
    }

    @Test
    void integrityOnTheSitesOwnScriptsEarnsTheBonusOnlyOverHttps() {
        assertThat(sri("<script src=\"/a.js\"" + SRI + "></script>")).isEqualTo("sri-implemented-and-all-scripts-loaded-securely");

        ObservatoryInput.Builder httpPage = ObservatoryInput.builder("http://mozilla.org/")
                .headers(HttpHeaders.of("Content-Type", "text/html")).body(html("<script src=\"/a.js\"" + SRI + "></script>"));
        assertThat(Pages.run(httpPage, SubresourceIntegrityCheck.NAME).result())
                .isEqualTo("sri-not-implemented-but-all-scripts-loaded-from-secure-origin");
    }

    @Test
    void severalScriptsCombineInObservatorysOrderNotByScore() {
        // an SRI script over HTTP (-20) is replaced by a later HTTPS script without SRI (-5), as in Observatory
        assertThat(sri("<script src=\"http://a.example/a.js\"" + SRI + "></script><script src=\"https://b.example/b.js\"></script>"))
                .isEqualTo("sri-not-implemented-but-external-scripts-loaded-securely");
        // but never by a better one
        assertThat(sri("<script src=\"https://b.example/b.js\"></script><script src=\"https://c.example/c.js\"" + SRI + "></script>"))
                .isEqualTo("sri-not-implemented-but-external-scripts-loaded-securely");
        // the own-script bonus is lost to any foreign problem
        assertThat(sri("<script src=\"/a.js\"" + SRI + "></script><script src=\"https://b.example/b.js\"></script>"))
                .isEqualTo("sri-not-implemented-but-external-scripts-loaded-securely");
    }

    @Test
    void aDeclaredTypeOtherThanHtmlIsNotHtmlButNoTypeIsReadAsHtml() {
        ObservatoryInput.Builder xhtml = ObservatoryInput.builder(Pages.PAGE_URL)
                .headers(HttpHeaders.of("Content-Type", "application/xhtml+xml; charset=utf-8")).body(html("<script src=\"http://x.example/a.js\"></script>"));
        ObservatoryInput.Builder upperCase = ObservatoryInput.builder(Pages.PAGE_URL)
                .headers(HttpHeaders.of("Content-Type", "Text/HTML")).body(html("<script src=\"http://x.example/a.js\"></script>"));
        ObservatoryInput.Builder none = ObservatoryInput.builder(Pages.PAGE_URL).body(html("<script src=\"http://x.example/a.js\"></script>"));

        assertThat(Pages.run(xhtml, SubresourceIntegrityCheck.NAME).result())
                .isEqualTo("sri-not-implemented-and-external-scripts-not-loaded-securely");
        // Observatory compares the type exactly as sent
        assertThat(Pages.run(upperCase, SubresourceIntegrityCheck.NAME).result()).isEqualTo("sri-not-implemented-response-not-html");
        assertThat(Pages.run(none, SubresourceIntegrityCheck.NAME).result())
                .isEqualTo("sri-not-implemented-and-external-scripts-not-loaded-securely");
    }

    @Test
    void anUnreadableBodyThatClaimsToBeHtmlIsNotParseable() {
        TestResult result = Pages.run(page().unreadableBody(), SubresourceIntegrityCheck.NAME);

        assertThat(result.result()).isEqualTo("html-not-parseable");
        assertThat(result.scoreModifier()).isEqualTo(-20);
        assertThat(result.pass()).isFalse();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "mozilla.org           | mozilla.org",
        "www.mozilla.org       | mozilla.org",
        "a.b.example.co.uk     | example.co.uk",
        "example.co.uk         | example.co.uk",
        "WWW.Example.COM.      | example.com"})
    void registrableDomains(String host, String expected) {
        assertThat(RegistrableDomain.registrableOf(host)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"localhost", "co.uk", "192.168.1.1", "[::1]", "com"})
    void hostsWithoutARegistrableDomain(String host) {
        assertThat(RegistrableDomain.registrableOf(host)).isEmpty();
    }
}
