package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.AuditId;
import dev.veritas.engine.EngineOptions;
import dev.veritas.store.postgres.PostgresAuditStore;
import dev.veritas.store.postgres.PostgresUrl;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.NeedsPostgres;
import dev.veritas.testing.Requirements;
import io.prometheus.metrics.expositionformats.generated.Metrics;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scrapes a running server's metrics the way Prometheus does and reads them back with the Prometheus client's own parser
 * (the protobuf exposition: the Java client has no text-format parser), so a name, type or bucket that changes shows here.
 */
class MetricsScrapeTest {
    private static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;
    private static VeritasServer server;

    @BeforeAll
    static void start() {
        server = new VeritasServer(ServerConfig.local(0, EngineOptions.defaults()).withWorkers(1),
                SqliteAuditStore.open(SqliteOptions.defaults(dataDir))).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
        return get(server, path, accept);
    }

    private static HttpResponse<byte[]> get(VeritasServer target, String path, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, Metrics.MetricFamily> scrape() throws Exception {
        return scrape(server);
    }

    private static Map<String, Metrics.MetricFamily> scrape(VeritasServer target) throws Exception {
        HttpResponse<byte[]> response = get(target, "/api/metrics", PROTOBUF);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/vnd.google.protobuf"));
        Map<String, Metrics.MetricFamily> families = new HashMap<>();
        try (InputStream in = new ByteArrayInputStream(response.body())) {
            for (Metrics.MetricFamily f = Metrics.MetricFamily.parseDelimitedFrom(in); f != null; f = Metrics.MetricFamily.parseDelimitedFrom(in)) {
                families.put(f.getName(), f);
            }
        }
        return families;
    }

    @Test
    void veritasMetricsKeepTheirNamesAndTypes() throws Exception {
        Map<String, Metrics.MetricFamily> families = scrape();
        Map<String, Metrics.MetricType> expected = Map.ofEntries(
                Map.entry("veritas_audits", Metrics.MetricType.GAUGE),
                Map.entry("veritas_queue_depth", Metrics.MetricType.GAUGE),
                Map.entry("veritas_workers", Metrics.MetricType.GAUGE),
                Map.entry("veritas_workers_busy", Metrics.MetricType.GAUGE),
                Map.entry("veritas_workers_alive", Metrics.MetricType.GAUGE),
                Map.entry("veritas_workers_stuck", Metrics.MetricType.GAUGE),
                Map.entry("veritas_store_fenced_writes_total", Metrics.MetricType.COUNTER),
                Map.entry("veritas_event_subscribers", Metrics.MetricType.GAUGE),
                Map.entry("veritas_pdf_browser_launches_total", Metrics.MetricType.COUNTER),
                Map.entry("veritas_pdf_exports_total", Metrics.MetricType.COUNTER),
                Map.entry("veritas_pdf_refused_total", Metrics.MetricType.COUNTER),
                Map.entry("veritas_pdf_queue", Metrics.MetricType.GAUGE),
                Map.entry("veritas_pdf_queue_capacity", Metrics.MetricType.GAUGE),
                Map.entry("veritas_http_responses_total", Metrics.MetricType.COUNTER),
                Map.entry("veritas_http_request_duration_seconds", Metrics.MetricType.HISTOGRAM),
                Map.entry("veritas_audit_duration_seconds", Metrics.MetricType.HISTOGRAM),
                Map.entry("veritas_store_write_latency_seconds", Metrics.MetricType.HISTOGRAM),
                Map.entry("veritas_store_write_batch_mean", Metrics.MetricType.GAUGE));
        expected.forEach((name, type) -> assertThat(families).as(name).containsKey(name));
        expected.forEach((name, type) -> assertThat(families.get(name).getType()).as(name).isEqualTo(type));
        assertThat(labelValues(families.get("veritas_audits"), "status")).contains("queued", "running", "completed", "failed", "cancelled");
        assertThat(labelValues(families.get("veritas_http_responses_total"), "class")).containsExactlyInAnyOrder("1xx", "2xx", "3xx", "4xx", "5xx");
        assertThat(single(families.get("veritas_workers")).getGauge().getValue()).isEqualTo(1);
        assertThat(single(families.get("veritas_workers_alive")).getGauge().getValue()).isEqualTo(1);
    }

    @Test
    void operatorsGetJvmJettyAndConnectionPoolMetrics() throws Exception {
        get("/api/audits", "application/json"); // opens the reader pool and a Jetty connection at least once
        Map<String, Metrics.MetricFamily> families = scrape();
        assertThat(families).containsKeys("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_memory_allocated_bytes_total", "process_cpu_usage",
                "process_files_open_files",
                "jetty_threads_current", "jetty_threads_busy", "jetty_connections_current_connections", "jetty_connections_bytes_in_bytes",
                "hikaricp_connections_active", "hikaricp_connections_max");
        assertThat(labelValues(families.get("hikaricp_connections_max"), "pool")).contains("veritas-read");
    }

    @Test
    @NeedsPostgres
    void onPostgresqlThePoolIsMeteredAndTheSqliteWriterIsNot() throws Exception {
        String schema = "house_metrics_" + AuditId.random().value().substring(5);
        try (VeritasServer pg = new VeritasServer(ServerConfig.local(0, EngineOptions.defaults()).withWorkers(1),
                PostgresAuditStore.open(PostgresUrl.parse(Requirements.postgresUrl()).withSchema(schema), dataDir, Clock.systemUTC())).start()) {
            get(pg, "/api/audits", "application/json");
            Map<String, Metrics.MetricFamily> families = scrape(pg);
            assertThat(labelValues(families.get("hikaricp_connections_max"), "pool")).containsExactly("veritas-pg");
            assertThat(families).containsKeys("veritas_store_fenced_writes_total", "veritas_audits")
                    .doesNotContainKeys("veritas_store_write_latency_seconds", "veritas_store_write_batch_mean");
        } finally {
            try (Connection c = DriverManager.getConnection(Requirements.postgresUrl()); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void requestDurationsAreAHistogramWithCumulativeBuckets() throws Exception {
        long before = requestHistogram(scrape()).getSampleCount();
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/health", "application/json").statusCode()).isEqualTo(200);
        }
        Metrics.Histogram h = requestHistogram(scrape());
        // The scrape that read "before" is counted too once it has been answered.
        assertThat(h.getSampleCount()).isGreaterThanOrEqualTo(before + 3);
        List<Double> bounds = h.getBucketList().stream().map(Metrics.Bucket::getUpperBound).toList();
        assertThat(bounds).containsSequence(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);
        List<Long> counts = h.getBucketList().stream().map(Metrics.Bucket::getCumulativeCount).toList();
        assertThat(counts).isSorted();
        assertThat(counts.get(counts.size() - 1)).isLessThanOrEqualTo(h.getSampleCount());
        assertThat(h.getSampleSum()).isPositive();
    }

    @Test
    void theDefaultExpositionIsPrometheusText() throws Exception {
        HttpResponse<byte[]> response = get("/api/metrics", "*/*");
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("# TYPE veritas_http_request_duration_seconds histogram", "veritas_http_request_duration_seconds_bucket{le=\"0.001\"}",
                "# TYPE veritas_workers_stuck gauge", "# TYPE veritas_store_fenced_writes_total counter");
    }

    private static Metrics.Histogram requestHistogram(Map<String, Metrics.MetricFamily> families) {
        return single(families.get("veritas_http_request_duration_seconds")).getHistogram();
    }

    private static Metrics.Metric single(Metrics.MetricFamily family) {
        assertThat(family.getMetricList()).as(family.getName()).hasSize(1);
        return family.getMetric(0);
    }

    private static List<String> labelValues(Metrics.MetricFamily family, String label) {
        return family.getMetricList().stream().flatMap(m -> m.getLabelList().stream()).filter(l -> l.getName().equals(label))
                .map(Metrics.LabelPair::getValue).collect(Collectors.toList());
    }
}
