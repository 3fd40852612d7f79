package dev.veritas.checks.observatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;
/** Combining several CSP policies into one directive map, as Observatory does. */
class ContentSecurityPoliciesTest {

    private static ContentSecurityPolicies parse(String... policies) throws Exception {
        return ContentSecurityPolicies.parse(List.of(policies));
    }

    @Test
    void oneSourceListPerDirectiveLowerCased() throws Exception {
        ContentSecurityPolicies csp = parse("Default-Src 'SELF' https://Mozilla.org; IMG-SRC data:");

        assertThat(csp.directives()).containsOnlyKeys("default-src", "img-src");
        assertThat(csp.get("default-src")).containsExactlyInAnyOrder("'self'", "https://mozilla.org");
    }

    @Test
    void aSourceMustBeAllowedByEveryPolicy() throws Exception {
        ContentSecurityPolicies csp = parse("script-src 'self' https://a.example https://b.example", "script-src 'self' https://b.example");

        assertThat(csp.get("script-src")).containsExactlyInAnyOrder("'self'", "https://b.example");
    }

    @Test
    void aPathInTheLaterPolicyWithinTheFirstPoliciesPrefixSurvives() throws Exception {
        ContentSecurityPolicies csp = parse("script-src https://cdn.example/js/", "script-src https://cdn.example/js/app.js");

        assertThat(csp.get("script-src")).containsExactly("https://cdn.example/js/app.js");
    }

    @Test
    void aDirectiveOnlyALaterPolicyNamesAllowsNothing() throws Exception {
        ContentSecurityPolicies csp = parse("default-src 'none'", "script-src https://cdn.example");

        assertThat(csp.get("script-src")).containsExactly("'none'");
        assertThat(csp.get("default-src")).containsExactly("'none'");
    }

    @Test
    void withinOnePolicyALongerSourceAfterAPrefixIsDropped() throws Exception {
        assertThat(parse("script-src https: https://a.example").get("script-src")).containsExactly("https:");
    }

    @Test
    void anEmptySourceListMeansNone() throws Exception {
        assertThat(parse("default-src; upgrade-insecure-requests").directives())
                .containsEntry("default-src", Set.of("'none'"))
                .containsEntry("upgrade-insecure-requests", Set.of("'none'"));
    }

    @Test
    void repeatedReportingDirectivesAreToleratedButCounted() throws Exception {
        ContentSecurityPolicies csp = parse("default-src 'none'; report-uri /a; report-uri /b");

        assertThat(csp.duplicateWarnings()).containsExactly("report-uri");
        assertThat(csp.size()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "default-src 'none'; default-src 'self'",
        "script-src a; img-src b; SCRIPT-SRC c",
        "img",
        "' '"})
    void refusesRepeatedDirectivesAndTooShortPolicies(String policy) {
        assertThatThrownBy(() -> parse(policy)).isInstanceOf(ContentSecurityPolicies.InvalidPolicyException.class);
    }

    @Test
    void aMalformedEscapeInAComparedPathMakesThePoliciesInvalid() {
        assertThatThrownBy(() -> parse("script-src https://a.example/%E0%A4%A", "script-src https://a.example/%E0%A4%A"))
                .isInstanceOf(ContentSecurityPolicies.InvalidPolicyException.class);
    }

    @Test
    void metaPoliciesLoseTheDirectivesNotAllowedThere() throws Exception {
        ContentSecurityPolicies meta = ContentSecurityPolicies.parseMeta(List.of("default-src 'none'; frame-ancestors 'none'; report-uri /r; sandbox"));

        assertThat(meta.directives()).containsOnlyKeys("default-src");
    }

    @Test
    void headerValuesSplitIntoPoliciesAtCommas() {
        assertThat(ContentSecurityPolicies.splitHeaderValues(List.of("default-src 'none', script-src 'self'", "img-src 'self',")))
                .containsExactly("default-src 'none'", "script-src 'self'", "img-src 'self'", "");
        assertThat(ContentSecurityPolicies.splitHeaderValues(List.of("  "))).containsExactly("");
    }

    @Test
    void sourcesSortLikeTheUnicodeCollatorNotLikeAscii() {
        List<String> sources = new ArrayList<>(List.of("https://a.example.evil", "b", "https://a.example:443", "'self'", "*", "1"));
        sources.sort(CspSourceOrder.COLLATOR);

        // punctuation before digits before letters; ':' before '.'
        assertThat(sources).containsExactly("'self'", "*", "1", "b", "https://a.example:443", "https://a.example.evil");
    }
}
