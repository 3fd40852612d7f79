package dev.veritas.server;

import dev.veritas.audit.AuditStatus;
import dev.veritas.report.PdfPrinter;
import dev.veritas.store.AuditStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Server;
import dev.veritas.store.EventStreams;

/**
 * The server's meters in one Prometheus registry: Veritas's own (audits, workers, store, PDF exports, HTTP answers),
 * the store's connection pools and writer, and the JVM, process and Jetty meters any Java service shows.
 *
 * <p>Histograms have fixed buckets chosen for what they measure (an HTTP answer takes milliseconds, an audit takes
 * seconds to minutes), so Prometheus can aggregate them across servers and compute any quantile.
 */
final class ServerMetrics implements AutoCloseable {
    /** HTTP answers: from a cached read (about a millisecond) to a PDF export (seconds). */
    private static final Duration[] HTTP_BUCKETS = seconds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);
    /** Audits: a single page in a few seconds, a whole site within its tier's deadline (minutes). */
    private static final Duration[] AUDIT_BUCKETS = seconds(1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<AuditStatus, AtomicLong> audits = new EnumMap<>(AuditStatus.class);
    private final Counter[] responsesByClass = new Counter[5];
    private final Timer requestDuration;
    private final Timer auditDuration;
    private final ExpositionFormats formats = ExpositionFormats.init();
    private AuditStore store;

    ServerMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        for (int i = 0; i < responsesByClass.length; i++) {
            responsesByClass[i] = Counter.builder("veritas.http.responses").description("HTTP responses by status class.")
                    .tag("class", (i + 1) + "xx").register(registry);
        }
        requestDuration = Timer.builder("veritas.http.request.duration")
                .description("Time to answer an HTTP request (event streams excluded).").serviceLevelObjectives(HTTP_BUCKETS)
                .register(registry);
        auditDuration = Timer.builder("veritas.audit.duration").description("Time to run an audit in this server.")
                .serviceLevelObjectives(AUDIT_BUCKETS).register(registry);
    }

    /** Where workers record how long each audit took. */
    Timer auditDuration() {
        return auditDuration;
    }

    /** Registers the gauges and counters read from the server's parts at each scrape. */
    void bind(AuditStore store, WorkerPool workers, EventStreams streams, PdfPrinter pdf) {
        this.store = store;
        for (AuditStatus s : AuditStatus.values()) {
            AtomicLong n = new AtomicLong();
            audits.put(s, n);
            Gauge.builder("veritas.audits", n, AtomicLong::get).description("Audits in the store by status.").tag("status", s.wire())
                    .register(registry);
        }
        Gauge.builder("veritas.queue.depth", audits.get(AuditStatus.QUEUED), AtomicLong::get).description("Audits waiting for a worker.")
                .register(registry);
        Gauge.builder("veritas.workers", workers, WorkerPool::size).description("Worker threads configured.").register(registry);
        Gauge.builder("veritas.workers.busy", workers, WorkerPool::busy).description("Workers running an audit now.").register(registry);
        Gauge.builder("veritas.workers.alive", workers, WorkerPool::alive).description("Worker threads running now.").register(registry);
        Gauge.builder("veritas.workers.stuck", workers, w -> w.stuck().size())
                .description("Workers still running an audit well past its hard deadline.").register(registry);
        FunctionCounter.builder("veritas.store.fenced.writes", store, AuditStore::fencedWrites)
                .description("Writes refused because their audit's lease had moved on (stale or cancelled workers).").register(registry);
        Gauge.builder("veritas.event.subscribers", streams, EventStreams::subscriberCount)
                .description("Open event streams (SSE and WebSocket).").register(registry);
        FunctionCounter.builder("veritas.pdf.browser.launches", pdf, PdfPrinter::launches)
                .description("Browsers started for PDF exports (one serves many).").register(registry);
        FunctionCounter.builder("veritas.pdf.exports", pdf, PdfPrinter::printed).description("PDF exports printed.").register(registry);
        FunctionCounter.builder("veritas.pdf.refused", pdf, PdfPrinter::refused).description("PDF exports refused because the queue was full.")
                .register(registry);
        Gauge.builder("veritas.pdf.queue", pdf, PdfPrinter::inUse).description("PDF exports printing or waiting, of veritas_pdf_queue_capacity.")
                .register(registry);
        Gauge.builder("veritas.pdf.queue.capacity", pdf, PdfPrinter::capacity).description("PDF exports that may print or wait at once.")
                .register(registry);
        store.bindMetrics(registry);
    }

    /** Which node answered: Prometheus joins the other series of this target on it. */
    void bindNode(NodeRole role, String nodeId) {
        Gauge.builder("veritas.node.info", () -> 1).description("This node's role (all, api or worker) and id (host/pid/start, the prefix of its workers' lease owners).")
                .tag("role", role.wire()).tag("node", nodeId).register(registry);
    }

    /** Jetty's request threads and connections; the server must be started (its connectors exist from then on). */
    void bindJetty(Server server) {
        new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(server, registry, Tags.empty());
    }

    void recordResponse(int status, long nanos) {
        responsesByClass[Math.max(1, Math.min(5, status / 100)) - 1].increment();
        requestDuration.record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The exposition in the format the scraper asked for ({@code Accept}: Prometheus text by default, OpenMetrics or
     * protobuf when offered). Audit counts are read from the store once per scrape rather than once per status.
     */
    Scrape scrape(Optional<String> accept) {
        store.countByStatus().forEach((s, n) -> audits.get(s).set(n));
        ExpositionFormatWriter writer = formats.findWriter(accept.orElse(""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.getPrometheusRegistry().scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return new Scrape(out.toByteArray(), writer.getContentType());
    }

    record Scrape(byte[] body, String contentType) {}

    private static Duration[] seconds(double... values) {
        return Arrays.stream(values).mapToObj(v -> Duration.ofNanos(Math.round(v * 1e9))).toArray(Duration[]::new);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
