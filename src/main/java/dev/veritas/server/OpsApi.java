package dev.veritas.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.AuditStatus;
import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import dev.veritas.store.StoreException;
import dev.veritas.store.StoreHealth;
import dev.veritas.store.WorkerId;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.veritas.store.EventStreams;

/** Health and Prometheus metrics. */
final class OpsApi {
    static final String VERSION = "0.1.0";

    private final AuditStore store;
    private final WorkerPool workers;
    private final EventStreams streams;
    private final ServerMetrics metrics;
    private final NodeRole role;

    OpsApi(AuditStore store, WorkerPool workers, EventStreams streams, ServerMetrics metrics, NodeRole role) {
        this.store = store;
        this.role = role;
        this.workers = workers;
        this.streams = streams;
        this.metrics = metrics;
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
        metrics.recordResponse(status, nanos);
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
        ServerMetrics.Scrape scrape = metrics.scrape(Optional.ofNullable(ctx.header("Accept")));
        ctx.contentType(scrape.contentType()).result(scrape.body());
    }
}
