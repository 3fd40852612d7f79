package dev.veritas.checks.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which script addresses the WHATWG URL parser, and so the Observatory, accepts. */
class WhatwgUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://cdn.example.net/x.js", "http://192.0.2.1/x.js", "https://0x7f.1/x.js", "https://[::1]/x.js",
        "https://cdn.example.net:/x.js", "https://cdn.example.net:443/x.js", "https://user@cdn.example.net/x.js",
        "https://cdn.example.net./x.js", "https://b\u00fccher.example/x.js", "https:///cdn.example.net/x.js"})
    void accepts(String url) {
        assertThat(WhatwgUrl.acceptsSpecial(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cdn.exa mple.net/x.js", "https://cdn.example.net:99999/x.js", "https://cdn.example.net:8a/x.js",
        "https://1.2.3.999/x.js", "https://static.0.2.248/x.js", "https://", "https://user@/x.js", "https://[::1/x.js",
        "https://a<b.example/x.js", "https://a%2Fb.example/x.js"})
    void refuses(String url) {
        assertThat(WhatwgUrl.acceptsSpecial(url)).isFalse();
    }

    @Test
    void aRefusedScriptAddressStopsTheGradeAsItStopsTheObservatory() {
        ObservatoryInput page = ObservatoryInput.builder("https://shop.example.com/")
                .headers(HttpHeaders.of("Content-Type", "text/html"))
                .body("<html><script src=\"https://cdn.example.net:99999/x.js\"></script></html>").build();

        ObservatoryOutcome outcome = ObservatoryGrader.grade(page);

        assertThat(outcome).isInstanceOfSatisfying(ObservatoryOutcome.NotGraded.class,
                ng -> assertThat(ng.reason()).contains("https://cdn.example.net:99999/x.js", "not a valid URL"));
    }
}
