package dev.veritas.checks;

import static dev.veritas.testing.Captures.STARTED;
import static dev.veritas.testing.Captures.certificate;
import static dev.veritas.testing.Captures.hop;
import static dev.veritas.testing.Captures.page;
import static dev.veritas.testing.Captures.script;
import static dev.veritas.testing.Captures.site;
import static dev.veritas.testing.Outcomes.ids;
import static dev.veritas.testing.Outcomes.only;
import static dev.veritas.testing.Outcomes.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.veritas.audit.Finding;
import dev.veritas.audit.Severity;
import dev.veritas.capture.RedirectHop;
import dev.veritas.capture.SiteCapture;
import dev.veritas.hosts.HstsPreload;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransportCheckTest {
    private static final String HOME = "https://shop.example/";
    private final TransportCheck check = new TransportCheck();

    private CheckOutcome run(SiteCapture c) {
        return check.run(c);
    }

    @Test
    void aCleanHttpsSiteScoresOneWithoutFindings() {
        CheckOutcome o = run(site(page(HOME)).validCertificates().httpRedirectsToHttps().build());

        assertThat(o.name()).isEqualTo("transport");
        assertThat(o.findings()).isEmpty();
        assertThat(score(o)).isEqualTo(1.0);
        assertThat(o.signal().orElseThrow().summary()).isEqualTo("HTTPS with a valid certificate and clean redirects");
    }

    @Test
    void aCaptureWithoutPagesGivesNoSignal() {
        CheckOutcome o = run(site().target(HOME).build());

        assertThat(o.signal()).isEmpty();
        assertThat(o.findings()).isEmpty();
    }

    @Test
    void plainHttpIsAHighFindingAndScoresLow() {
        CheckOutcome o = run(site(page("http://shop.example/")).build());

        Finding f = only(o, "transport.no_https");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.pageUrl()).contains("http://shop.example/");
        assertThat(score(o)).isLessThanOrEqualTo(0.3);
        assertThat(o.signal().orElseThrow().summary()).contains("no HTTPS");
    }

    @Test
    void plainHttpPageIsNotAlsoBlamedForAMissingRedirect() {
        CheckOutcome o = run(site(page("http://shop.example/")).httpProbe(hop("http://shop.example/", 200)).build());

        assertThat(ids(o)).containsExactly("transport.no_https");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "expired,     true,  false, false, transport.certificate_expired",
            "wrong host,  false, false, true,  transport.certificate_wrong_host",
            "self-signed, false, true,  false, transport.certificate_self_signed",
            "untrusted,   false, false, false, transport.certificate_untrusted",
            "expired and self-signed, true, true, false, transport.certificate_expired"})
    void eachCertificateProblemIsCriticalAndNamed(String problem, boolean expired, boolean selfSigned, boolean wrongHost, String id) {
        SiteCapture c = site(page(HOME))
                .tls(certificate("shop.example", false, Optional.of(problem), expired, selfSigned, wrongHost, STARTED.minus(Duration.ofDays(1))))
                .build();

        CheckOutcome o = run(c);

        Finding f = only(o, id);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.description()).contains("shop.example").contains(problem);
        assertThat(f.evidence().values()).containsEntry("expired", expired).containsEntry("self_signed", selfSigned)
                .containsEntry("wrong_host", wrongHost);
        assertThat(score(o)).isLessThanOrEqualTo(0.15);
    }

    @Test
    void theCertificateOfAnotherOriginDoesNotCount() {
        SiteCapture c = site(page(HOME))
                .tls(certificate("cdn.example", false, Optional.of("expired"), true, false, false, STARTED.minus(Duration.ofDays(1))))
                .build();

        assertThat(run(c).findings()).isEmpty();
    }

    @ParameterizedTest(name = "valid for {0} more days → expiring finding: {1}")
    @CsvSource({"1, true", "13, true", "15, false", "90, false"})
    void aValidCertificateAboutToExpireIsALowFinding(int days, boolean flagged) {
        SiteCapture c = site(page(HOME))
                .tls(certificate("shop.example", true, Optional.empty(), false, false, false, STARTED.plus(Duration.ofDays(days))))
                .build();

        CheckOutcome o = run(c);

        if (flagged) {
            assertThat(only(o, "transport.certificate_expiring").severity()).isEqualTo(Severity.LOW);
            assertThat(score(o)).isEqualTo(0.95, offset(1e-9));
        } else {
            assertThat(o.findings()).isEmpty();
            assertThat(score(o)).isEqualTo(1.0);
        }
    }

    @Test
    void httpRedirectingToHttpsIsFine() {
        SiteCapture c = site(page(HOME)).httpProbe(hop("http://shop.example/", 301, HOME), hop(HOME, 200)).build();

        assertThat(run(c).findings()).isEmpty();
    }

    @Test
    void httpAnsweringWithoutRedirectIsAMediumFinding() {
        SiteCapture c = site(page(HOME)).httpProbe(hop("http://shop.example/", 200)).build();

        CheckOutcome o = run(c);

        Finding f = only(o, "transport.no_http_redirect");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.pageUrl()).contains("http://shop.example/");
        assertThat(score(o)).isEqualTo(0.85, offset(1e-9));
    }

    /** A name on the shipped HSTS preload list whose subdomains are preloaded too, taken from the list itself. */
    private static String preloadedDomain() {
        return HstsPreload.chromium().entries().entrySet().stream().filter(e -> e.getValue() && e.getKey().indexOf('.') > 0)
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
    }

    @Test
    void aPreloadedHostIsNeverAskedForPlainHttpSoItsHttpAddressIsNotHeldAgainstIt() {
        String host = "www." + preloadedDomain();
        SiteCapture c = site(page("https://" + host + "/")).httpProbe(hop("http://" + host + "/", 200)).build();

        CheckOutcome o = run(c);

        assertThat(ids(o)).doesNotContain("transport.no_http_redirect");
        assertThat(score(o)).isEqualTo(1.0, offset(1e-9));
    }

    @Test
    void aRedirectToPlainHttpOnAPreloadedHostIsUpgradedByTheBrowser() {
        String host = "www." + preloadedDomain();
        SiteCapture c = site(page("https://" + host + "/").redirects(
                hop("https://" + host + "/go", 302, "http://" + host + "/"),
                hop("http://" + host + "/", 302, "https://" + host + "/"),
                hop("https://" + host + "/", 200))).build();

        assertThat(ids(run(c))).doesNotContain("transport.https_downgrade");
    }

    @Test
    void httpRedirectingToAnotherPlainHttpPageIsAMissingRedirect() {
        SiteCapture c = site(page(HOME))
                .httpProbe(hop("http://shop.example/", 302, "http://shop.example/home"), hop("http://shop.example/home", 200)).build();

        assertThat(ids(run(c))).containsExactly("transport.no_http_redirect");
    }

    @Test
    void aPlainHttpAddressThatLoopsIsReportedAsSuch() {
        SiteCapture c = site(page(HOME)).httpProbe(new SiteCapture.HttpProbe(URI.create("http://shop.example/"), true,
                List.of(hop("http://shop.example/", 301, "http://shop.example/a"), hop("http://shop.example/a", 301, "http://shop.example/")),
                Optional.of("redirect loop: http://shop.example/ → http://shop.example/a → http://shop.example/"))).build();

        CheckOutcome o = run(c);

        Finding f = only(o, "transport.http_redirect_broken");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.description()).contains("redirect loop");
        assertThat(ids(o)).doesNotContain("transport.no_http_redirect");
        assertThat(score(o)).isEqualTo(0.85, offset(1e-9));
    }

    @Test
    void nothingListeningOnPlainHttpNeedsNoRedirect() {
        SiteCapture c = site(page(HOME)).httpUnreachable().build();

        CheckOutcome o = run(c);

        assertThat(o.findings()).isEmpty();
        assertThat(score(o)).isEqualTo(1.0);
    }

    @Test
    void scriptsOverPlainHttpAreActiveMixedContent() {
        SiteCapture c = site(page(HOME).request("http://cdn.example/app.js", "script").request("http://api.example/data", "xhr")).build();

        CheckOutcome o = run(c);

        Finding f = only(o, "transport.mixed_content_active");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.patternType()).isEqualTo("mixed_content");
        assertThat(f.evidence().text()).hasValueSatisfying(t -> assertThat(t).contains("http://cdn.example/app.js", "http://api.example/data"));
        assertThat(score(o)).isEqualTo(0.7, offset(1e-9));
    }

    @Test
    void aScriptTagWithAnHttpSourceIsActiveMixedContentEvenWithoutARequest() {
        SiteCapture c = site(page(HOME).script(script("http://cdn.example/lib.js"))).build();

        assertThat(ids(run(c))).containsExactly("transport.mixed_content_active");
    }

    @Test
    void imagesOverPlainHttpArePassiveMixedContent() {
        SiteCapture c = site(page(HOME).request("http://img.example/a.png", "image")).build();

        CheckOutcome o = run(c);

        assertThat(only(o, "transport.mixed_content_passive").severity()).isEqualTo(Severity.LOW);
        assertThat(score(o)).isEqualTo(0.95, offset(1e-9));
    }

    @Test
    void httpsRequestsAreNotMixedContent() {
        SiteCapture c = site(page(HOME).request("https://cdn.example/app.js", "script").request("https://img.example/a.png", "image")).build();

        assertThat(run(c).findings()).isEmpty();
    }

    @Test
    void thePagesOwnNavigationFromHttpIsNotMixedContent() {
        // A browser reports the redirected http:// navigation request too; it is not a subresource of the secure page.
        SiteCapture c = site(page(HOME)
                .redirects(hop("http://shop.example/", 301, HOME), hop(HOME, 200))
                .request("http://shop.example/", "document")
                .request(HOME, "document"))
                .build();

        CheckOutcome o = run(c);

        assertThat(o.findings()).isEmpty();
        assertThat(score(o)).isEqualTo(1.0);
    }

    @Test
    void aRedirectFromHttpsToHttpIsADowngrade() {
        SiteCapture c = site(page(HOME).redirects(
                hop("https://shop.example/go", 302, "http://shop.example/plain"),
                hop("http://shop.example/plain", 302, HOME),
                hop(HOME, 200))).build();

        CheckOutcome o = run(c);

        Finding f = only(o, "transport.https_downgrade");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.description()).contains("https://shop.example/go redirects to http://shop.example/plain");
        assertThat(score(o)).isLessThanOrEqualTo(0.6);
    }

    @Test
    void upgradingFromHttpToHttpsIsNoDowngrade() {
        SiteCapture c = site(page(HOME).redirects(hop("http://shop.example/", 301, HOME), hop(HOME, 200))).build();

        assertThat(run(c).findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} redirects → {1}")
    @CsvSource({"3, ", "4, LOW", "5, LOW", "6, MEDIUM", "9, MEDIUM"})
    void longRedirectChainsAreFlagged(int redirects, Severity expected) {
        RedirectHop[] hops = new RedirectHop[redirects + 1];
        for (int i = 0; i < redirects; i++) {
            hops[i] = hop("https://shop.example/r" + i, 302, "https://shop.example/r" + (i + 1));
        }
        hops[redirects] = hop("https://shop.example/r" + redirects, 200);
        SiteCapture c = site(page("https://shop.example/").redirects(hops)).build();

        CheckOutcome o = run(c);

        if (expected == null) {
            assertThat(o.findings()).isEmpty();
        } else {
            Finding f = only(o, "transport.excessive_redirects");
            assertThat(f.severity()).isEqualTo(expected);
            assertThat(f.title()).contains("(" + redirects + ")");
        }
    }

    @Test
    void endingOnAnotherSiteIsALowFinding() {
        SiteCapture c = site(page("https://landing.other.example/").redirects(
                hop("https://short.example/x", 301, "https://landing.other.example/"), hop("https://landing.other.example/", 200)))
                .target("https://short.example/x").build();

        CheckOutcome o = run(c);

        Finding f = only(o, "transport.redirect_off_site");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.description()).contains("https://short.example/x").contains("https://landing.other.example/");
    }

    @Test
    void movingToAnotherHostOfTheSameSiteIsNotOffSite() {
        SiteCapture c = site(page("https://www.shop.example/").redirects(
                hop("https://shop.example/", 301, "https://www.shop.example/"), hop("https://www.shop.example/", 200))).build();

        assertThat(run(c).findings()).isEmpty();
    }

    @Test
    void problemsAddUpInTheScore() {
        SiteCapture c = site(page(HOME)
                .request("http://cdn.example/app.js", "script")
                .request("http://img.example/a.png", "image"))
                .httpProbe(hop("http://shop.example/", 200))
                .build();

        CheckOutcome o = run(c);

        assertThat(ids(o)).containsExactlyInAnyOrder("transport.mixed_content_active", "transport.mixed_content_passive",
                "transport.no_http_redirect");
        assertThat(score(o)).isEqualTo(1 - 0.3 - 0.05 - 0.15, offset(1e-9));
        assertThat(o.signal().orElseThrow().summary()).contains("active mixed content", "no redirect from HTTP to HTTPS");
    }

    @Test
    void theCheckIsPure() {
        SiteCapture c = site(page(HOME).request("http://cdn.example/app.js", "script")).build();

        assertThat(run(c)).isEqualTo(run(c));
    }
}
