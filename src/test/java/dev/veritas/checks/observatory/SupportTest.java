package dev.veritas.checks.observatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Header multimap, JavaScript string semantics and structured-field tokens the checks rely on. */
class SupportTest {

    @Test
    void headerNamesAreCaseInsensitiveAndRepeatsAreKept() {
        HttpHeaders headers = HttpHeaders.of("Set-Cookie", "a=1", "set-cookie", "b=2", "X-Frame-Options", "DENY", "x-frame-options", "DENY");

        assertThat(headers.values("SET-COOKIE")).containsExactly("a=1", "b=2");
        assertThat(headers.combined("X-Frame-Options")).contains("DENY, DENY");
        assertThat(headers.combined("Missing")).isEmpty();
    }

    @Test
    void fieldsThatMayNotRepeatKeepTheirFirstLine() {
        HttpHeaders headers = HttpHeaders.fromMultimap(Map.of("Content-Type", List.of("text/html", "application/json")));

        assertThat(headers.combined("content-type")).contains("text/html");
    }

    @Test
    void headersNeedAValueForEveryName() {
        assertThatThrownBy(() -> HttpHeaders.of("X-Only-A-Name")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inputDefaultsCookiesToTheResponsesSetCookieLines() {
        ObservatoryInput input = ObservatoryInput.builder("https://example.com/")
                .headers(HttpHeaders.of("Set-Cookie", "a=1", "Set-Cookie", "b=2")).build();

        assertThat(input.cookies()).containsExactly("a=1", "b=2");
        assertThat(input.body()).contains("");
        assertThat(input.httpProbe()).isInstanceOf(HttpProbe.NoHttpListener.class);
    }

    @Test
    void inputRejectsWhatCannotBeGraded() {
        assertThatThrownBy(() -> ObservatoryInput.builder("ftp://example.com/").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObservatoryInput.builder("https://example.com/").status(42).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpProbe.Redirects(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "parseInt({0}) = {1}")
    @CsvSource(delimiter = '|', value = {"15768000 | 15768000", "'  42abc' | 42", "-7 | -7", "+3 | 3"})
    void parseIntReadsLeadingDigits(String text, double expected) {
        assertThat(JsText.parseInt(text)).isEqualTo(expected);
    }

    @Test
    void parseIntWithoutDigitsIsNaN() {
        assertThat(JsText.parseInt("\"31536000\"")).isNaN();
        assertThat(JsText.parseInt("")).isNaN();
    }

    @Test
    void jsSplitAndTrimKeepJavaScriptSemantics() {
        assertThat(JsText.split(";a;;", ';')).containsExactly("", "a", "", "");
        assertThat(JsText.splitWhitespace("")).containsExactly("");
        assertThat(JsText.splitWhitespace("a \t b")).containsExactly("a", "b");
        assertThat(JsText.trim("\u00A0 x \uFEFF")).isEqualTo("x");
    }

    @Test
    void decodeUriComponentDecodesUtf8AndRejectsBrokenEscapes() throws Exception {
        assertThat(JsText.decodeUriComponent("caf%C3%A9+x")).isEqualTo("café+x");
        assertThatThrownBy(() -> JsText.decodeUriComponent("%E0%A4%A")).isInstanceOf(JsText.MalformedUriException.class);
        assertThatThrownBy(() -> JsText.decodeUriComponent("%C3")).isInstanceOf(JsText.MalformedUriException.class);
        assertThatThrownBy(() -> JsText.decodeUriComponent("%zz")).isInstanceOf(JsText.MalformedUriException.class);
    }

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "same-origin | same-origin",
        "' same-origin ' | same-origin",
        "'same-origin;report-to=\"a\"' | same-origin",
        "'same-origin; report-to=\"a\"; x=?1; y=1.5; z=:YQ==:' | same-origin",
        "'same-origin, unsafe-none' | NONE",
        "'\"same-origin\"' | NONE",
        "'same-origin; Report-To=\"a\"' | NONE",
        "'same-origin; report-to=\"a' | NONE",
        "1same | NONE"})
    void structuredFieldTokens(String value, String token) {
        if (token == null) {
            assertThat(StructuredFieldToken.parse(value)).isEmpty();
        } else {
            assertThat(StructuredFieldToken.parse(value)).contains(token);
        }
    }
}
