package dev.veritas.checks.phishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever arrives, the classifier answers: no exception, a probability, readable signals. */
class RobustnessTest {
    private final PhishingUrlClassifier classifier = PhishingUrlClassifier.standard();

    static Stream<String> oddInputs() {
        return Stream.of(
                "", " ", "\t\n", "http://", "https:///", "://", "//", "?", "#", "@", "http://@", "http://:80",
                "http://[", "http://[::1", "http://[::1]:8080/x?y#z", "http://[fe80::1%25eth0]/",
                "http://user:pass@host:99999999999999/", "http://a@b@c@d/", "HTTP://EXAMPLE.COM/PATH",
                "http://example.com:/", "http://exa mple.com/pa th", "http://%00%ff%zz/", "http://example.com/%",
                "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "mailto:someone@example.com",
                "http://xn--/", "http://xn--zz-invalid-punycode--.com/", "http://..../", "http://.example.com./",
                "http://\u202Egnp.exe/", "http://exa\u0000mple.com/", "http://\uD800broken\uDC00/",
                "https://😀.example/🙂?q=🙃", "https://ﬁnance.example/", "http://example。com/",
                "http:\\\\example.com\\login", "example.com", "localhost:8080/admin", "0x7f.0x0.0x0.0x1",
                "http://" + "a.".repeat(300) + "com/", "http://" + "-".repeat(70) + ".com/");
    }

    @ParameterizedTest
    @MethodSource("oddInputs")
    void neverThrows(String url) {
        assertThatCode(() -> {
            UrlVerdict v = classifier.assess(url);
            assertThat(v.probability()).isBetween(0.0, 1.0);
            assertThat(v.signals()).allSatisfy(s -> {
                assertThat(s.name()).isNotBlank();
                assertThat(s.explanation()).isNotBlank();
                assertThat(Double.isFinite(s.contribution())).isTrue();
            });
        }).doesNotThrowAnyException();
    }

    @Test
    void nullIsTreatedAsEmpty() {
        UrlVerdict v = classifier.assess(null);
        assertThat(v.url()).isEmpty();
        assertThat(v.probability()).isBetween(0.0, 1.0);
    }

    @Test
    void hugeAddressesGetAVerdictWithShortExplanations() {
        String hugePath = "http://example.com/" + "a1b2c3/".repeat(15_000);
        String hugeHost = "http://" + "sub".repeat(35_000) + ".example.com/";
        String hugeQuery = "https://example.com/?q=" + "x%20".repeat(25_000);
        for (String url : new String[] {hugePath, hugeHost, hugeQuery}) {
            assertThat(url.length()).isGreaterThanOrEqualTo(100_000);
            UrlVerdict v = classifier.assess(url);
            assertThat(v.probability()).as("a %d-character address", url.length()).isBetween(0.0, 1.0);
            assertThat(v.signals()).allSatisfy(sig -> assertThat(sig.explanation()).isNotBlank().hasSizeLessThan(1_000));
        }
    }

    @Test
    void parsesTheAwkwardPartsOfAnAddress() {
        UrlParts ipv6 = UrlParts.parse("https://[2001:db8::1]:8443/a?b=c#d");
        assertThat(ipv6.host()).isEqualTo("2001:db8::1");
        assertThat(ipv6.port()).isEqualTo("8443");
        assertThat(ipv6.path()).isEqualTo("/a");
        assertThat(ipv6.query()).isEqualTo("b=c");
        assertThat(ipv6.fragment()).isEqualTo("d");

        UrlParts userinfo = UrlParts.parse("http://www.bank.example:pw@evil.example:81/x");
        assertThat(userinfo.userinfo()).isEqualTo("www.bank.example:pw");
        assertThat(userinfo.host()).isEqualTo("evil.example");
        assertThat(userinfo.port()).isEqualTo("81");

        UrlParts noScheme = UrlParts.parse("Example.COM/Path");
        assertThat(noScheme.hasScheme()).isFalse();
        assertThat(noScheme.host()).isEqualTo("example.com");
        assertThat(noScheme.path()).isEqualTo("/Path");

        UrlParts backslashes = UrlParts.parse("https:\\\\example.com\\login");
        assertThat(backslashes.host()).isEqualTo("example.com");
        assertThat(backslashes.path()).isEqualTo("/login");

        UrlParts idn = UrlParts.parse("https://xn--mnchen-3ya.de/");
        assertThat(idn.unicodeHost()).isEqualTo("münchen.de");
        assertThat(UrlParts.parse("https://münchen.de/").asciiHost()).isEqualTo("xn--mnchen-3ya.de");
    }
}
