package dev.veritas.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.veritas.audit.AuditStatus;
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
        Optional<String> storeProblem = Optional.empty();
        Optional<Map<AuditStatus, Long>> counts = Optional.empty();
        try {
            counts = Optional.of(store.countByStatus());
        } catch (StoreException e) {
            storeProblem = Optional.of(e.getMessage());
        }
        // Reads can work while writes fail (a full disk, a writer being restarted): the store says so itself.
        StoreHealth writes = store.health();
        // Alive is counted from the threads themselves, so a worker that died shows here instead of hiding behind the size.
        int alive = workers.alive();
        List<String> stuck = workers.stuck();
        Health h = Health.assess(storeProblem.or(() -> writes.ok() ? Optional.empty() : Optional.of(writes.detail())), workers.size(), alive,
                stuck);
        ctx.status(h.ok() ? 200 : 503);
        AuditsApi.json(ctx, new HealthReport("veritas-api", VERSION, store.describe(), role.wire(), nodeId(),
                counts.map(c -> c.get(AuditStatus.QUEUED)), counts.map(c -> c.get(AuditStatus.RUNNING)),
                new StoreWrites(writes.condition().name().toLowerCase(Locale.ROOT), writes.detail()),
                role.runsAudits() ? Optional.of(new Workers(workers.size(), alive, workers.busy(), stuck)) : Optional.empty(),
                h.ok() ? "ok" : "degraded", h.detail(), streams.subscriberCount()));
    }

    /**
     * GET /api/health. Without a store to count from there is no {@code queue_depth} or {@code running}; a node that runs
     * no audits has no {@code workers}; a healthy one no {@code detail}.
     */
    record HealthReport(
            String service,
            String version,
            String store,
            String role,
            String node,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Long> queueDepth,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Long> running,
            StoreWrites storeWrites,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Workers> workers,
            String status,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> detail,
            int eventSubscribers) {}

    record StoreWrites(String condition, String detail) {}

    record Workers(int size, int alive, int busy, List<String> stuck) {}

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
