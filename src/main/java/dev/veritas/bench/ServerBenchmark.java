package dev.veritas.bench;

import com.sun.net.httpserver.HttpServer;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.Tier;
import dev.veritas.engine.EngineOptions;
import dev.veritas.json.Json;
import dev.veritas.metrics.LatencyHistogram;
import dev.veritas.server.ServerConfig;
import dev.veritas.server.VeritasServer;
import dev.veritas.store.Claim;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import dev.veritas.audit.AuditStatus;
import dev.veritas.store.HistoryQuery;
import java.util.Collections;
import java.util.Locale;
/**
 * {@code veritas bench server}: requests per second and latency of the API under 32 concurrent clients on a
 * store of 10,000 audits while two audits run, compared in the same run with the same reads made on the store
 * directly; and the latency of fanning one audit's events out to 200 SSE subscribers.
 */
public final class ServerBenchmark {
    private final Path workDir;
    private final int audits;
    private final int clients;
    private final Duration phase;
    private final int subscribers;
    private final PrintWriter out;

    public ServerBenchmark(Path workDir, int audits, int clients, Duration phase, int subscribers, PrintWriter out) {
        this.workDir = workDir;
        this.audits = audits;
        this.clients = clients;
        this.phase = phase;
        this.subscribers = subscribers;
        this.out = out;
    }

    record Load(double perSecond, double p50, double p99, long errors) {}

