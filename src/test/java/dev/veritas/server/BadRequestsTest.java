package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.AuditId;
import dev.veritas.engine.EngineOptions;
import dev.veritas.json.Json;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.util.Collections;
/**
 * Over a thousand generated bad requests — malformed JSON, wrong types, hostile URLs, unknown ids, path
 * traversal — each must get a 4xx problem+json answer with a detail, and the server must stay healthy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestsTest {
    @TempDir
    static Path dataDir;
    VeritasServer server;
    ApiClient api;
    String knownId;

    @BeforeAll
    void start() {
        EngineOptions engine = EngineOptions.defaults().withAllowPrivate(false).withBrowser(EngineOptions.BrowserMode.NEVER);
        server = new VeritasServer(ServerConfig.local(0, engine), SqliteAuditStore.open(SqliteOptions.defaults(dataDir))).start();
        api = new ApiClient(server.port());
        knownId = AuditId.random().value();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private static final String[] HOSTILE_URLS = {
        "file:///etc/passwd", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.com/", "gopher://x/",
        "http://127.0.0.1/", "http://127.0.0.1:8080/api/health", "http://localhost/", "http://10.0.0.1/", "http://192.168.1.1/",
        "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fd00::1]/", "http://0.0.0.0/",
        "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://user:pass@127.0.0.1/", "", " ", "://",
        "http://", "https:///path", "http://exa mple.com/\r\nX-Injected: 1", "http://" + "a".repeat(10_000) + ".com/",
        "https://" + "b".repeat(64) + ".example/", "http://example.com:99999/", "http://[zz::1]/", "\u0000", "http://\u0000/",
        "http://metadata.google.internal/", "http://printer.local/", "vbscript:msgbox", "about:blank", "chrome://settings",
    };

    private List<Supplier<ApiClient.Response>> generate(Random r) {
        List<Supplier<ApiClient.Response>> out = new ArrayList<>();
        for (String url : HOSTILE_URLS) {
            String json = "{\"url\":\"" + url.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n")
                    .replace("\u0000", "\\u0000") + "\"}";
            out.add(() -> api.post("/api/audits", json));
            out.add(() -> api.post("/api/audit/start", json));
        }
        String valid = "{\"url\":\"https://example.com/\",\"tier\":\"quick_scan\"}";
        for (int i = 0; i < 300; i++) {
            int cut = r.nextInt(valid.length() - 1);
            String broken = valid.substring(0, cut) + (r.nextBoolean() ? "" : "}\u0001{");
            out.add(() -> api.post("/api/audits", broken));
        }
        String[] wrongTypes = {"{\"url\":1}", "{\"url\":[]}", "{\"url\":{}}", "{\"url\":true}", "{\"url\":null}", "[]", "\"url\"", "42", "null",
            "{\"url\":\"https://example.com\",\"tier\":5}", "{\"url\":\"https://example.com\",\"tier\":\"mega\"}",
            "{\"url\":\"https://example.com\",\"verdict_mode\":[]}", "{}", "{\"audit_ids\":\"x\"}"};
        for (String body : wrongTypes) {
            out.add(() -> api.post("/api/audits", body));
        }
        out.add(() -> api.post("/api/audits", "{\"url\":\"https://example.com/" + "x".repeat(70_000) + "\"}"));
        out.add(() -> api.send(api.request("/api/audits").header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(valid)).build()));
        out.add(() -> api.send(api.request("/api/audits").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("url=https://example.com")).build()));
        for (int i = 0; i < 250; i++) {
            String junk = randomJunk(r);
            out.add(() -> api.get("/api/audits/" + enc(junk)));
            out.add(() -> api.delete("/api/audits/" + enc(junk)));
        }
        for (int i = 0; i < 60; i++) {
            String id = AuditId.random().value();
            out.add(() -> api.get("/api/audits/" + id));
            out.add(() -> api.post("/api/audits/" + id + "/cancel", "{}"));
            out.add(() -> api.get("/api/audit/" + id + "/status"));
        }
        String[] traversal = {"..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fveritas.db", "-1", "99999999999", "0x10", "1.5", "%00", "..", "0;ls",
            "%2F", "abc", "1e3"};
        for (String t : traversal) {
            out.add(() -> api.get("/api/audits/" + knownId + "/screenshots/" + t));
            out.add(() -> api.get("/api/audits/vrts_..%2F..%2F/screenshots/" + t));
        }
        String[] badQueries = {"limit=0", "limit=abc", "limit=100000", "min_score=-1", "max_score=101", "min_score=80&max_score=10",
            "status=bogus", "risk_level=evil", "sort=sideways", "cursor=%25%25%25", "cursor=bm9uc2Vuc2U", "from=yesterday", "to=2026-13-45",
            "from=2026-12-01&to=2026-01-01", "host=" + "h".repeat(300), "url=" + "u".repeat(3000),
            // Dates a parser takes but no store can: far beyond the milliseconds of a long.
            "from=%2B999999999-01-01T00:00:00Z", "to=-999999999-01-01T00:00:00Z", "to=%2B10000-01-01T00:00:00Z", "from=0000-12-31"};
        for (String q : badQueries) {
            out.add(() -> api.get("/api/audits?" + q));
        }
        String[] badCompares = {"", "ids=", "ids=vrts_0000000000000000", "ids=x,y", "ids=" + AuditId.random() + "," + AuditId.random(),
            "ids=" + String.join(",", Collections.nCopies(25, "vrts_0000000000000001"))};
        for (String q : badCompares) {
            out.add(() -> api.get("/api/audits/compare?" + q));
        }
        out.add(() -> api.post("/api/audits/compare", "{\"audit_ids\":[1,2]}"));
        out.add(() -> api.post("/api/audits/compare", "{\"audit_ids\":[]}"));
        out.add(() -> api.send(api.request("/api/audits/" + AuditId.random() + "/events").header("Accept", "text/event-stream").GET().build()));
        out.add(() -> api.send(api.request("/api/audits/not-an-id/events").header("Accept", "text/event-stream").GET().build()));
        out.add(() -> api.send(api.request("/api/audits/" + AuditId.random() + "/events").GET().build()));
        out.add(() -> api.get("/api/nothing-here"));
        out.add(() -> api.send(api.request("/api/audits").PUT(HttpRequest.BodyPublishers.ofString("{}")).build()));
        return out;
    }

    @Test
    void everyBadRequestGetsAProblemAndTheServerStaysHealthy() {
        List<Supplier<ApiClient.Response>> requests = generate(new Random(42));
        assertThat(requests.size()).isGreaterThanOrEqualTo(1000);
        List<String> wrong = new ArrayList<>();
        for (Supplier<ApiClient.Response> s : requests) {
            ApiClient.Response r = s.get();
            boolean problem = r.status() >= 400 && r.status() < 500 && r.contentType().startsWith("application/problem+json")
                    && !r.json().path("detail").asText().isBlank();
            if (!problem) {
                wrong.add(r.status() + " " + r.contentType() + " " + r.body().substring(0, Math.min(200, r.body().length())));
            }
        }
        assertThat(wrong).as("responses that were not a 4xx problem").isEmpty();
        ApiClient.Response health = api.get("/api/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("queue_depth").asInt()).as("no bad request queued an audit").isZero();
    }

    @Test
    void aBodyWithAnythingAfterItsObjectIsRefused() {
        for (String body : List.of("{\"url\":\"https://example.com\"} garbage", "{\"url\":\"https://example.com\"} {}",
                "{\"url\":\"https://example.com\"}]", "{\"url\":\"https://example.com\"} 42")) {
            for (String path : List.of("/api/audits", "/api/audit/start")) {
                ApiClient.Response r = api.post(path, body);
                assertThat(r.status()).as("%s %s", path, body).isEqualTo(400);
                assertThat(r.json().path("detail").asText()).contains("exactly one JSON object");
            }
        }
        // Whitespace after the object is still fine (this one is refused later, for its URL, not for its shape).
        assertThat(api.post("/api/audits", "{\"url\":\"http://127.0.0.1/\"}\n\t ").json().path("detail").asText())
                .doesNotContain("JSON");
        assertThat(api.get("/api/health").json().path("queue_depth").asInt()).isZero();
    }

    @Test
    void problemDetailsArriveAsUtf8() {
        // A long id is shortened with "…" in the detail, which ISO-8859-1 cannot carry.
        ApiClient.Response r = api.get("/api/audits/vrts_" + "z".repeat(80));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).isEqualTo("application/problem+json; charset=utf-8");
        assertThat(r.json().path("detail").asText()).contains("z…").doesNotContain("?");
    }

    @Test
    void aWrongMethodOnAKnownPathIs405WithAllow() {
        ApiClient.Response put = api.send(api.request("/api/audits").PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.contentType()).startsWith("application/problem+json");
        assertThat(put.headers().firstValue("allow").orElseThrow().split(",\\s*")).containsExactlyInAnyOrder("GET", "POST");
        assertThat(put.json().path("detail").asText()).contains("PUT is not allowed on /api/audits");
        ApiClient.Response post = api.post("/api/audits/" + AuditId.random(), "{}");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow").orElseThrow().split(",\\s*")).containsExactlyInAnyOrder("GET", "DELETE");
        // An unknown path is still 404.
        assertThat(api.send(api.request("/api/nothing-here").PUT(HttpRequest.BodyPublishers.ofString("{}")).build()).status()).isEqualTo(404);
    }

    @Test
    void anAbsurdDateFilterIsABadRequestThatSaysTheRange() {
        ApiClient.Response r = api.get("/api/audits?from=%2B999999999-01-01T00:00:00Z");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asText()).contains("from must be between 0001-01-01 and 9999-12-31");
        assertThat(api.get("/api/audits?from=0001-01-01&to=9999-12-31").status()).isEqualTo(200);
    }

    /**
     * Requests the HTTP server refuses before any handler sees them — a malformed request line or header, a URL or
     * headers too large, an unknown version, a method it has no error page for — still get a problem that says
     * what to fix, like every other error.
     */
    @Test
    void theHttpServersOwnRefusalsAreProblemsToo() {
        String big = "a".repeat(9000);
        List<String> wrong = new ArrayList<>();
        for (String[] c : cases(big)) {
            String answer = raw(server.port(), c[1]);
            String head = answer.split("\r\n\r\n", 2)[0];
            String body = answer.contains("\r\n\r\n") ? answer.split("\r\n\r\n", 2)[1] : "";
            boolean problem = head.startsWith("HTTP/1.1 " + c[0]) && head.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json")
                    && body.startsWith("{") && !Json.parse(body).path("detail").asText().isBlank();
            if (!problem) {
                String line = c[1].lines().findFirst().orElse("");
                wrong.add(c[0] + " expected for " + line.substring(0, Math.min(60, line.length())) + ": "
                        + head.lines().findFirst().orElse("(nothing)") + " " + body.substring(0, Math.min(120, body.length())));
            }
        }
        assertThat(wrong).as("refusals that were not a problem").isEmpty();
        assertThat(api.get("/api/health").status()).isEqualTo(200);
    }

    private static List<String[]> cases(String big) {
        return List.of(
                new String[] {"414", "GET /api/audits?x=" + big + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"},
                new String[] {"431", "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n"},
                new String[] {"431", "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X-A: b\r\n".repeat(2000) + "Connection: close\r\n\r\n"},
                new String[] {"400", "G<T /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"},
                new String[] {"400", "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\nConnection: close\r\n\r\n"},
                new String[] {"400", "GET /api/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"},
                new String[] {"400", "GET /api/audits/%00 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"},
                new String[] {"400", "GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n"},
                new String[] {"400", "POST /api/audits HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x\r\nConnection: close\r\n\r\n"},
                new String[] {"400", "POST /api/audits HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n"
                        + "Connection: close\r\n\r\n0\r\n\r\n"},
                new String[] {"505", "GET /api/health HTTP/7.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"},
                new String[] {"505", "GET /api/health\r\n\r\n"},
                new String[] {"417", "POST /api/audits HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 999-bogus\r\nContent-Length: 2\r\n"
                        + "Connection: close\r\n\r\n{}"},
                new String[] {"404", "OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"},
                new String[] {"426", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"});
    }

    /** Sends bytes as they are (java.net.http would refuse to send most of these) and reads the answer until the server closes. */
    private static String raw(int port, String request) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static String randomJunk(Random r) {
        String[] parts = {"vrts_", "..", "/", "%2F", "%00", "'", "\"", "<script>", "vrts_zzzzzzzzzzzzzzzz", "vrts_0123", "😀", "\\", " ", "%"};
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(parts[r.nextInt(parts.length)]);
        }
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
