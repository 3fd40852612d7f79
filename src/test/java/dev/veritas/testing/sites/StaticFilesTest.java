package dev.veritas.testing.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesTest {
    @TempDir
    Path dir;

    private Path root;
    private StaticFiles files;

    @BeforeEach
    void site() throws Exception {
        root = Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("secret.txt"), "outside the site");
        Files.writeString(root.resolve("index.html"), "home");
        Files.writeString(root.resolve("cart.html"), "cart");
        Files.writeString(root.resolve("_headers"), "X-Test: 1");
        Files.writeString(root.resolve("README.md"), "docs");
        Files.createDirectories(root.resolve("help"));
        Files.writeString(root.resolve("help/index.html"), "help");
        Files.createDirectories(root.resolve("_private"));
        Files.writeString(root.resolve("_private/page.html"), "private");
        Files.createDirectories(root.resolve("css"));
        Files.writeString(root.resolve("css/site.css"), "body {}");
        files = new StaticFiles(root);
    }

    @Test
    void mapsCleanUrlsDirectoriesAndFiles() {
        assertThat(files.resolve("/")).hasValue(root.resolve("index.html"));
        assertThat(files.resolve("/cart")).hasValue(root.resolve("cart.html"));
        assertThat(files.resolve("/cart.html")).hasValue(root.resolve("cart.html"));
        assertThat(files.resolve("/help")).hasValue(root.resolve("help/index.html"));
        assertThat(files.resolve("/help/")).hasValue(root.resolve("help/index.html"));
        assertThat(files.resolve("/css/site.css")).hasValue(root.resolve("css/site.css"));
        assertThat(files.resolve("/css/../cart")).hasValue(root.resolve("cart.html"));
    }

    @Test
    void refusesWhatIsMissingOutsideOrConfiguration() {
        assertThat(files.resolve("/missing")).isEmpty();
        assertThat(files.resolve("/cart/")).isEmpty();
        assertThat(files.resolve("/css")).as("a directory without index.html").isEmpty();
        assertThat(files.resolve("/../secret.txt")).isEmpty();
        assertThat(files.resolve("/css/../../secret.txt")).isEmpty();
        assertThat(files.resolve("/../site/cart.html")).hasValue(root.resolve("cart.html"));
        assertThat(files.resolve("/_headers")).isEmpty();
        assertThat(files.resolve("/README.md")).isEmpty();
        assertThat(files.resolve("/_private/page")).isEmpty();
        assertThat(files.resolve("/_private/page.html")).isEmpty();
        assertThat(files.resolve("/cart\0.html")).isEmpty();
        assertThat(files.resolve("/..\\secret.txt")).isEmpty();
        assertThat(files.resolve("relative")).isEmpty();
    }
}
