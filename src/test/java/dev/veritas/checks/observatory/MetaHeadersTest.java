package dev.veritas.checks.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which {@code <meta>} tags count as headers. */
class MetaHeadersTest {

    private static MetaHeaders meta(String head) {
        return MetaHeaders.from(ObservatoryHtml.startTags(Pages.html(head), Set.of("meta")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Security-Policy", "content-security-policy", "CONTENT-SECURITY-POLICY", " Content-Security-Policy ",
        "\tContent-security-Policy\n"})
    void cspHttpEquivIsMatchedWithoutCaseAndSurroundingSpace(String httpEquiv) {
        assertThat(meta("<meta http-equiv=\"" + httpEquiv + "\" content=\"default-src 'none'\">").contentSecurityPolicies())
                .containsExactly("default-src 'none'");
    }

    @Test
    void everyCspMetaIsOnePolicyInDocumentOrder() {
        assertThat(meta("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"img-src 'self'\">").contentSecurityPolicies())
                .containsExactly("default-src 'none'", "img-src 'self'");
    }

    @Test
    void emptyOrMissingContentAndOtherHeadersAreIgnored() {
        MetaHeaders meta = meta("<meta http-equiv=\"Content-Security-Policy\" content=\"\">"
                + "<meta http-equiv=\"Content-Security-Policy\">"
                + "<meta http-equiv=\"X-Frame-Options\" content=\"DENY\">"
                + "<meta http-equiv=\"Referrer-Policy\" content=\"no-referrer\">"
                + "<meta http-equiv=\"Content-Security-Policy-Report-Only\" content=\"default-src 'none'\">");

        assertThat(meta.contentSecurityPolicies()).isEmpty();
        assertThat(meta.referrerPolicy()).isEmpty();
    }

    @Test
    void theReferrerMetaIsANameNotAnHttpEquivAndTheLastOneWins() {
        assertThat(meta("<meta name=\"referRer\" content=\"no-referrer, same-origin\">").referrerPolicy()).contains("no-referrer, same-origin");
        assertThat(meta("<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"referrer\" content=\"unsafe-url\">"
                + "<meta name=\"referrer\" content=\"\">").referrerPolicy()).contains("unsafe-url");
    }

    @Test
    void entitiesInContentAreDecoded() {
        assertThat(meta("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &apos;none&apos;\">").contentSecurityPolicies())
                .containsExactly("default-src 'none'");
    }
}
