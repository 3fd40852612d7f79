package dev.veritas.eval.pages;

import static dev.veritas.eval.pages.TestCorpus.BRAND_FREE_HOST;
import static dev.veritas.eval.pages.TestCorpus.LOOK_ALIKE_HOST;
import static dev.veritas.eval.pages.TestCorpus.PAGE_HOST;
import static dev.veritas.eval.pages.TestCorpus.PAGE_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
/** The serving rules: what each played host answers, over HTTPS and plain HTTP. */
class PlayedSitesTest {
    private final PlayedSites sites = PlayedSites.of(PageManifest.read(TestCorpus.manifest()).rows());

    @ParameterizedTest(name = "{0} {1}://host{2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | https | /                    | 200 | login.html      |
            GET  | http  | /                    | 200 | login.html      |
            GET  | https | /login.html          | 200 | login.html      |
            HEAD | https | /login.html          | 200 | login.html      |
            GET  | https | /index.php           | 302 |                 | login.html
            GET  | http  | /admin/panel.php     | 404 |                 |
            POST | https | /login.php           | 303 |                 | /
            POST | http  | /                    | 303 |                 | /
            GET  | https | /style.css           | 200 | style.css       |
            GET  | http  | /logo.svg            | 200 | logo.svg        |
            GET  | https | /app.js.download     | 200 | app.js.download |
            GET  | https | /missing.png         | 404 |                 |
            GET  | https | /../coin-kit/style.css | 404 |               |
            GET  | https | /%2e%2e/%2e%2e/manifest.tsv | 404 |          |
            """)
    void aKitAnswersLikeCheapHostingUnderBothItsNames(String method, String scheme, String path, int status, String file, String location) {
        for (String host : List.of(LOOK_ALIKE_HOST, BRAND_FREE_HOST.toUpperCase() + ":443")) {
            PlayedSites.Response r = sites.respond(host, scheme.equals("https"), method, URI.create(path));

            assertThat(r.status()).as(host).isEqualTo(status);
            assertThat(r.file().map(f -> f.getFileName().toString()).orElse(null)).isEqualTo(file);
            assertThat(r.headers().get("Location")).isEqualTo(location);
            assertThat(r.headers()).containsEntry("Server", "Apache")
                    .doesNotContainKeys("Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            page.html         | text/html; charset=utf-8
            style.CSS         | text/css; charset=utf-8
            app.js            | text/javascript; charset=utf-8
            logo.svg          | image/svg+xml
            photo.jpeg        | image/jpeg
            font.woff2        | font/woff2
            app.js.download   | application/octet-stream
            chunk.webpack     | application/octet-stream
            README            | application/octet-stream
            """)
    void aKitFileGetsTheContentTypeOfItsExtension(String name, String type) {
        assertThat(ContentTypes.forFile(name)).isEqualTo(type);
    }

    @Test
    void theKitPageCarriesTheManifestHeadersAndOtherFilesTheirOwnType() {
        PlayedSites.Response page = sites.respond(LOOK_ALIKE_HOST, true, "GET", URI.create("/"));
        PlayedSites.Response css = sites.respond(LOOK_ALIKE_HOST, true, "GET", URI.create("/style.css"));

        assertThat(page.headers()).containsExactly(Map.entry("Server", "Apache"),
                Map.entry("Content-Type", "text/html; charset=utf-8"));
        assertThat(css.headers()).containsEntry("Content-Type", "text/css; charset=utf-8").containsEntry("Server", "Apache");
    }

    @Test
    void aPageIsServedAtExactlyItsUrlOverHttpsWithItsHeaders() {
        PlayedSites.Response r = sites.respond(PAGE_HOST, true, "GET", URI.create(PAGE_PATH));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.file()).hasValueSatisfying(f -> assertThat(f.getFileName().toString()).isEqualTo("source.html"));
        assertThat(r.headers()).containsEntry("Server", "nginx").containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Strict-Transport-Security", "max-age=31536000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            /
            /news/2024/06/library-reopens/
            /news/2024/06/library-reopens?page=2
            /assets/site.css
            """)
    void anyOtherPathOnAPageHostIsASmall404(String target) {
        PlayedSites.Response r = sites.respond(PAGE_HOST, true, "GET", URI.create(target));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.file()).isEmpty();
        assertThat(new String(r.bytes(), StandardCharsets.UTF_8)).contains("Not Found");
        assertThat(r.headers()).containsEntry("Content-Type", "text/html; charset=utf-8").containsEntry("Server", "nginx");
    }

    @Test
    void plainHttpOnAPageHostRedirectsToTheSamePathOverHttps() {
        PlayedSites.Response r = sites.respond(PAGE_HOST, false, "GET", URI.create("/any/where?x=1%202"));

        assertThat(r.status()).isEqualTo(301);
        assertThat(r.headers()).containsEntry("Location", "https://" + PAGE_HOST + "/any/where?x=1%202");
    }

    @Test
    void aHostNotPlayedIsNotFound() {
        assertThat(sites.respond("elsewhere.example", true, "GET", URI.create("/")).status()).isEqualTo(404);
        assertThat(sites.respond(null, false, "GET", URI.create("/")).status()).isEqualTo(404);
    }

    @Test
    void theHostsAreEveryNameOfTheManifest() {
        assertThat(sites.hosts()).containsExactlyInAnyOrder(LOOK_ALIKE_HOST, BRAND_FREE_HOST, PAGE_HOST);
    }

    @Test
    void oneHostCannotServeTwoKits(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/login.html"), "a");
        Files.writeString(dir.resolve("b/login.html"), "b");
        Path manifest = Files.writeString(dir.resolve("manifest.tsv"), "corpus\tname\turl\texpected\tstyle\theaders\tfile\n"
                + "phish\ta\thttps://x.example/\thigh_risk\tneutral\t{}\ta/login.html\n"
                + "phish\tb\thttp://x.example/\thigh_risk\tneutral\t{}\tb/login.html\n");

        assertThatThrownBy(() -> PlayedSites.of(PageManifest.read(manifest).rows())).hasMessageContaining("line 3");
    }
}
