package dev.veritas.checks;

import static dev.veritas.testing.Captures.inlineScript;
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
import dev.veritas.testing.Captures.PageBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptsCheckTest {
    private static final String HOME = "https://www.fashionshop.com/";
    private final ScriptsCheck check = new ScriptsCheck();

    private CheckOutcome run(PageBuilder... pages) {
        return check.run(site(pages).build());
    }

    private static PageBuilder home() {
        return page(HOME);
    }

    @Test
    void ordinaryScriptsGiveAFullSignal() {
        CheckOutcome o = run(home().script(script("/js/site.js")).script(script("https://www.googletagmanager.com/gtm.js?id=GTM-X"))
                .script(inlineScript("window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}")));

        assertThat(o.findings()).isEmpty();
        assertThat(score(o)).isEqualTo(1.0);
        assertThat(o.signal().orElseThrow().summary()).isEqualTo("no mining or obfuscated scripts; 1 third-party script sites");
    }

    // ---- miners ----

    @Test
    void aMinerLoadedBySourceIsCritical() {
        CheckOutcome o = run(home().script(script("https://coinhive.com/lib/coinhive.min.js")));

        Finding f = only(o, "scripts.cryptominer");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.description()).contains("https://coinhive.com/lib/coinhive.min.js");
        assertThat(f.evidence().values()).containsEntry("script", "https://coinhive.com/lib/coinhive.min.js");
        assertThat(score(o)).isZero();
        assertThat(o.signal().orElseThrow().summary()).contains("crypto-miner");
    }

    @Test
    void aMinerStartedInAnInlineScriptIsCritical() {
        CheckOutcome o = run(home().script(inlineScript("var miner = new CoinHive.Anonymous('SITE_KEY', {throttle: 0.3}); miner.start();")));

        Finding f = only(o, "scripts.cryptominer");
        assertThat(f.evidence().values()).containsEntry("script", "inline script");
        assertThat(score(o)).isZero();
    }

    @Test
    void aMinerSeenOnlyInTheNetworkRequestsIsCritical() {
        CheckOutcome o = run(home().request("wss://ws.coinimp.com/proxy0", "websocket"));

        Finding f = only(o, "scripts.cryptominer");
        assertThat(f.description()).contains("wss://ws.coinimp.com/proxy0");
        assertThat(score(o)).isZero();
    }

    @Test
    void aMinerIsReportedOnceHoweverOftenItIsSeen() {
        CheckOutcome o = run(home().script(script("https://coinhive.com/lib/coinhive.min.js"))
                .script(inlineScript("var m = new CoinHive.User('k', 'u'); m.start();"))
                .request("https://coinhive.com/lib/coinhive.min.js", "script"),
                page("https://www.fashionshop.com/about").script(script("https://coinhive.com/lib/coinhive.min.js")));

        assertThat(ids(o)).containsExactly("scripts.cryptominer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.fashionshop.com/js/mining-equipment-catalogue.js", "https://cdn.example-shop.com/hive.js",
            "https://cdn.fashionshop.com/monero-price-widget.js"})
    void namesThatMerelyResembleMinersAreFine(String src) {
        assertThat(run(home().script(script(src))).findings()).isEmpty();
    }

    // ---- obfuscation ----

    static Stream<Arguments> obfuscated() {
        String base64 = "QUJD".repeat(60);
        return Stream.of(
                Arguments.of("packer", "eval(function(p,a,c,k,e,d){e=function(c){return c.toString(36)};if(!''.replace(/^/,String)){while(c--)}}('0 1',2,2,'a|b'.split('|'),0,{}))",
                        "packed with eval"),
                Arguments.of("eval of atob", "var s='ZG9jdW1lbnQud3JpdGUoJ2hlbGxvJyk='; eval(atob(s)); console.log('loaded the widget');",
                        "eval of decoded text"),
                Arguments.of("eval of unescape", "eval(unescape('%64%6f%63%75%6d%65%6e%74%2e%77%72%69%74%65%28%27%78%27%29'));",
                        "eval of decoded text"),
                Arguments.of("eval of fromCharCode", "eval(String.fromCharCode(100,111,99,117,109,101,110,116,46,119,114,105,116,101,40,41));",
                        "eval of decoded text"),
                Arguments.of("document.write of unescape", "document.write(unescape('%3Cscript%20src%3D%22https%3A//x.example/a.js%22%3E%3C/script%3E'));",
                        "document.write of decoded text"),
                Arguments.of("long base64", "var payload = atob('" + base64 + "'); run(payload);", "long base64 string"),
                Arguments.of("hex escapes", "var _0x1a2b = \"" + "\\x64\\x6f\\x63\\x75\\x6d\\x65\\x6e\\x74".repeat(3) + "\"; window[_0x1a2b]();",
                        "\\x escapes"),
                Arguments.of("unicode escapes", "var k = \"" + "\\u0064\\u006f\\u0063\\u0075\\u006d\\u0065\\u006e\\u0074".repeat(2) + "\"; window[k]();",
                        "\\u escapes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("obfuscated")
    void eachObfuscationFormIsFound(String form, String code, String named) {
        CheckOutcome o = run(home().script(inlineScript(code)));

        Finding f = only(o, "scripts.obfuscation");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.description()).contains(named);
        assertThat(f.evidence().text()).isPresent();
        assertThat(score(o)).isEqualTo(0.7, offset(1e-9));
    }

    @Test
    void obfuscationIsReportedOnce() {
        CheckOutcome o = run(home().script(inlineScript("var s='ZG9jdW1lbnQ='; eval(atob(s)); console.log('loaded the widget now');"))
                .script(inlineScript("var t='ZG9jdW1lbnQ='; eval(atob(t)); console.log('loaded the other one too');")));

        assertThat(ids(o)).containsExactly("scripts.obfuscation");
    }

    @Test
    void ordinaryMinifiedCodeIsNotObfuscation() {
        String minified = "!function(e,t){\"use strict\";var n=t.querySelector(\".cart\"),r=function(e){return e.replace(/\\s+/g,\" \")};"
                + "n&&n.addEventListener(\"click\",function(t){t.preventDefault(),e.dataLayer.push({event:\"cart\",label:r(n.textContent)})})"
                + "}(window,document);var a=JSON.parse('{\"a\":1}');setTimeout(function(){console.log(\"ready\")},0);";

        assertThat(run(home().script(inlineScript(minified))).findings()).isEmpty();
    }

    @Test
    void escapedNonLatinTextInPageDataIsNotObfuscation() {
        // PHP's json_encode escapes every non-ASCII character, so a Russian or Chinese page's data looks like this.
        String data = "window.__PAGE__ = {\"title\":\"\\u041b\\u044c\\u043d\\u044f\\u043d\\u0430\\u044f \\u0440\\u0443\\u0431\\u0430\\u0448\\u043a\\u0430\","
                + "\"tagline\":\"\\u4eca\\u65e5\\u306e\\u304a\\u3059\\u3059\\u3081\\u5546\\u54c1\\u3067\\u3059\\u3002\"};";

        assertThat(run(home().script(inlineScript(data))).findings()).isEmpty();
    }

    @Test
    void shortScriptsAreNeverObfuscation() {
        assertThat(run(home().script(inlineScript("eval(atob('YQ=='))"))).findings()).isEmpty();
    }

    @Test
    void externalScriptsAreNotReadForObfuscation() {
        assertThat(ScriptsCheck.obfuscation(null)).isNull();
        assertThat(ScriptsCheck.obfuscation("")).isNull();
    }

    // ---- third parties ----

    private static PageBuilder withThirdParties(int n) {
        PageBuilder p = home();
        for (int i = 0; i < n; i++) {
            p.script(script("https://cdn.vendor" + i + ".com/tag.js"));
        }
        return p;
    }

    @Test
    void scriptsFromMoreThanFifteenOtherSitesAreALowFinding() {
        CheckOutcome o = run(withThirdParties(16));

        Finding f = only(o, "scripts.many_third_parties");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.title()).isEqualTo("Scripts from 16 other sites");
        assertThat(f.evidence().text()).hasValueSatisfying(t -> assertThat(t).contains("vendor0.com", "vendor15.com"));
        assertThat(score(o)).isEqualTo(0.9, offset(1e-9));
    }

    @Test
    void fifteenOtherSitesAreStillFine() {
        CheckOutcome o = run(withThirdParties(15));

        assertThat(o.findings()).isEmpty();
        assertThat(o.signal().orElseThrow().summary()).contains("15 third-party script sites");
    }

    @Test
    void thirdPartiesAreCountedBySiteAcrossTagsRequestsAndPages() {
        PageBuilder first = withThirdParties(10)
                .script(script("https://static.fashionshop.com/app.js"))     // same site: not a third party
                .script(script("https://cdn2.vendor0.com/other.js"))         // a site already counted
                .request("https://img.vendor99.com/pixel.gif", "image");     // not a script
        PageBuilder second = page("https://www.fashionshop.com/about")
                .script(script("//cdn.protocol-relative.net/x.js"))
                .request("https://api.script-request.net/loader.js", "script");
        for (int i = 10; i < 14; i++) {
            second.script(script("https://cdn.vendor" + i + ".com/tag.js"));
        }

        CheckOutcome o = run(first, second);

        Finding f = only(o, "scripts.many_third_parties");
        assertThat(f.title()).isEqualTo("Scripts from 16 other sites");
        assertThat(f.evidence().text()).hasValueSatisfying(t -> assertThat(t).contains("protocol-relative.net", "script-request.net")
                .doesNotContain("fashionshop.com", "vendor99.com"));
    }

    @Test
    void problemsAddUp() {
        PageBuilder p = withThirdParties(16).script(inlineScript("var s='ZG9jdW1lbnQ='; eval(atob(s)); console.log('loaded the widget now');"));

        CheckOutcome o = run(p);

        assertThat(score(o)).isEqualTo(0.6, offset(1e-9));
        assertThat(o.signal().orElseThrow().summary()).isEqualTo("obfuscated script, 16 third-party script sites");
    }
}
