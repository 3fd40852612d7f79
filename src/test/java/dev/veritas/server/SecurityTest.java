package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veritas.audit.AuditId;
import dev.veritas.engine.EngineOptions;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityTest {
    @TempDir
    Path dataDir;

    private static final EngineOptions NO_BROWSER = EngineOptions.defaults().withBrowser(EngineOptions.BrowserMode.NEVER);
    private static final String TOKEN = "test-token-0123456789abcdef";

    /** Every endpoint, each as a request built by an {@link ApiClient}. */
    private static List<Function<ApiClient, ApiClient.Response>> endpoints() {
        String id = AuditId.random().value();
        return List.of(
                a -> a.get("/api/health"),
                a -> a.get("/api/metrics"),
                a -> a.get("/api/audits"),
                a -> a.post("/api/audits", "{\"url\":\"https://example.com\"}"),
                a -> a.get("/api/audits/" + id),
                a -> a.delete("/api/audits/" + id),
                a -> a.post("/api/audits/" + id + "/cancel", "{}"),
                a -> a.get("/api/audits/" + id + "/screenshots/0"),
                a -> a.send(a.request("/api/audits/" + id + "/events").header("Accept", "text/event-stream").GET().build()),
                a -> a.get("/api/audits/compare?ids=" + id + "," + AuditId.random()),
                a -> a.post("/api/audit/start", "{\"url\":\"https://example.com\"}"),
                a -> a.get("/api/audit/" + id + "/status"),
                a -> a.get("/api/audits/history"),
                a -> a.post("/api/audits/compare", "{\"audit_ids\":[\"" + id + "\"]}"),
                a -> a.send(a.request("/api/audit/stream/" + id).GET().build()));
    }

    @Test
    void withATokenNoEndpointAnswersWithoutIt() {
        ServerConfig config = ServerConfig.local(0, NO_BROWSER).withToken(TOKEN);
        try (VeritasServer server = new VeritasServer(config, SqliteAuditStore.open(SqliteOptions.defaults(dataDir))).start()) {
            ApiClient anonymous = new ApiClient(server.port());
            ApiClient wrong = new ApiClient(server.port(), Optional.of(TOKEN + "x"));
            ApiClient right = new ApiClient(server.port(), Optional.of(TOKEN));
            for (Function<ApiClient, ApiClient.Response> e : endpoints()) {
                ApiClient.Response a = e.apply(anonymous);
                assertThat(a.status()).isEqualTo(401);
                assertThat(a.headers().firstValue("www-authenticate")).contains("Bearer realm=\"veritas\"");
                assertThat(e.apply(wrong).status()).isEqualTo(401);
                assertThat(e.apply(right).status()).isNotEqualTo(401);
            }
            // EventSource cannot set headers, so the token may also come as a query parameter.
            assertThat(anonymous.get("/api/health?access_token=" + TOKEN).status()).isEqualTo(200);
        }
    }

    /**
     * A WebSocket upgrade does not pass through the HTTP before-handlers, so the old stream path needs the token
     * check of its own: a real upgrade (not a plain GET, which the HTTP guard answers anyway) without the token or
     * with a wrong one is refused before 101; with the token, by header or ?access_token=, the stream works.
     */
    @Test
    void theWebSocketStreamNeedsTheToken() throws Exception {
        ServerConfig config = ServerConfig.local(0, NO_BROWSER).withToken(TOKEN);
        try (VeritasServer server = new VeritasServer(config, SqliteAuditStore.open(SqliteOptions.defaults(dataDir))).start()) {
            String path = "/api/audit/stream/" + AuditId.random();
            assertThat(LegacySocket.refusal(server.port(), path, Optional.empty())).isEqualTo(401);
            assertThat(LegacySocket.refusal(server.port(), path, Optional.of(TOKEN + "x"))).isEqualTo(401);
            assertThat(LegacySocket.refusal(server.port(), path + "?access_token=" + TOKEN + "x", Optional.empty())).isEqualTo(401);
            // Let in, the stream answers: this id is unknown, so it says so and closes.
            for (LegacySocket.Messages m : List.of(LegacySocket.read(server.port(), path, Optional.of(TOKEN)),
                    LegacySocket.read(server.port(), path + "?access_token=" + TOKEN, Optional.empty()))) {
                assertThat(m.texts()).hasSize(1);
                assertThat(m.texts().get(0)).contains("\"audit_error\"").contains("Audit ID not found");
                assertThat(m.closed()).isTrue();
            }
        }
    }

    @Test
    void withoutATokenTheWebSocketStreamAnswersOnlyLoopbackHostNames() throws IOException {
        try (VeritasServer server = new VeritasServer(ServerConfig.local(0, NO_BROWSER), SqliteAuditStore.open(SqliteOptions.defaults(dataDir))).start()) {
            String path = "/api/audit/stream/" + AuditId.random();
            assertThat(rawUpgrade(server.port(), path, "127.0.0.1")).startsWith("HTTP/1.1 101");
            assertThat(rawUpgrade(server.port(), path, "localhost")).startsWith("HTTP/1.1 101");
            assertThat(rawUpgrade(server.port(), path, "attacker.example")).startsWith("HTTP/1.1 403").contains("answers only to 127.0.0.1");
        }
    }

    @Test
    void bindingBeyondLoopbackRequiresAToken() {
        assertThatThrownBy(() -> ServerConfig.local(0, NO_BROWSER).withHost("0.0.0.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--token");
        assertThat(ServerConfig.local(0, NO_BROWSER).withToken(TOKEN).withHost("0.0.0.0").host()).isEqualTo("0.0.0.0");
        assertThatThrownBy(() -> ServerConfig.local(0, NO_BROWSER).withToken("short")).hasMessageContaining("at least 16");
    }

    @Test
    void withoutATokenOnlyLoopbackHostNamesAreServed() throws IOException {
        try (VeritasServer server = new VeritasServer(ServerConfig.local(0, NO_BROWSER), SqliteAuditStore.open(SqliteOptions.defaults(dataDir))).start()) {
            assertThat(rawGet(server.port(), "127.0.0.1")).startsWith("HTTP/1.1 200");
            assertThat(rawGet(server.port(), "localhost")).startsWith("HTTP/1.1 200");
            String rebound = rawGet(server.port(), "attacker.example");
            assertThat(rebound).startsWith("HTTP/1.1 403").contains("application/problem+json").contains("answers only to 127.0.0.1");
        }
    }

    @Test
    void crossSiteFormPostsCannotQueueAudits() {
        try (VeritasServer server = new VeritasServer(ServerConfig.local(0, NO_BROWSER), SqliteAuditStore.open(SqliteOptions.defaults(dataDir))).start()) {
            ApiClient api = new ApiClient(server.port());
            ApiClient.Response form = api.send(api.request("/api/audits").header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com\"}")).build());
            assertThat(form.status()).isEqualTo(415);
            assertThat(api.get("/api/audits").json().path("total").asInt()).isZero();
        }
    }

    /** A WebSocket handshake with a chosen Host header (which java.net.http does not let a caller set); returns the head of the answer. */
    private static String rawUpgrade(int port, String path, String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            StringBuilder head = new StringBuilder();
            int n;
            // The head of the answer, and for a refusal its problem body; a 101 sends no more until a message.
            while (head.indexOf("\r\n\r\n") < 0 || (!head.toString().startsWith("HTTP/1.1 101") && head.indexOf("}") < 0)) {
                n = in.read(buf);
                if (n < 0) {
                    break;
                }
                head.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
            return head.toString();
        }
    }

    private static String rawGet(int port, String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/health HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
