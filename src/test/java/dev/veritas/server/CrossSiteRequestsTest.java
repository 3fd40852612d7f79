package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.AuditId;
import dev.veritas.engine.EngineOptions;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a web page of another site can make a visitor's browser send to a Veritas on this machine: form posts,
 * scripted requests and WebSocket upgrades carry the page's Origin, and none of them may change anything or read a
 * stream. Clients that are not browsers (no Origin) still work, with JSON or the client header.
 */
class CrossSiteRequestsTest {
    @TempDir
    Path dataDir;

    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final String EVIL = "http://attacker.example";

    private static EngineOptions engine() {
        return EngineOptions.defaults().withAllowPrivate(true).withBrowser(EngineOptions.BrowserMode.NEVER);
    }

    private VeritasServer start(ServerConfig config) {
        return new VeritasServer(config, SqliteAuditStore.open(SqliteOptions.defaults(dataDir))).start();
    }

    @Test
    void aFormOfAnotherSiteCannotCancelARunningAudit() throws Exception {
        try (GatedSite site = GatedSite.start("/"); VeritasServer server = start(ServerConfig.local(0, engine()))) {
            ApiClient api = new ApiClient(server.port());
            String id = api.submit(site.url("/"), "quick_scan");
            site.awaitRequest("/");
            String cancel = "/api/audits/" + id + "/cancel";

            // What <form method=post enctype=text/plain action=…/cancel> sends, with and without the Origin a browser adds.
            ApiClient.Response fromForm = api.send(api.request(cancel).header("Content-Type", "text/plain").header("Origin", EVIL)
                    .POST(HttpRequest.BodyPublishers.ofString("x=y")).build());
            ApiClient.Response urlEncoded = api.send(api.request(cancel).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("x=y")).build());
            ApiClient.Response noBody = api.send(api.request(cancel).POST(HttpRequest.BodyPublishers.noBody()).build());
            // A sandboxed page sends Origin: null; a script elsewhere would need a CORS consent that never comes, but is refused anyway.
            ApiClient.Response fromSandbox = api.send(api.request(cancel).header("Content-Type", "application/json").header("Origin", "null")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            ApiClient.Response fromScript = api.send(api.request(cancel).header("Content-Type", "application/json").header("Origin", EVIL)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

            assertThat(fromForm.status()).isEqualTo(403);
            assertThat(fromForm.contentType()).startsWith("application/problem+json");
            assertThat(fromForm.json().path("detail").asText()).contains("another site (" + EVIL + ")");
            assertThat(urlEncoded.status()).isEqualTo(415);
            assertThat(urlEncoded.json().path("detail").asText()).contains("Content-Type: application/json").contains(RequestGuard.CLIENT_HEADER);
            assertThat(noBody.status()).isEqualTo(415);
            assertThat(fromSandbox.status()).isEqualTo(403);
            assertThat(fromScript.status()).isEqualTo(403);
            assertThat(api.get("/api/audits/" + id).json().path("status").asText()).isEqualTo("running");

            // A client that is not a browser names itself with the header, and may.
            ApiClient.Response curl = api.send(api.request(cancel).header(RequestGuard.CLIENT_HEADER, "curl")
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(curl.status()).isEqualTo(200);
            assertThat(curl.json().path("status").asText()).isEqualTo("cancelled");
            site.open("/", true);
        }
    }

    @Test
    void aScriptOfAnotherSiteCannotQueueOrDeleteAudits() {
        try (VeritasServer server = start(ServerConfig.local(0, engine()))) {
            ApiClient api = new ApiClient(server.port());
            String body = "{\"url\":\"http://127.0.0.1:9/\",\"tier\":\"quick_scan\"}";
            for (String path : new String[] {"/api/audits", "/api/audit/start"}) {
                ApiClient.Response r = api.send(api.request(path).header("Content-Type", "application/json").header("Origin", EVIL)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                assertThat(r.status()).as(path).isEqualTo(403);
            }
            ApiClient.Response delete = api.send(api.request("/api/audits/" + AuditId.random()).header("Origin", EVIL).DELETE().build());
            assertThat(delete.status()).isEqualTo(403);
            assertThat(api.get("/api/audits").json().path("total").asInt()).as("nothing was queued").isZero();
        }
    }

    @Test
    void theServersOwnPagesMayChangeThings() {
        try (VeritasServer server = start(ServerConfig.local(0, engine()))) {
            ApiClient api = new ApiClient(server.port());
            String body = "{\"url\":\"http://127.0.0.1:9/\",\"tier\":\"quick_scan\"}";
            // The web UI opened at 127.0.0.1 or at localhost (the same server under its other name).
            for (String origin : new String[] {"http://127.0.0.1:" + server.port(), "http://localhost:" + server.port()}) {
                ApiClient.Response r = api.send(api.request("/api/audits").header("Content-Type", "application/json").header("Origin", origin)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                assertThat(r.status()).as(origin).isEqualTo(202);
            }
            // The same host on another port is another site.
            ApiClient.Response otherPort = api.send(api.request("/api/audits").header("Content-Type", "application/json")
                    .header("Origin", "http://127.0.0.1:" + (server.port() == 65535 ? 65534 : server.port() + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(otherPort.status()).isEqualTo(403);
        }
    }

    /** Browsers do not apply CORS to WebSockets: a page elsewhere could read every audit's stream but for the Origin check. */
    @Test
    void aPageOfAnotherSiteCannotOpenTheWebSocketStream() throws IOException {
        try (VeritasServer server = start(ServerConfig.local(0, engine()))) {
            String path = "/api/audit/stream/" + AuditId.random();
            String refused = upgrade(server.port(), path, Optional.of(EVIL), "13", true);
            assertThat(refused).startsWith("HTTP/1.1 403").contains("application/problem+json").contains("another site");
            assertThat(upgrade(server.port(), path, Optional.of("null"), "13", true)).startsWith("HTTP/1.1 403");
            assertThat(upgrade(server.port(), path, Optional.of("http://127.0.0.1:" + server.port()), "13", true)).startsWith("HTTP/1.1 101");
            assertThat(upgrade(server.port(), path, Optional.empty(), "13", true)).as("not a browser").startsWith("HTTP/1.1 101");
        }
    }

    @Test
    void withATokenTheWebSocketStillChecksTheOrigin() throws IOException {
        try (VeritasServer server = start(ServerConfig.local(0, engine()).withToken(TOKEN))) {
            String path = "/api/audit/stream/" + AuditId.random() + "?access_token=" + TOKEN;
            assertThat(upgrade(server.port(), path, Optional.of(EVIL), "13", true)).startsWith("HTTP/1.1 403");
            assertThat(upgrade(server.port(), path, Optional.empty(), "13", true)).startsWith("HTTP/1.1 101");
        }
    }

    /** A malformed handshake is the client's mistake: a 4xx problem, not Jetty's bare 500 or a misleading 405. */
    @Test
    void aMalformedWebSocketHandshakeGetsAProblem() throws IOException {
        try (VeritasServer server = start(ServerConfig.local(0, engine()))) {
            String path = "/api/audit/stream/" + AuditId.random();
            String noKey = upgrade(server.port(), path, Optional.empty(), "13", false);
            assertThat(noKey).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("Sec-WebSocket-Key");
            String oldVersion = upgrade(server.port(), path, Optional.empty(), "8", true);
            assertThat(oldVersion).startsWith("HTTP/1.1 426").contains("Sec-WebSocket-Version: 13").contains("application/problem+json");
        }
    }

    /** `veritas serve --host 127.0.0.2` is reached at http://127.0.0.2:…/, whose Host header names 127.0.0.2. */
    @Test
    void aServerBoundToAnotherLoopbackAddressAnswersToIt() throws Exception {
        try (VeritasServer server = start(ServerConfig.local(0, engine()).withHost("127.0.0.2"))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.2:" + server.port() + "/api/health"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            // Its own UI posting to it, as a browser at http://127.0.0.2:port/ would.
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.2:" + server.port() + "/api/audits"))
                    .header("Content-Type", "application/json").header("Origin", "http://127.0.0.2:" + server.port())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:9/\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).as(post.body()).isEqualTo(202);
            // Other names are still refused: no DNS rebinding through the new address.
            assertThat(rawGet("127.0.0.2", server.port(), "attacker.example")).startsWith("HTTP/1.1 403").contains("127.0.0.2");
        }
    }

    @Test
    void aLoopbackAddressInAnySpellingIsBoundAsTheAddress() {
        assertThat(ServerConfig.local(0, engine()).withHost("127.1").host()).isEqualTo("127.0.0.1");
        assertThat(ServerConfig.local(0, engine()).withHost("0177.0.0.2").host()).isEqualTo("127.0.0.2");
        assertThat(ServerConfig.isLoopback("0x7f.0.0.3")).isTrue();
        assertThat(ServerConfig.isLoopback("[::1]")).isTrue();
        assertThat(ServerConfig.isLoopback("0177.0.0.1")).as("octal 127.0.0.1, not 177.0.0.1").isTrue();
    }

    /** A WebSocket handshake with a chosen Origin and version, optionally without its key; returns the head and any problem body. */
    private static String upgrade(int port, String path, Optional<String> origin, String version, boolean withKey) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + origin.map(o -> "Origin: " + o + "\r\n").orElse("")
                    + (withKey ? "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" : "")
                    + "Sec-WebSocket-Version: " + version + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            StringBuilder head = new StringBuilder();
            // The head of the answer, and for a refusal its problem body; a 101 sends no more until a message.
            while (head.indexOf("\r\n\r\n") < 0 || (!head.toString().startsWith("HTTP/1.1 101") && head.indexOf("}") < 0)) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                head.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
            return head.toString();
        }
    }

    private static String rawGet(String address, int port, String host) throws IOException {
        try (Socket s = new Socket(address, port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/health HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
