package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.testing.CliRun;
import dev.veritas.testing.FreshDatabase;
import dev.veritas.testing.NeedsPostgres;
import dev.veritas.testing.Slow;
import dev.veritas.testing.sites.TestSite;
import dev.veritas.testing.sites.TestSiteServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `veritas serve --role api|worker` as separate processes on one PostgreSQL, over real HTTP: the API node runs no
 * audits and never looks for a browser; the worker node runs them and answers nothing but its health and metrics;
 * the API node streams the events of an audit the worker runs, live.
 */
class NodeRolesTest {
    @TempDir
    Path dir;

    @Test
    void aRoleOtherThanAllWithoutADatabaseUrlIsRefusedClearly() {
        record Case(List<String> flags, String says) {}
        for (Case c : List.of(
                new Case(List.of("--role", "worker"), "--role worker needs --database-url"),
                new Case(List.of("--role", "api"), "--role api needs --database-url"),
                new Case(List.of("--role", "everything"), "--role must be one of all, api, worker; got 'everything'"))) {
            List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--data", dir.resolve("data").toString()));
            args.addAll(c.flags());
            CliRun r = CliRun.run(args);
            assertThat(r.code()).as("%s → %s", c.flags(), r.err()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("veritas: " + c.says()).doesNotContain("Exception");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
        assertThat(dir.resolve("data")).as("nothing was opened").doesNotExist();
    }

    @Test
    @NeedsPostgres
    @Slow
    void anApiNodeQueuesAndStreamsWhatAWorkerNodeRuns() throws Exception {
        try (FreshDatabase db = FreshDatabase.create("veritas_roles");
             TestSiteServer site = TestSiteServer.start(TestSite.HONEST_SHOP);
             // No browser where the API node looks for one: it must not need (or even look for) it.
             ServerProcess apiNode = ServerProcess.start(dir, Map.of("VERITAS_CHROMIUM", dir.resolve("no-chromium").toString()),
                     "serve", "--role", "api", "--port", "0", "--data", dir.resolve("api").toString(), "--database-url", db.url(),
                     "--allow-private")) {
            ApiClient api = new ApiClient(apiNode.port());
            assertThat(apiNode.output()).noneMatch(l -> l.contains("Chromium"));
            JsonNode health = api.get("/api/health").json();
            assertThat(health.path("role").asText()).isEqualTo("api");
            assertThat(health.path("node").asText()).contains("/" + apiNode.pid() + "/");
            assertThat(health.has("workers")).as("an API node has no workers: %s", health).isFalse();
            assertThat(health.path("status").asText()).isEqualTo("ok");

            String id = api.submit(site.httpsUrl("/"), "quick_scan");
            assertThat(api.get("/api/health").json().path("queue_depth").asLong()).as("nothing runs it yet").isEqualTo(1);
            assertThat(api.get("/api/metrics").body()).containsPattern("veritas_node_info\\{[^}]*role=\"api\"[^}]*} 1")
                    .containsPattern("(?m)^veritas_queue_depth 1(\\.0)?$");

            try (ServerProcess workerNode = ServerProcess.start(dir, Map.of(), "serve", "--role", "worker", "--port", "0", "--workers", "1",
                    "--data", dir.resolve("worker").toString(), "--database-url", db.url(), "--allow-private", "--trust-ca",
                    site.caPem().toString(), "--no-browser")) {
                ApiClient worker = new ApiClient(workerNode.port());
                List<ApiClient.SseEvent> events = api.events(id, 0, 0);
                assertThat(events).extracting(ApiClient.SseEvent::type).contains("status").last().isEqualTo("audit_result");
                assertThat(events).extracting(ApiClient.SseEvent::id).isSorted().doesNotHaveDuplicates();
                assertThat(api.get("/api/audits/" + id).json().path("status").asText()).isEqualTo("completed");
                assertThat(worker.get("/api/metrics").body()).containsPattern("veritas_node_info\\{[^}]*role=\"worker\"[^}]*} 1")
                        .containsPattern("(?m)^veritas_audit_duration_seconds_count 1(\\.0)?$");
                assertThat(api.get("/api/metrics").body()).containsPattern("(?m)^veritas_audit_duration_seconds_count 0(\\.0)?$");

                JsonNode workerHealth = worker.get("/api/health").json();
                assertThat(workerHealth.path("role").asText()).isEqualTo("worker");
                assertThat(workerHealth.path("node").asText()).contains("/" + workerNode.pid() + "/");
                assertThat(workerHealth.path("workers").path("size").asInt()).isEqualTo(1);
                assertThat(workerHealth.path("workers").has("busy")).isTrue();
                assertThat(workerHealth.path("workers").path("stuck").isArray()).isTrue();

                for (String path : List.of("/api/audits", "/api/audits/" + id, "/api/audits/" + id + "/events", "/", "/history")) {
                    ApiClient.Response r = worker.get(path);
                    assertThat(r.status()).as(path).isEqualTo(404);
                    assertThat(r.contentType()).as(path).startsWith("application/problem+json");
                    assertThat(r.json().path("detail").asText()).as(path).contains("this is a worker node");
                }
                ApiClient.Response post = worker.post("/api/audits", "{\"url\":\"" + site.httpsUrl("/") + "\"}");
                assertThat(post.status()).isEqualTo(404);
                assertThat(post.json().path("detail").asText()).contains("this is a worker node");
            }
        }
    }
}