    public int run() throws Exception {
        HttpServer target = targetSite();
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(workDir))) {
            long t0 = System.nanoTime();
            List<AuditId> ids = fill(store);
            out.printf("filled %,d audits (20 findings each) in %.1f s%n", ids.size(), (System.nanoTime() - t0) / 1e9);
            EngineOptions engine = EngineOptions.defaults().withAllowPrivate(true);
            VeritasServer server = new VeritasServer(ServerConfig.local(0, engine).withWorkers(2), store).start();
            try {
                String site = "http://127.0.0.1:" + target.getAddress().getPort() + "/";
                for (int i = 0; i < Integer.getInteger("bench.queued", 300); i++) {
                    store.create(NewAudit.of(site, Tier.QUICK_SCAN)); // enough queued work to keep both workers busy throughout
                }
                server.wakeWorkers();
                awaitRunning(store, Math.min(2, Integer.getInteger("bench.queued", 300)));
                out.printf("%d audits running (%s), %d clients, %d s per measurement, %d cores%n%n",
                        store.countByStatus().get(AuditStatus.RUNNING), engine.browser().wire(), clients,
                        phase.toSeconds(), Runtime.getRuntime().availableProcessors());
                out.flush();

                Load storeGet = load(i -> { store.get(ids.get(ThreadLocalRandom.current().nextInt(ids.size()))); return 200; }, null);
                Load firstReads = firstReads(ids, server.port());
                Load httpGet = load(null, i -> "/api/audits/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())).value(), server.port());
                Load storeHistory = load(i -> { store.history(HistoryQuery.all()); return 200; }, null);
                Load httpHistory = load(null, i -> "/api/audits?limit=20", server.port());
                int running = store.countByStatus().get(AuditStatus.RUNNING).intValue();
                LatencyHistogram fanout = sseFanout(store, server.port());

                out.printf("%-34s %12s %10s %10s %8s%n", "measurement", "per second", "p50 ms", "p99 ms", "errors");
                row("store.get (in process, baseline)", storeGet);
                row("GET /api/audits/{id} first read", firstReads);
                row("GET /api/audits/{id}", httpGet);
                row("store.history (in process)", storeHistory);
                row("GET /api/audits?limit=20", httpHistory);
                out.printf("%nHTTP / in-process: get %.0f%%, history %.0f%%%n", httpGet.perSecond() / storeGet.perSecond() * 100,
                        httpHistory.perSecond() / storeHistory.perSecond() * 100);
                out.printf("SSE fan-out to %d subscribers: p50 %.2f ms, p99 %.2f ms over %,d deliveries (commit to receipt)%n",
                        subscribers, fanout.percentileMillis(0.5), fanout.percentileMillis(0.99), fanout.count());
                out.printf("audits still running at the end: %d%n%n", running);
                out.printf(Locale.ROOT, "RESULT get_rps=%.0f get_p99_ms=%.2f history_rps=%.0f history_p99_ms=%.2f sse_p99_ms=%.2f errors=%d%n",
                        httpGet.perSecond(), httpGet.p99(), httpHistory.perSecond(), httpHistory.p99(), fanout.percentileMillis(0.99),
                        httpGet.errors() + httpHistory.errors());
                out.flush();
            } finally {
                for (AuditId id : store.history(HistoryQuery.builder().status(AuditStatus.QUEUED)
                        .limit(200).build()).items().stream().map(s -> s.id()).toList()) {
                    store.cancel(id, "benchmark over");
                }
                server.stop();
            }
        } finally {
            target.stop(0);
        }
        return 0;
    }

    private void row(String name, Load l) {
        out.printf(Locale.ROOT, "%-34s %12.0f %10.2f %10.2f %8d%n", name, l.perSecond(), l.p50(), l.p99(), l.errors());
    }

    private List<AuditId> fill(SqliteAuditStore store) throws Exception {
        List<AuditId> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> fs = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            fs.add(pool.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < audits) {
                    Claim a = store.createRunning(NewAudit.of("https://site" + (n % 500) + ".example/p" + n, Tier.STANDARD_AUDIT),
                            WorkerId.current().named("fill"), Duration.ofMinutes(5));
                    store.complete(a.lease(), StoreWorkload.result(n));
                    ids.add(a.audit().id());
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return new ArrayList<>(ids);
    }

    /** Either calls {@code direct} in process or GETs the path from {@code http}, from {@code clients} threads. */
    private Load load(IntFunction<Integer> direct, IntFunction<String> http, int... port) throws Exception {
        LatencyHistogram h = new LatencyHistogram();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            fs.add(pool.submit(() -> {
                try (KeepAliveClient client = http == null ? null : new KeepAliveClient("127.0.0.1", port[0])) {
                    int i = 0;
                    while (!stop.get()) {
                        long t = System.nanoTime();
                        int code;
                        try {
                            code = http == null ? direct.apply(i) : client.get(http.apply(i));
                        } catch (IOException | RuntimeException e) {
                            code = -1;
                        }
                        if (measuring.get()) {
                            h.record(System.nanoTime() - t);
                            done.incrementAndGet();
                            if (code != 200) {
                                errors.incrementAndGet();
                            }
                        }
                        i++;
                    }
                }
                return null;
            }));
        }
        TimeUnit.SECONDS.sleep(2); // warm-up: the measurement starts once JIT and caches have settled
        measuring.set(true);
        long start = System.nanoTime();
        TimeUnit.NANOSECONDS.sleep(phase.toNanos());
        long n = done.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return new Load(n / seconds, h.percentileMillis(0.5), h.percentileMillis(0.99), errors.get());
    }

    /**
     * Reads every audit once, as a server that has just started would: each read builds and caches the answer.
     * Finished audits never change, so the steady state measured after this serves them from the cache.
     */
    private Load firstReads(List<AuditId> ids, int port) throws Exception {
        LatencyHistogram h = new LatencyHistogram();
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> fs = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            fs.add(pool.submit(() -> {
                try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", port)) {
                    int i;
                    while ((i = next.getAndIncrement()) < ids.size()) {
                        long t = System.nanoTime();
                        if (client.get("/api/audits/" + ids.get(i).value()) != 200) {
                            errors.incrementAndGet();
                        }
                        h.record(System.nanoTime() - t);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Load(ids.size() / seconds, h.percentileMillis(0.5), h.percentileMillis(0.99), errors.get());
    }

    /** Appends events to a running audit at a steady rate while {@code subscribers} SSE clients follow it. */
    private LatencyHistogram sseFanout(SqliteAuditStore store, int port) throws Exception {
        Claim a = store.createRunning(NewAudit.of("https://fanout.example/", Tier.QUICK_SCAN), WorkerId.current().named("bench"), Duration.ofMinutes(5));
        LatencyHistogram h = new LatencyHistogram();
        CountDownLatch connected = new CountDownLatch(subscribers);
        ExecutorService pool = Executors.newFixedThreadPool(subscribers);
        List<Future<?>> fs = new ArrayList<>();
        for (int s = 0; s < subscribers; s++) {
            fs.add(pool.submit(() -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    OutputStream o = socket.getOutputStream();
                    o.write(("GET /api/audits/" + a.audit().id().value() + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    o.flush();
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    String line;
                    boolean counted = false;
                    while ((line = in.readLine()) != null) {
                        if (!counted && line.startsWith("event:")) {
                            counted = true;
                            connected.countDown();
                        }
                        int at = line.indexOf("\"sent_ns\":");
                        if (line.startsWith("data:") && at > 0) {
                            long sent = Long.parseLong(line.substring(at + 10).replaceAll("[^0-9].*", ""));
                            h.record(System.nanoTime() - sent);
                        }
                        if (line.startsWith("event: audit_")) {
                            break;
                        }
                    }
                }
                return null;
            }));
        }
        if (!connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("SSE subscribers did not connect");
        }
        for (int i = 0; i < 100; i++) {
            store.appendEvent(a.lease(), "log_entry", Json.object().put("message", "bench " + i).put("sent_ns", System.nanoTime()));
            TimeUnit.MILLISECONDS.sleep(20); // a steady 50 events per second, as a busy audit writes them
        }
        store.fail(a.lease(), "benchmark over");
        for (Future<?> f : fs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return h;
    }

    private static void awaitRunning(SqliteAuditStore store, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (store.countByStatus().get(AuditStatus.RUNNING) < n && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50); // waiting for the workers to pick up work; not a measurement
        }
    }

    /** A small shop page the running audits visit, served on loopback by the benchmark itself. */
    private static HttpServer targetSite() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("<!doctype html><html><head><meta charset=utf-8><title>Bench shop</title></head><body><h1>Bench shop</h1>"
                + "<p>Only 3 left in stock!</p><p>Free shipping over $50.</p><a href='/privacy'>Privacy</a> <a href='/contact'>Contact</a>"
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        s.createContext("/", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        s.setExecutor(Executors.newFixedThreadPool(4));
        s.start();
        return s;
    }
}
