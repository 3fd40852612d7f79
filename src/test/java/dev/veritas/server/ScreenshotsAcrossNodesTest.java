package dev.veritas.server;

import static dev.veritas.testing.Samples.newAudit;
import static dev.veritas.testing.Samples.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.AuditId;
import dev.veritas.audit.Screenshot;
import dev.veritas.store.Claim;
import dev.veritas.store.NewScreenshot;
import dev.veritas.store.WorkerId;
import dev.veritas.store.postgres.PostgresAuditStore;
import dev.veritas.store.postgres.PostgresUrl;
import dev.veritas.testing.NeedsPostgres;
import dev.veritas.testing.Requirements;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With PostgreSQL, a screenshot taken on one node is served by any other: here written by a store in this JVM and
 * served by a {@code veritas serve} process of its own with its own data directory, with the same URL, content
 * type and ETag a single node gives.
 */
@NeedsPostgres
class ScreenshotsAcrossNodesTest {
    private final String schema = "veritas_shots_" + AuditId.random().value().substring(5);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPostgres() {
        Requirements.postgres();
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(Requirements.postgresUrl()); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void aScreenshotStoredByOneNodeIsServedByAnotherWithItsTypeAndEtag() throws Exception {
        byte[] image = new byte[300_000];
        new Random(5).nextBytes(image);
        String base = Requirements.postgresUrl();
        try (PostgresAuditStore worker = PostgresAuditStore.open(PostgresUrl.parse(base).withSchema(schema), dir.resolve("worker"), Clock.systemUTC())) {
            Claim claim = worker.createRunning(newAudit("https://shots.example/"), WorkerId.current().named("worker"), Duration.ofSeconds(30));
            Screenshot shot = worker.addScreenshot(claim.lease(), new NewScreenshot(0, "home", Optional.empty(), "image/jpeg", 10, 10, image));
            worker.complete(claim.lease(), result(70, List.of()));
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;

            try (ServerProcess api = ServerProcess.start(dir, Map.of(), "serve", "--port", "0", "--data", dir.resolve("api").toString(),
                    "--database-url", url, "--workers", "1", "--no-browser", "--allow-private")) {
                // A generous wait: starting a JVM on a busy machine is slow, and the test is about what it serves.
                String started = api.awaitLine("running at http://127.0.0.1:", 300);
                int port = Integer.parseInt(started.replaceAll(".*running at http://127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
                String path = "http://127.0.0.1:" + port + "/api/audits/" + claim.id() + "/screenshots/0";
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(URI.create(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(got.statusCode()).isEqualTo(200);
                assertThat(got.headers().firstValue("content-type")).contains("image/jpeg");
                assertThat(got.headers().firstValue("etag")).contains("\"" + shot.sha256() + "\"");
                assertThat(got.body()).isEqualTo(image);

                HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(path)).timeout(Duration.ofSeconds(30))
                        .header("If-None-Match", "\"" + shot.sha256() + "\"").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(again.statusCode()).isEqualTo(304);

                HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/audits/" + claim.id()))
                        .timeout(Duration.ofSeconds(30)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(deleted.statusCode()).isEqualTo(204);
                assertThat(worker.screenshot(claim.id(), 0)).isEmpty();
                assertThat(http.send(HttpRequest.newBuilder(URI.create(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
            }
        }
    }
}
