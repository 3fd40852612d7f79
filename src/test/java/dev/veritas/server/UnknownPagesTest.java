package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.engine.EngineOptions;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped page address shows the web UI (whose router says "Page not found") with status 404; API clients still get a problem. */
class UnknownPagesTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrowserGetsTheAppWithStatus404AndAnApiClientAProblem(@TempDir Path dataDir) throws Exception {
        try (VeritasServer server = new VeritasServer(ServerConfig.local(0, EngineOptions.defaults()),
                SqliteAuditStore.open(SqliteOptions.defaults(dataDir))).start()) {
            String base = "http://127.0.0.1:" + server.port();
            for (String path : new String[] {"/nothing", "/audits", "/sites/"}) {
                HttpResponse<String> page = get(base + path, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
                assertThat(page.statusCode()).as(path).isEqualTo(404);
                assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
                assertThat(page.body()).contains("<script type=\"module\" src=\"/js/app.js\"></script>");
                assertThat(page.headers().firstValue("content-security-policy")).isPresent();
            }
            HttpResponse<String> api = get(base + "/api/nothing", "application/json");
            assertThat(api.statusCode()).isEqualTo(404);
            assertThat(api.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(get(base + "/nothing", "application/json").body()).doesNotContain("<script");
        }
    }
}
