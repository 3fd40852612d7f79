package dev.veritas.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.AuditStatus;
import dev.veritas.json.Json;
import dev.veritas.metrics.LatencyHistogram;
import dev.veritas.report.PdfPrinter;
import dev.veritas.store.AuditStore;
import dev.veritas.store.StoreException;
import dev.veritas.store.StoreHealth;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/** Health and Prometheus metrics. */
final class OpsApi {
    static final String VERSION = "0.1.0";

    private final AuditStore store;
    private final WorkerPool workers;
    private final EventStreams streams;
    private final PdfPrinter pdf;
    private final NodeRole role;
    private final LongAdder[] responsesByClass = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
    private final LatencyHistogram requestLatency = new LatencyHistogram();

    OpsApi(AuditStore store, WorkerPool workers, EventStreams streams, PdfPrinter pdf, NodeRole role) {
        this.store = store;
        this.role = role;
        this.pdf = pdf;
        this.workers = workers;
        this.streams = streams;
    }

    /**
     * This process's id in a cluster: the host, pid and start time that prefix the lease owner of every audit its
     * workers run, so an operator can tell which node holds an audit.
     */
    static String nodeId() {
        WorkerId me = WorkerId.current();
        return me.host() + "/" + me.pid() + "/" + me.processStartMillis();
    }

    void recordResponse(int status, long nanos) {
        int cls = Math.max(1, Math.min(5, status / 100)) - 1;
        responsesByClass[cls].increment();
        requestLatency.record(nanos);
    }

    void health(Context ctx) {
        ObjectNode out = Json.object().put("service", "veritas-api").put("version", VERSION).put("store", store.describe());
        out.put("role", role.wire()).put("node", nodeId());
        Optional<String> storeProblem = Optional.empty();
        try {
            Map<AuditStatus, Long> counts = store.countByStatus();
            out.put("queue_depth", counts.get(AuditStatus.QUEUED));
            out.put("running", counts.get(AuditStatus.RUNNING));
        } catch (StoreException e) {
            storeProblem = Optional.of(e.getMessage());
        }
        // Reads can work while writes fail (a full disk, a writer being restarted): the store says so itself.
        StoreHealth writes = store.health();
        out.putObject("store_writes").put("condition", writes.condition().name().toLowerCase(Locale.ROOT)).put("detail", writes.detail());
        // Alive is counted from the threads themselves, so a worker that died shows here instead of hiding behind the size.
        int alive = workers.alive();
        List<String> stuck = workers.stuck();
        if (role.runsAudits()) {
            ObjectNode w = out.putObject("workers").put("size", workers.size()).put("alive", alive).put("busy", workers.busy());
            w.set("stuck", Json.tree(stuck));
        }
        Health h = Health.assess(storeProblem.or(() -> writes.ok() ? Optional.empty() : Optional.of(writes.detail())), workers.size(), alive,
                stuck);
        out.put("status", h.ok() ? "ok" : "degraded");
        h.detail().ifPresent(d -> out.put("detail", d));
        ctx.status(h.ok() ? 200 : 503);
        out.put("event_subscribers", streams.subscriberCount());
        AuditsApi.json(ctx, out);
    }

    /**
     * Whether this server can do its work, and if not, what is wrong and what to do, first problem first: the store
     * (reads or writes failing), then workers that are not running, then workers stuck past their audit's deadline.
     */
    record Health(boolean ok, Optional<String> detail) {
        static Health assess(Optional<String> storeProblem, int workers, int alive, List<String> stuck) {
            if (storeProblem.isPresent()) {
                return new Health(false, storeProblem);
            }
            if (alive < workers) {
                return new Health(false, Optional.of((workers - alive) + " of " + workers
                        + " workers are not running, so audits may wait; the server log says why; restart the server"));
            }
            if (!stuck.isEmpty()) {
                return new Health(false, Optional.of(stuck.size() + " of " + workers + " workers are stuck past their audit's deadline ("
                        + String.join("; ", stuck) + "); their audits go back to the queue when their leases lapse; the server log has "
                        + "where each is blocked; restart the server if this persists"));
            }
            return new Health(true, Optional.empty());
        }
    }

