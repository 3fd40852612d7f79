package dev.veritas.server;

import dev.veritas.capture.network.UrlGuard;
import dev.veritas.engine.Engine;
import dev.veritas.json.Json;
import dev.veritas.report.PdfPrinter;
import dev.veritas.store.AuditNotFoundException;
import dev.veritas.store.AuditStore;
import dev.veritas.store.IllegalTransitionException;
import dev.veritas.store.RecoveryReport;
import dev.veritas.store.StoreUnavailableException;
import dev.veritas.store.Lease;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.staticfiles.Location;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.veritas.store.EventStreams;

/**
 * `veritas serve`: the REST + SSE API, the web UI, and the workers that run audits. Audits live in the store,
 * not in connections: clients submit, leave, and come back; a restart re-queues what was interrupted.
 *
 * <p>Its {@link NodeRole} picks the parts: an API node runs no workers (and so never starts a browser for an audit);
 * a worker node runs audits and answers only its health and metrics. Nodes of a cluster share one PostgreSQL, which
 * carries the queue and, by NOTIFY, the news of new events to the node streaming them.
 */
public final class VeritasServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VeritasServer.class);
    /**
     * Headers of the web UI's files. The UI shows text taken from audited pages, which may be hostile; it never
     * turns that text into markup, and this policy is the second line: only the UI's own scripts and styles run,
     * nothing is framed, and no request leaves for another origin.
     */
    static final Map<String, String> UI_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-cache");

    private final ServerConfig config;
    private final AuditStore store;
    private final Engine engine;
    private final WorkerPool workers;
    private final EventStreams streams;
    private final OpsApi ops;
    private final ServerMetrics metrics = new ServerMetrics();
    private final ScheduledExecutorService housekeeping;
    private final Javalin app;
    private final RequestGuard requestGuard;
    /** One browser for every PDF export, with a bounded queue. */
    private final PdfPrinter pdf;
    private volatile boolean stopped;

    public VeritasServer(ServerConfig config, AuditStore store) {
        this.config = config;
        this.store = store;
        this.engine = new Engine(store, config.engine());
        NodeRole role = config.role();
        this.workers = new WorkerPool(store, engine, role.runsAudits() ? config.workers() : 0, metrics.auditDuration());
        this.streams = new EventStreams(store, config.heartbeat());
        this.pdf = new PdfPrinter(config.engine().capture().chromium());
        metrics.bind(store, workers, streams, pdf);
        metrics.bindNode(role, OpsApi.nodeId());
        this.ops = new OpsApi(store, workers, streams, metrics, role);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "veritas-housekeeping");
            t.setDaemon(true);
            return t;
        });
        this.requestGuard = new RequestGuard(config);
        UrlGuard guard = engine.guard();
        AuditsApi audits = new AuditsApi(store, guard, workers, streams, pdf);
        LegacyApi legacy = new LegacyApi(store, audits, streams);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.http.asyncTimeout = 0;
            c.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            c.http.maxRequestSize = ServerConfig.MAX_BODY_BYTES;
            // A known path with the wrong method is a 405 with Allow, not a misleading "no such endpoint".
            c.http.prefer405over404 = true;
            if (role.servesApi()) {
                c.staticFiles.add(s -> {
                    s.hostedPath = "/";
                    s.directory = "/public";
                    s.location = Location.CLASSPATH;
                    s.headers = UI_HEADERS;
                });
            }
            c.routes.before(this::guardRequest);
            // A WebSocket upgrade skips the HTTP before-handlers: without this the old stream path would answer 101
            // to anyone, token or not, from any Host.
            c.routes.wsBeforeUpgrade(requestGuard::checkUpgrade);
            c.routes.after(ctx -> {
                Long t0 = ctx.attribute("veritas.t0");
                if (t0 != null && !ctx.path().endsWith("/events")) {
                    ops.recordResponse(ctx.statusCode(), System.nanoTime() - t0);
                }
            });
            c.routes.get("/api/health", ops::health);
            c.routes.get("/api/metrics", ops::metrics);
            if (role.servesApi()) {
                c.routes.post("/api/audits", audits::submit);
                c.routes.get("/api/audits", audits::history);
                c.routes.get("/api/audits/compare", audits::compare);
                c.routes.get("/api/audits/history", legacy::history);
                c.routes.post("/api/audits/compare", legacy::compare);
                c.routes.get("/api/audits/{id}", audits::get);
                c.routes.delete("/api/audits/{id}", audits::delete);
                c.routes.post("/api/audits/{id}/cancel", audits::cancel);
                c.routes.get("/api/audits/{id}/screenshots/{index}", audits::screenshot);
                c.routes.get("/api/audits/{id}/export", audits::export);
                c.routes.before("/api/audits/{id}/events", audits::checkEventsRequest);
                c.routes.sse("/api/audits/{id}/events", audits::events);
                c.routes.post("/api/audit/start", legacy::start);
                c.routes.get("/api/audit/{id}/status", legacy::status);
                c.routes.ws("/api/audit/stream/{id}", legacy::stream);
                for (String page : new String[] {"/audits/{id}", "/history", "/compare", "/sites/{host}"}) {
                    c.routes.get(page, VeritasServer::indexPage);
                }
            }
            c.routes.exception(Problem.class, (e, ctx) -> {
                if (e.retryAfterSeconds > 0) {
                    ctx.header("Retry-After", Long.toString(e.retryAfterSeconds));
                }
                problem(ctx, e.status, e.title, e.getMessage());
            });
            c.routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> methodNotAllowed(ctx, e));
            c.routes.exception(AuditNotFoundException.class, (e, ctx) -> problem(ctx, 404, "Not found", e.getMessage()));
            c.routes.exception(IllegalTransitionException.class, (e, ctx) -> problem(ctx, 409, "Conflict", e.getMessage()));
            c.routes.exception(StoreUnavailableException.class, (e, ctx) -> problem(ctx, 503, "Store unavailable", e.getMessage()));
            c.routes.exception(IllegalArgumentException.class, (e, ctx) -> problem(ctx, 400, "Bad request", e.getMessage()));
            c.routes.exception(HttpException.RuntimeException.class,
                    (e, ctx) -> problem(ctx, e.getCode(), ProblemErrorHandler.title(e.getCode()), ProblemErrorHandler.detail(e.getCode(), e.getReason())));
            c.routes.exception(Exception.class, (e, ctx) -> {
                log.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, 500, "Internal error", "something went wrong on the server; the log has the details");
            });
            c.routes.error(404, "*", ctx -> {
                if (!role.servesApi() && !isProblem(ctx)) {
                    problem(ctx, 404, "Not found", "this is a worker node: it runs audits and answers only /api/health and /api/metrics; "
                            + "send API and web UI requests to an API node");
                } else if (ctx.path().startsWith("/api/") && !isProblem(ctx)) {
                    problem(ctx, 404, "Not found", "no such endpoint: " + ctx.method() + " " + Requests.shorten(ctx.path()));
                } else if (wantsPage(ctx)) {
                    // A person who typed a wrong address gets the UI's own "Page not found", still with status 404.
                    indexPage(ctx);
                    ctx.status(404);
                }
            });
            c.routes.error(405, "*", ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, 405, "Method not allowed", ctx.method() + " is not allowed on " + Requests.shorten(ctx.path()));
                }
            });
            c.routes.error(413, "*", ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, 413, "Request body too large", "request bodies are limited to 64 KiB");
                }
            });
        });
    }

    private static boolean isProblem(Context ctx) {
        String t = ctx.res().getContentType();
        return t != null && t.startsWith("application/problem+json");
    }

    /** Recovers interrupted audits, starts the workers and the HTTP listener. */
    public VeritasServer start() {
        RecoveryReport r = store.recoverInterrupted();
        if (!r.isEmpty()) {
            log.info("re-queued {} interrupted audits, gave up on {}", r.requeued().size(), r.failed().size());
        }
        workers.start();
        // Leases of workers on other nodes (or a killed process whose pid was reused) expire: sweep regularly.
        housekeeping.scheduleWithFixedDelay(this::sweep, 30, 30, TimeUnit.SECONDS);
        app.start();
        metrics.bindJetty(app.jettyServer().server());
        log.info("Veritas listening on http://{}:{}/ (role: {}, node: {}, store: {}, workers: {}, token: {})", config.host(), port(),
                config.role().wire(), OpsApi.nodeId(), store.describe(), workers.size(), config.token().isPresent() ? "required" : "none");
        return this;
    }

    private void sweep() {
        try {
            RecoveryReport r = store.recoverInterrupted();
            if (!r.isEmpty()) {
                log.info("re-queued {} audits whose worker stopped", r.requeued().size());
                workers.wake();
            }
        } catch (RuntimeException e) {
            log.warn("recovery sweep failed: {}", e.getMessage());
        }
    }

    /** Tells idle workers there is queued work (for audits queued through the store directly). */
    public void wakeWorkers() {
        workers.wake();
    }

    public int port() {
        return app.port();
    }

    private void guardRequest(Context ctx) {
        ctx.attribute("veritas.t0", System.nanoTime());
        requestGuard.check(ctx);
    }

    private static boolean wantsPage(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.method().name().equals("GET") && accept != null && accept.contains("text/html");
    }

    private static void indexPage(Context ctx) throws Exception {
        try (var in = VeritasServer.class.getResourceAsStream("/public/index.html")) {
            if (in == null) {
                throw Problem.notFound("the web UI is not part of this build");
            }
            UI_HEADERS.forEach(ctx::header);
            ctx.contentType("text/html; charset=utf-8").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static void problem(Context ctx, int status, String title, String detail) {
        ctx.result(problemBody(ctx, status, title, detail));
    }

    /** Sets the status and type of a problem answer and returns its body. */
    static byte[] problemBody(Context ctx, int status, String title, String detail) {
        ctx.status(status);
        // Details quote paths, URLs and "…": without a charset Jetty encodes the text as ISO-8859-1 and they arrive as "?".
        ctx.contentType("application/problem+json; charset=utf-8");
        return Json.write(Problem.Body.of(status, title, detail, Optional.of(ctx.path()))).getBytes(StandardCharsets.UTF_8);
    }

    /** 405 with the Allow header RFC 9110 asks for, listing the methods this path has. */
    private static void methodNotAllowed(Context ctx, MethodNotAllowedResponse e) {
        String allowed = e.getDetails().values().stream().findFirst().orElse("");
        if (!allowed.isBlank()) {
            ctx.header("Allow", allowed);
        }
        problem(ctx, 405, "Method not allowed", ctx.method() + " is not allowed on " + Requests.shorten(ctx.path())
                + (allowed.isBlank() ? "" : "; use " + allowed));
    }

    /**
     * Stops taking work, lets running audits finish within the grace period, re-queues the rest (keeping their attempt
     * count: a shutdown is not the audit's fault), stops the listener and closes the store (which checkpoints the WAL).
     */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        // Before anything closes: an audit that breaks from here on is handed back to the queue, not failed.
        engine.shuttingDown();
        log.info("shutting down: letting running audits finish for up to {} s", config.shutdownGrace().toSeconds());
        housekeeping.shutdownNow();
        // Workers stop first and give back their own audits; only those stuck past the grace period are re-queued
        // here, and the engine will not fail them afterwards because it no longer owns them.
        for (Lease lease : workers.stop(config.shutdownGrace())) {
            try {
                if (store.release(lease, Engine.SHUTDOWN_REASON)) {
                    log.info("re-queued audit {} for the next start", lease.auditId());
                }
            } catch (RuntimeException e) {
                log.warn("could not re-queue audit {} ({}); the next start's recovery does", lease.auditId(), e.getMessage());
            }
        }
        streams.close();
        app.stop();
        pdf.close();
        engine.close();
        store.close();
        metrics.close();
        log.info("stopped");
    }

    @Override
    public void close() {
        stop();
    }

    PdfPrinter pdfPrinter() {
        return pdf;
    }

    Duration heartbeat() {
        return config.heartbeat();
    }
}
