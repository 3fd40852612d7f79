package dev.veritas.server;

import static dev.veritas.testing.Samples.newAudit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.engine.EngineOptions;
import dev.veritas.json.Json;
import dev.veritas.store.Claim;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.Cleanup;
import dev.veritas.testing.sites.TestSite;
import dev.veritas.testing.sites.TestSiteServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** How event streams end and what they carry: SSE reconnects after the end, the old WebSocket stream, heartbeats. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamEndpointsTest {
    private static final Duration HEARTBEAT = Duration.ofMillis(200);

    @TempDir
    static Path dataDir;
    TestSiteServer dark;
    SqliteAuditStore store;
    VeritasServer server;
    ApiClient api;

    @BeforeAll
    void start() {
        dark = TestSiteServer.start(TestSite.DARK_SHOP);
        store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir));
        EngineOptions engine = EngineOptions.defaults().withAllowPrivate(true).withTrustCa(Optional.of(dark.caPem()))
                .withBrowser(EngineOptions.BrowserMode.NEVER);
        server = new VeritasServer(ServerConfig.local(0, engine).withHeartbeat(HEARTBEAT), store).start();
        api = new ApiClient(server.port());
    }

    @AfterAll
    void stop() throws Exception {
        Cleanup.closeAll(server, dark);
    }

    private List<AuditEvent> stored(String id) {
        return store.eventsAfter(new AuditId(id), 0, 10_000);
    }

    /**
     * A browser's EventSource reconnects after the final event with exactly its id. With nothing left to replay
     * a stream would stay open for ever; 204 makes EventSource stop, by Last-Event-ID and by ?after= alike.
     */
    @Test
    void aReconnectAtOrPastTheEndOfAFinishedAuditIs204() {
        String id = api.submit(dark.httpsUrl("/"), "quick_scan");
        api.awaitEnd(id);
        List<AuditEvent> events = stored(id);
        long last = events.get(events.size() - 1).id();
        for (boolean asQuery : new boolean[] {false, true}) {
            assertThat(api.eventsStatus(id, last, asQuery)).as("at the end, query=%s", asQuery).isEqualTo(204);
            assertThat(api.eventsStatus(id, last + 1000, asQuery)).as("past the end, query=%s", asQuery).isEqualTo(204);
        }
        // One event short of the end still streams that event, then closes.
        long beforeLast = events.get(events.size() - 2).id();
        assertThat(api.events(id, beforeLast, 0)).extracting(ApiClient.SseEvent::id).containsExactly(last);
        assertThat(api.eventsAfterQuery(id, beforeLast)).extracting(ApiClient.SseEvent::id).containsExactly(last);
    }

    /** The old clients' WebSocket: every event in order, findings with the id they de-duplicate by, closed at the end. */
    @Test
    void theLegacyWebSocketStreamsTheWholeAuditInOrderAndCloses() throws Exception {
        String id = api.submit(dark.httpsUrl("/"), "quick_scan");
        LegacySocket.Messages m = LegacySocket.read(server.port(), "/api/audit/stream/" + id, Optional.empty());
        assertThat(m.closed()).as("closed after the result").isTrue();
        List<JsonNode> messages = m.texts().stream().map(Json::parse).toList();

        List<String> expected = new ArrayList<>();
        stored(id).forEach(e -> expected.add(e.type()));
        expected.add("audit_complete"); // the old stream follows the result with this
        assertThat(messages).extracting(n -> n.path("type").asText()).containsExactlyElementsOf(expected);

        JsonNode result = api.get("/api/audit/" + id + "/status").json().path("result");
        List<String> resultIds = new ArrayList<>();
        result.path("findings").forEach(f -> resultIds.add(f.path("id").asText()));
        List<String> liveIds = messages.stream().filter(n -> n.path("type").asText().equals("finding"))
                .map(n -> n.path("finding").path("id").asText()).toList();
        assertThat(liveIds).isNotEmpty().doesNotContain("").containsExactlyInAnyOrderElementsOf(resultIds);
        assertThat(messages.get(messages.size() - 2).path("result").path("findings")).hasSize(resultIds.size());
        assertThat(messages.get(messages.size() - 1).path("audit_id").asText()).isEqualTo(id);
    }

    /** While nothing happens, the stream still sends a comment every heartbeat, so proxies keep it open. */
    @Test
    void aQuietStreamSendsHeartbeats() throws Exception {
        // Running for a worker elsewhere: nothing here will add events to it.
        Claim quiet = store.createRunning(newAudit("https://quiet.example/"), WorkerId.current().named("elsewhere"), Duration.ofMinutes(5));
        HttpResponse<InputStream> res = api.http.send(api.request("/api/audits/" + quiet.id() + "/events").header("Accept", "text/event-stream")
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(res.statusCode()).isEqualTo(200);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            CompletableFuture<List<String>> untilTwoBeats = CompletableFuture.supplyAsync(() -> {
                List<String> lines = new ArrayList<>();
                try {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                        if (lines.stream().filter(l -> l.startsWith(":")).count() == 2) {
                            break;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return lines;
            });
            List<String> lines = untilTwoBeats.get(30, TimeUnit.SECONDS);
            assertThat(lines).contains("event: status").filteredOn(l -> l.startsWith(":")).containsOnly(": heartbeat");
        } finally {
            store.cancel(quiet.id(), "test over");
        }
    }
}
