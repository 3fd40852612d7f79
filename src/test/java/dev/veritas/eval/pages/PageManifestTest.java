package dev.veritas.eval.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veritas.audit.RiskLevel;
import dev.veritas.eval.pages.PageManifest.Corpus;
import dev.veritas.eval.pages.PageManifest.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageManifestTest {
    private static final String HEADER = "corpus\tname\turl\texpected\tstyle\theaders\tfile\n";
    private static final String KIT_HEADERS = "{\"Server\":\"Apache\",\"Content-Type\":\"text/html; charset=utf-8\"}";

    @TempDir
    Path dir;

    @Test
    void readsEveryRowWithItsExpectationStyleHeadersAndFile() {
        PageManifest m = PageManifest.read(TestCorpus.manifest());

        assertThat(m.rows()).hasSize(5);
        Row kit = m.rows().get(2);
        assertThat(kit.line()).isEqualTo(4);
        assertThat(kit.corpus()).isEqualTo(Corpus.PHISH);
        assertThat(kit.host()).isEqualTo(TestCorpus.BRAND_FREE_HOST);
        assertThat(kit.https()).isTrue();
        assertThat(kit.brandFree()).isTrue();
        assertThat(kit.expected().risks()).containsExactlyInAnyOrder(RiskLevel.HIGH_RISK, RiskLevel.LIKELY_FRAUDULENT);
        assertThat(kit.expected().noHighPhishingFinding()).isFalse();
        assertThat(kit.headers()).containsEntry("Server", "Apache");
        assertThat(kit.file()).isEqualTo(TestCorpus.folder().resolve("phish/coin-kit/login.html"));
        assertThat(m.rows().get(0).brandFree()).isFalse();
        assertThat(m.rows().get(1).https()).isFalse();

        Row page = m.rows().get(4);
        assertThat(page.corpus()).isEqualTo(Corpus.BENIGN);
        assertThat(page.expected().risks()).isEqualTo(EnumSet.of(RiskLevel.TRUSTED, RiskLevel.PROBABLY_SAFE, RiskLevel.SUSPICIOUS));
        assertThat(page.expected().noHighPhishingFinding()).isTrue();
        assertThat(page.headers()).containsKeys("Strict-Transport-Security", "X-Content-Type-Options");
    }

    @Test
    void aManifestNamedThroughDotDotStillFindsItsFiles() throws IOException {
        // the README's command names the corpus as ../shared/data/realworld/manifest.tsv from the clone
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("page.html"), "<html></html>");
        Files.writeString(corpus.resolve("manifest.tsv"), HEADER + "phish\tk\thttps://a.example/\thigh_risk\tneutral\t{}\tpage.html\n");
        Path viaDotDot = Files.createDirectories(dir.resolve("clone")).resolve("../corpus/manifest.tsv");

        PageManifest m = PageManifest.read(viaDotDot);

        assertThat(m.rows()).singleElement().satisfies(row -> assertThat(row.file()).isEqualTo(corpus.resolve("page.html")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            unknown corpus       | shop\tk\thttps://a.example/\thigh_risk\tneutral\t{}\tpage.html                  | corpus must be phish or benign
            too few columns      | phish\tk\thttps://a.example/\thigh_risk\tneutral\t{}                             | expected 7 tab-separated columns, got 6
            not a URL            | phish\tk\thttps://a b/\thigh_risk\tneutral\t{}\tpage.html                          | the url is not a URL
            a port in the URL    | phish\tk\thttps://a.example:8443/\thigh_risk\tneutral\t{}\tpage.html               | no port
            a benign page on http| benign\tp\thttp://a.example/x\tbelow_high_risk\tcanonical\t{}\tpage.html            | its url must start with https://
            unknown risk level   | phish\tk\thttps://a.example/\tvery_bad\tneutral\t{}\tpage.html                     | very_bad
            impossible verdict   | phish\tk\thttps://a.example/\thigh_risk;below_suspicious\tneutral\t{}\tpage.html  | no risk level satisfies
            headers not JSON     | phish\tk\thttps://a.example/\thigh_risk\tneutral\tServer: Apache\tpage.html        | headers must be a JSON object
            header not a string  | phish\tk\thttps://a.example/\thigh_risk\tneutral\t{"X-N":1}\tpage.html              | header X-N must have a string value
            missing file         | phish\tk\thttps://a.example/\thigh_risk\tneutral\t{}\tnone.html                    | file none.html does not exist
            file outside folder  | phish\tk\thttps://a.example/\thigh_risk\tneutral\t{}\t../page.html                 | inside the manifest's folder
            """)
    void aBadRowIsRefusedWithItsLineAndWhatIsWrong(String what, String row, String message) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(sub.resolve("page.html"), "<p>hi</p>");
        Files.writeString(dir.resolve("page.html"), "<p>outside</p>");
        Path manifest = sub.resolve("manifest.tsv");
        String good = "phish\tk\thttps://a.example/\thigh_risk\tneutral\t" + KIT_HEADERS + "\tpage.html\n";
        Files.writeString(manifest, HEADER + good + row.replace("\\t", "\t") + "\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PageManifest.read(manifest))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3: ")
                .hasMessageContaining(message);
    }

    @Test
    void aFileWithoutTheHeaderOrWithoutRowsIsRefused() throws IOException {
        Path noHeader = Files.writeString(dir.resolve("a.tsv"), "phish\tk\thttps://a.example/\thigh_risk\tneutral\t{}\tpage.html\n");
        Path noRows = Files.writeString(dir.resolve("b.tsv"), HEADER);

        assertThatThrownBy(() -> PageManifest.read(noHeader)).hasMessageContaining("line 1: expected the header corpus<TAB>name");
        assertThatThrownBy(() -> PageManifest.read(noRows)).hasMessageContaining("has no rows");
        assertThatThrownBy(() -> PageManifest.read(dir.resolve("missing.tsv"))).hasMessageContaining("does not exist");
    }
}
