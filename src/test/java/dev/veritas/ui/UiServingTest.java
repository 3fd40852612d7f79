package dev.veritas.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.engine.EngineOptions;
import dev.veritas.server.ServerConfig;
import dev.veritas.server.VeritasServer;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the server delivers the UI: every page address answers with the app, every file with its type and the UI's security headers. */
class UiServingTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesAndFilesAreServedWithTheirTypesAndAStrictPolicy(@TempDir Path dataDir) throws Exception {
        try (VeritasServer server = new VeritasServer(ServerConfig.local(0, EngineOptions.defaults()),
                SqliteAuditStore.open(SqliteOptions.defaults(dataDir))).start()) {
            String base = "http://127.0.0.1:" + server.port();
            for (String page : List.of("/", "/audits/vrts_0123456789abcdef", "/history?status=failed", "/compare?ids=a,b", "/sites/example.com")) {
                HttpResponse<String> r = get(base + page);
                assertThat(r.statusCode()).as(page).isEqualTo(200);
                assertThat(r.headers().firstValue("content-type")).as(page).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
                assertThat(r.body()).contains("<script type=\"module\" src=\"/js/app.js\"></script>");
                assertPolicy(r);
            }
            Path root = Path.of("src", "main", "resources", "public");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String path = "/" + root.relativize(f).toString().replace('\\', '/');
                    HttpResponse<String> r = get(base + path);
                    assertThat(r.statusCode()).as(path).isEqualTo(200);
                    assertPolicy(r);
                    String type = r.headers().firstValue("content-type").orElse("");
                    if (path.endsWith(".js")) {
                        assertThat(type).as(path).contains("javascript");
                    } else if (path.endsWith(".css")) {
                        assertThat(type).as(path).startsWith("text/css");
                    } else if (path.endsWith(".svg")) {
                        assertThat(type).as(path).startsWith("image/svg+xml");
                    }
                }
            }
        }
    }

    private static void assertPolicy(HttpResponse<String> r) {
        String csp = r.headers().firstValue("content-security-policy").orElse("");
        assertThat(csp).contains("script-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(r.headers().firstValue("x-content-type-options")).contains("nosniff");
    }
}
