package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.json.Json;
import dev.veritas.store.WorkerId;
import dev.veritas.testing.CliRun;
import dev.veritas.testing.FreshDatabase;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.NeedsPostgres;
import dev.veritas.testing.Requirements;
import dev.veritas.testing.Slow;
import dev.veritas.testing.sites.CertVariant;
import dev.veritas.testing.sites.TestSite;
import dev.veritas.testing.sites.TestSiteServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster as an operator runs one: an API node and three worker nodes, each its own process, on one PostgreSQL.
 * Thirty audits of the test sites go to the API node; a worker is killed with SIGKILL in the middle of an audit. Every
 * audit completes exactly once, the API node streams every event of audits that ran on the workers live, in order,
 * with nothing lost or repeated, and it serves every screenshot, whichever node took it.
 */
@NeedsPostgres
@NeedsChromium
@Slow
class ClusterTest {
    private static final int AUDITS = 30;
    private static final int WORKER_NODES = 3;
    /** Far beyond what the run takes; only a hung cluster reaches it. */
    private static final long DEADLINE_SECONDS = 360;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES) // about 3.5 min on 2 busy cores: four JVMs and three browsers share them
    void thirtyAuditsOnThreeWorkerNodesCompleteOnceAndTheApiNodeStreamsAndServesThemAll() throws Exception {
        Requirements.chromium();
        try (FreshDatabase db = FreshDatabase.create("veritas_cluster");
             TestSiteServer honest = TestSiteServer.start(TestSite.HONEST_SHOP);
             TestSiteServer dark = TestSiteServer.start(TestSite.DARK_SHOP, CertVariant.VALID, honest.ca());
             TestSiteServer phishing = TestSiteServer.start(TestSite.PHISHING_CLONE, CertVariant.VALID, honest.ca());
             TestSiteServer weak = TestSiteServer.start(TestSite.WEAK_HEADERS, CertVariant.VALID, honest.ca());
             Nodes nodes = Nodes.start(dir, db.url(), honest.caPem())) {
            ApiClient api = new ApiClient(nodes.api.port());
            Map<Long, ServerProcess> workersByPid = new HashMap<>();
            for (ServerProcess w : nodes.workers) {
                w.port();
                workersByPid.put(w.pid(), w);
            }
            List<TestSiteServer> sites = List.of(honest, dark, phishing, weak);

            // The first audit is the one whose worker dies: five pages, so it is surely still running when it is killed.
            // The first audit of each worker also starts its browser, which on a busy machine can take much of a quick
            // scan's 45 s, so the first one per worker is a standard audit (120 s); the rest are quick scans.
            Map<String, List<ApiClient.SseEvent>> live = new LinkedHashMap<>();
            List<String> ids = new ArrayList<>();
            Submitter submitter = new Submitter(api);
            ids.add(submitter.submit(dark.httpsUrl("/"), "standard_audit"));
            for (int i = 1; i < AUDITS; i++) {
                ids.add(submitter.submit(sites.get(i % sites.size()).httpsUrl("/"), i < WORKER_NODES ? "standard_audit" : "quick_scan"));
            }
            String victim = ids.get(0);
            CountDownLatch victimMidway = new CountDownLatch(1);
            ExecutorService followers = Executors.newFixedThreadPool(AUDITS);
            Map<String, Future<List<ApiClient.SseEvent>>> streams = new LinkedHashMap<>();
            for (String id : ids) {
                streams.put(id, followers.submit(() -> api.follow(id, e -> {
                    if (id.equals(victim) && e.type().equals("page_captured")) {
                        victimMidway.countDown();
                    }
                })));
            }

            assertThat(victimMidway.await(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("the first audit captured a page").isTrue();
            long victimPid;
            try (Connection c = db.connect();
                 PreparedStatement ps = c.prepareStatement("SELECT status, lease_owner FROM audits WHERE id = ?")) {
                ps.setString(1, victim);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as("the audit to interrupt is still running").isEqualTo("running");
                    victimPid = WorkerId.decode(rs.getString(2)).orElseThrow().pid();
                }
            }
            assertThat(workersByPid).as("a worker node runs it").containsKey(victimPid);
            workersByPid.get(victimPid).kill();

            for (Map.Entry<String, Future<List<ApiClient.SseEvent>>> s : streams.entrySet()) {
                live.put(s.getKey(), s.getValue().get(DEADLINE_SECONDS, TimeUnit.SECONDS));
            }
            followers.shutdownNow();

            // Every audit completed, the interrupted one on a later attempt, each with one result.
            int completed = 0;
            int reruns = 0;
            for (String id : ids) {
                JsonNode audit = api.get("/api/audits/" + id).json();
                assertThat(audit.path("status").asText()).as("audit %s: %s", id, audit).isEqualTo("completed");
                if (id.equals(victim)) {
                    assertThat(audit.path("attempts").asInt()).as("attempts of the interrupted audit").isPositive();
                }
                reruns += audit.path("attempts").asInt();
                completed++;
            }
            Map<String, Integer> results = new HashMap<>();
            try (Connection c = db.connect();
                 PreparedStatement ps = c.prepareStatement("SELECT audit_id, count(*) FROM audit_events WHERE type = 'audit_result' GROUP BY audit_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    results.put(rs.getString(1), rs.getInt(2));
                }
            }
            int duplicates = results.values().stream().mapToInt(n -> n - 1).sum();
            assertThat(results).as("one result per audit").hasSize(AUDITS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));

            // The live streams against the audits' whole logs, read again now that they are over.
            int eventsChecked = 0;
            for (String id : ids) {
                List<ApiClient.SseEvent> seen = live.get(id);
                List<ApiClient.SseEvent> log = api.events(id, 0, 0);
                assertThat(seen).extracting(ApiClient.SseEvent::id).as("events of %s in order, none twice", id).isSorted().doesNotHaveDuplicates();
                assertThat(seen).last().extracting(ApiClient.SseEvent::type).isEqualTo("audit_result");
                if (id.equals(victim)) {
                    // The killed attempt's progress events are dropped from the log when the audit is re-queued; the
                    // stream had already shown them, and shows everything the log keeps.
                    assertThat(seen).as("every event of %s", id).containsAll(log);
                    assertThat(seen).anySatisfy(e -> assertThat(e.data()).contains("\"reason\":\"interrupted\""));
                } else {
                    assertThat(seen).as("every event of %s", id).containsExactlyElementsOf(log);
                }
                eventsChecked += seen.size();
            }

            // Every screenshot, whichever worker took it, from the API node, byte for byte.
            int screenshots = 0;
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                JsonNode audit = api.get("/api/audits/" + id).json();
                assertThat(audit.path("screenshots").size()).as("screenshots of %s", id).isPositive();
                for (JsonNode shot : audit.path("screenshots")) {
                    HttpResponse<byte[]> r = api.http.send(api.request(shot.path("url").asText()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(r.statusCode()).as("%s", shot).isEqualTo(200);
                    assertThat(r.headers().firstValue("content-type")).contains(shot.path("media_type").asText());
                    assertThat(HexFormat.of().formatHex(sha.digest(r.body()))).isEqualTo(shot.path("sha256").asText());
                    screenshots++;
                }
            }
            System.out.printf("cluster: %d/%d audits completed, %d duplicate results, %d events checked live against the log, "
                    + "%d screenshots served by the API node; worker pid %d killed mid-audit, its audit finished by another node; "
                    + "%d audit re-runs in all, %d submissions retried after a 503%n",
                    completed, AUDITS, duplicates, eventsChecked, screenshots, victimPid, reruns, submitter.retries);
        }
    }

    /**
     * A team that started on SQLite moves its history into PostgreSQL with `veritas db copy`: an API node on the copy
     * answers exactly what the SQLite node answered — every audit, every event with its id, every screenshot's bytes —
     * and a second copy finds nothing to do.
     */
    @Test
    void aSqliteHistoryCopiedIntoPostgresIsServedUnchangedByAnApiNode() throws Exception {
        Requirements.chromium();
        Path sqlite = dir.resolve("sqlite");
        try (FreshDatabase db = FreshDatabase.create("veritas_copy");
             TestSiteServer honest = TestSiteServer.start(TestSite.HONEST_SHOP);
             TestSiteServer dark = TestSiteServer.start(TestSite.DARK_SHOP, CertVariant.VALID, honest.ca())) {
            // Two completed audits with screenshots and one that failed (nothing listens on port 9).
            for (String url : List.of(honest.httpsUrl("/"), dark.httpsUrl("/"), "http://127.0.0.1:9/")) {
                CliRun.run("audit", url, "--tier", "quick_scan", "--data", sqlite.toString(), "--allow-private", "--trust-ca",
                        honest.caPem().toString(), "--json");
            }
            CliRun copy = CliRun.run("db", "copy", "--from", "sqlite:" + sqlite, "--to", db.url());
            assertThat(copy.code()).as("%s%s", copy.out(), copy.err()).isZero();
            CliRun again = CliRun.run("db", "copy", "--from", "sqlite:" + sqlite, "--to", db.url());
            assertThat(again.code()).as("%s%s", again.out(), again.err()).isZero();
            assertThat(again.out()).contains("nothing to copy");

            try (ServerProcess before = ServerProcess.start(dir, Map.of(), "serve", "--port", "0", "--data", sqlite.toString(), "--workers", "1",
                    "--no-browser");
                 ServerProcess after = ServerProcess.start(dir, Map.of(), "serve", "--role", "api", "--port", "0", "--data",
                         dir.resolve("api").toString(), "--database-url", db.url())) {
                ApiClient a = new ApiClient(before.port());
                ApiClient b = new ApiClient(after.port());
                JsonNode history = a.get("/api/audits").json();
                assertThat(b.get("/api/audits").json()).isEqualTo(history);
                int audits = 0;
                int events = 0;
                int screenshots = 0;
                for (JsonNode item : history.path("items")) {
                    String id = item.path("id").asText();
                    JsonNode audit = a.get("/api/audits/" + id).json();
                    assertThat(b.get("/api/audits/" + id).json()).as("audit %s", id).isEqualTo(audit);
                    List<ApiClient.SseEvent> log = a.events(id, 0, 0);
                    assertThat(parsed(b.events(id, 0, 0))).as("events of %s", id).isEqualTo(parsed(log));
                    // Resuming in the middle works on the copy as on the original: the ids were kept.
                    long middle = log.get(log.size() / 2).id();
                    assertThat(parsed(b.events(id, middle, 0))).isEqualTo(parsed(a.events(id, middle, 0)));
                    for (JsonNode shot : audit.path("screenshots")) {
                        HttpResponse<byte[]> x = a.http.send(a.request(shot.path("url").asText()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                        HttpResponse<byte[]> y = b.http.send(b.request(shot.path("url").asText()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                        assertThat(y.statusCode()).isEqualTo(200);
                        assertThat(y.body()).isEqualTo(x.body());
                        assertThat(y.headers().firstValue("etag")).isEqualTo(x.headers().firstValue("etag"));
                        assertThat(y.headers().firstValue("content-type")).isEqualTo(x.headers().firstValue("content-type"));
                        screenshots++;
                    }
                    audits++;
                    events += log.size();
                }
                assertThat(audits).as("audits in the SQLite history: %s", history).isEqualTo(3);
                assertThat(screenshots).as("the audits of the shops took screenshots").isPositive();
                System.out.printf("db copy: %d audits, %d events, %d screenshots served identically from SQLite and from the PostgreSQL copy%n",
                        audits, events, screenshots);
            }
        }
    }

    /** An event with its data as JSON: PostgreSQL keeps the data as jsonb, which orders an object's keys its own way. */
    private record Event(long id, String type, JsonNode data) {}

    private static List<Event> parsed(List<ApiClient.SseEvent> events) {
        return events.stream().map(e -> new Event(e.id(), e.type(), Json.parse(e.data()))).toList();
    }

    /**
     * Submits as a careful client does: a 503 (the database was too busy to take the write, and said that nothing was
     * written) is tried again, a few times; the retries are counted and printed.
     */
    private static final class Submitter {
        private final ApiClient api;
        int retries;

        Submitter(ApiClient api) {
            this.api = api;
        }

        String submit(String url, String tier) {
            for (int attempt = 1; ; attempt++) {
                ApiClient.Response r = api.post("/api/audits", "{\"url\":\"" + url + "\",\"tier\":\"" + tier + "\"}");
                if (r.status() == 202) {
                    return r.json().path("id").asText();
                }
                assertThat(r.status()).as("submit answered %s", r.body()).isEqualTo(503);
                assertThat(attempt).as("submit kept answering 503: %s", r.body()).isLessThan(5);
                retries++;
            }
        }
    }

    /** The API node and the worker nodes, started together so their JVMs warm up side by side. */
    private record Nodes(ServerProcess api, List<ServerProcess> workers) implements AutoCloseable {
        static Nodes start(Path dir, String databaseUrl, Path ca) throws Exception {
            ServerProcess api = ServerProcess.start(dir, Map.of(), "serve", "--role", "api", "--port", "0", "--data", dir.resolve("api").toString(),
                    "--database-url", databaseUrl, "--allow-private");
            List<ServerProcess> workers = new ArrayList<>();
            for (int i = 1; i <= WORKER_NODES; i++) {
                workers.add(ServerProcess.start(dir, Map.of(), "serve", "--role", "worker", "--port", "0", "--workers", "1",
                        "--data", dir.resolve("worker-" + i).toString(), "--database-url", databaseUrl, "--allow-private",
                        "--trust-ca", ca.toString()));
            }
            return new Nodes(api, workers);
        }

        @Override
        public void close() throws Exception {
            for (ServerProcess w : workers) {
                w.close();
            }
            api.close();
        }
    }
}