    void metrics(Context ctx) {
        StringBuilder sb = new StringBuilder();
        // Which node answered: Prometheus joins the other series of this target on it.
        help(sb, "veritas_node_info", "gauge", "This node's role (all, api or worker) and id (host/pid/start, the prefix of its workers' lease owners).");
        sb.append("veritas_node_info{role=\"").append(role.wire()).append("\",node=\"").append(nodeId()).append("\"} 1\n");
        Map<AuditStatus, Long> counts = store.countByStatus();
        help(sb, "veritas_audits", "gauge", "Audits in the store by status.");
        counts.forEach((s, n) -> sb.append("veritas_audits{status=\"").append(s.wire()).append("\"} ").append(n).append('\n'));
        help(sb, "veritas_queue_depth", "gauge", "Audits waiting for a worker.");
        sb.append("veritas_queue_depth ").append(counts.get(AuditStatus.QUEUED)).append('\n');
        help(sb, "veritas_workers_busy", "gauge", "Workers running an audit now.");
        sb.append("veritas_workers_busy ").append(workers.busy()).append('\n');
        help(sb, "veritas_workers", "gauge", "Worker threads configured.");
        sb.append("veritas_workers ").append(workers.size()).append('\n');
        help(sb, "veritas_workers_alive", "gauge", "Worker threads running now.");
        sb.append("veritas_workers_alive ").append(workers.alive()).append('\n');
        help(sb, "veritas_workers_stuck", "gauge", "Workers still running an audit well past its hard deadline.");
        sb.append("veritas_workers_stuck ").append(workers.stuck().size()).append('\n');
        help(sb, "veritas_store_fenced_writes_total", "counter", "Writes refused because their audit's lease had moved on (stale or cancelled workers).");
        sb.append("veritas_store_fenced_writes_total ").append(store.fencedWrites()).append('\n');
        summary(sb, "veritas_audit_duration_seconds", "Time to run an audit in this server.", workers.durations());
        if (store instanceof SqliteAuditStore sqlite) {
            summary(sb, "veritas_store_write_latency_seconds", "Time from submitting a write to its commit (group commit).",
                    sqlite.writerStats().ackLatency());
            help(sb, "veritas_store_write_batch_mean", "gauge", "Mean units of work per group commit.");
            sb.append("veritas_store_write_batch_mean ").append(fmt(sqlite.writerStats().meanBatch())).append('\n');
        }
        help(sb, "veritas_event_subscribers", "gauge", "Open event streams (SSE and WebSocket).");
        sb.append("veritas_event_subscribers ").append(streams.subscriberCount()).append('\n');
        help(sb, "veritas_pdf_browser_launches_total", "counter", "Browsers started for PDF exports (one serves many).");
        sb.append("veritas_pdf_browser_launches_total ").append(pdf.launches()).append('\n');
        help(sb, "veritas_pdf_exports_total", "counter", "PDF exports printed.");
        sb.append("veritas_pdf_exports_total ").append(pdf.printed()).append('\n');
        help(sb, "veritas_pdf_refused_total", "counter", "PDF exports refused because the queue was full.");
        sb.append("veritas_pdf_refused_total ").append(pdf.refused()).append('\n');
        help(sb, "veritas_pdf_queue", "gauge", "PDF exports printing or waiting, of veritas_pdf_queue_capacity.");
        sb.append("veritas_pdf_queue ").append(pdf.inUse()).append('\n');
        help(sb, "veritas_pdf_queue_capacity", "gauge", "PDF exports that may print or wait at once.");
        sb.append("veritas_pdf_queue_capacity ").append(pdf.capacity()).append('\n');
        help(sb, "veritas_http_responses_total", "counter", "HTTP responses by status class.");
        for (int i = 0; i < 5; i++) {
            sb.append("veritas_http_responses_total{class=\"").append(i + 1).append("xx\"} ").append(responsesByClass[i].sum()).append('\n');
        }
        summary(sb, "veritas_http_request_duration_seconds", "Time to answer an HTTP request (event streams excluded).", requestLatency);
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
        ctx.result(sb.toString());
    }

    private static void help(StringBuilder sb, String name, String type, String help) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void summary(StringBuilder sb, String name, String helpText, LatencyHistogram h) {
        help(sb, name, "summary", helpText);
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            sb.append(name).append("{quantile=\"").append(q).append("\"} ").append(fmt(h.percentileMillis(q) / 1000.0)).append('\n');
        }
        sb.append(name).append("_count ").append(h.count()).append('\n');
        sb.append(name).append("_sum ").append(fmt(h.meanMillis() * h.count() / 1000.0)).append('\n');
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
