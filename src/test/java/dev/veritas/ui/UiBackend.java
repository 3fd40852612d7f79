package dev.veritas.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.capture.CaptureSettings;
import dev.veritas.engine.EngineOptions;
import dev.veritas.json.Json;
import dev.veritas.server.ServerConfig;
import dev.veritas.server.VeritasServer;
import dev.veritas.store.AuditStore;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.OnePageSite;
import dev.veritas.testing.sites.TestSite;
import dev.veritas.testing.sites.TestSiteServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the browser tests run against: a real Veritas server on an ephemeral port with its own SQLite store, the
 * dark-pattern and honest test shops over HTTPS, and a plain-HTTP page whose text is made of HTML and script, to
 * see that the UI shows such evidence as text. Also a small API client to prepare audits without the UI.
 */
final class UiBackend implements AutoCloseable {
    /** Visible text of the hostile page: what a careless UI would turn into markup. */
    static final String HOSTILE_TEXT = "Only 2 left in stock! <img src=x onerror=alert(1)>";
    private static final String HOSTILE_PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <title>&lt;img src=x onerror=alert(3)&gt; Gadgets</title></head>
            <body><h1>Gadgets</h1>
            <p id="stock">Only 2 left in stock! &lt;img src=x onerror=alert(1)&gt;</p>
            <p id="deal">Hurry, offer ends today &lt;script&gt;alert(2)&lt;/script&gt;</p>
            </body></html>
            """;

    final TestSiteServer dark;
    final TestSiteServer honest;
    final OnePageSite hostile;
    final VeritasServer server;
    /** The server's store, for tests that write an audit's events themselves ({@link ScriptedAudit}). */
    final AuditStore store;
    final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentHashMap<String, String> prepared = new ConcurrentHashMap<>();

    UiBackend(Path dataDir) {
        dark = TestSiteServer.start(TestSite.DARK_SHOP);
        honest = TestSiteServer.start(TestSite.HONEST_SHOP);
        hostile = OnePageSite.serve(HOSTILE_PAGE.getBytes(StandardCharsets.UTF_8));
        EngineOptions engine = EngineOptions.defaults().withAllowPrivate(true).withTrustCa(Optional.of(dark.caPem()))
                .withCapture(CaptureSettings.defaults().withLaterDelay(Duration.ofSeconds(2)));
        store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir));
        server = new VeritasServer(ServerConfig.local(0, engine).withHeartbeat(Duration.ofSeconds(1)), store).start();
        base = "http://127.0.0.1:" + server.port();
    }

    String hostileUrl() {
        return hostile.url();
    }

    String url(String path) {
        return base + path;
    }

    /** Submits an audit through the API and returns its id. */
    String submit(String url, String tier) {
        JsonNode body = send(HttpRequest.newBuilder(URI.create(base + "/api/audits"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Json.object().put("url", url).put("tier", tier)))));
        return body.path("id").asText();
    }

    JsonNode audit(String id) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/audits/" + id)).GET());
    }

    /** GET /api/audits/compare?ids=… */
    JsonNode compare(String... ids) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/audits/compare?ids=" + String.join(",", ids))).GET());
    }

    /** GET /api/audits?{query} */
    JsonNode history(String query) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/audits?" + query)).GET());
    }

    /** How many completed audits of host there are, from the history endpoint. */
    long completedAuditsOf(String host) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/audits?status=completed&limit=1&host=" + host)).GET()).path("total").asLong();
    }

    /** Waits for the audit to end by reading its event stream, which the server closes after the terminal event. */
    JsonNode awaitEnd(String id) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/audits/" + id + "/events"))
                .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(3)).GET().build();
        try {
            http.send(r, HttpResponse.BodyHandlers.ofLines()).body().forEach(line -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return audit(id);
    }

    /** An audit made once per test class and shared by the tests that only read it. */
    String prepared(String key, Supplier<String> make) {
        return prepared.computeIfAbsent(key, k -> {
            String id = make.get();
            awaitEnd(id);
            return id;
        });
    }

    private JsonNode send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> res = http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() >= 300) {
                throw new IllegalStateException("API answered " + res.statusCode() + ": " + res.body());
            }
            return Json.MAPPER.readTree(res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        hostile.close();
        dark.close();
        honest.close();
    }
}
