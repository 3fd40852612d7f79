package dev.veritas.checks.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The script tags the Observatory's parser sees, which are not always the ones a browser builds. */
class ObservatoryHtmlTest {

    private static List<String> scriptSources(String html) {
        return ObservatoryHtml.startTags(html, Set.of("script")).stream().map(t -> String.valueOf(t.get("src"))).toList();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "<script src=a></script>                                              | a",
        "<SCRIPT SRC='a' src='b'></SCRIPT>                                    | a",
        "<script src=\"https:&#x2F;&#x2F;x.example/a.js\"></script>          | https://x.example/a.js",
        "<!-- <script src=a></script> --><script src=b></script>              | b",
        "<noscript><script src=a></script></noscript>                         | a",
        "<textarea><script src=a></script></textarea><script src=b></script>  | b",
        "<xmp><script src=a></script></xmp>                                   | ''",
        "<iframe><script src=a></script></iframe>                             | ''",
        "<noembed><script src=a></script></noembed><script src=b></script>    | b",
        "<![CDATA[<script src=a></script>]]><script src=b></script>           | b",
        "<svg><script src=a></script><script src=b></script></svg>            | a;b",
        "<script><!--<script src=a></script>--></script>                      | null",
        "<script>var s = '<script src=a></script>'</script>                   | null",
        "<script src=a                                                         | ''",
        "<form><form><script src=a></script></form></form>                    | a",
        "<plaintext><script src=a></script>                                   | ''"})
    void findsScriptsAsTheObservatorysParserDoes(String html, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(";"));
        assertThat(scriptSources(html)).isEqualTo(want);
    }
}
