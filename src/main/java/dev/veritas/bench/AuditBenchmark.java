package dev.veritas.bench;

import com.sun.net.httpserver.HttpServer;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.TargetUrl;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.engine.Engine;
import dev.veritas.engine.EngineOptions;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * {@code veritas bench audit [URL]}: how long audits take end to end, phase by phase. Without a URL it audits a
 * small built-in shop (a home page with a ticking countdown and five linked pages) served on loopback, which is
 * the same work on every machine.
 */
public final class AuditBenchmark {
    private final Path workDir;
    private final Optional<String> url;
    private final Tier tier;
    private final int runs;
    private final EngineOptions options;
    private final PrintWriter out;

    public AuditBenchmark(Path workDir, Optional<String> url, Tier tier, int runs, EngineOptions options, PrintWriter out) {
        this.workDir = workDir;
        this.url = url;
        this.tier = tier;
        this.runs = runs;
        this.options = options;
        this.out = out;
    }

    public int run() throws Exception {
        HttpServer shop = url.isEmpty() ? builtInShop() : null;
        String target = url.orElseGet(() -> "http://127.0.0.1:" + shop.getAddress().getPort() + "/");
        EngineOptions engineOptions = url.isEmpty() ? options.withAllowPrivate(true) : options;
        List<Long> totals = new ArrayList<>();
        Map<String, List<Long>> phases = new LinkedHashMap<>();
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(workDir));
             Engine engine = new Engine(store, engineOptions)) {
            out.printf("auditing %s, %s, %d runs (the first launches the browser and is not counted)%n", target, tier.wire(), runs);
            if (url.isEmpty()) {
                out.println("(the built-in shop's countdown restarts on every load, so it is judged suspicious: the timer probe has work to do)");
            }
            out.println();
            out.flush();
            for (int i = 0; i <= runs; i++) {
                long t0 = System.nanoTime();
                Audit a = engine.audit(new NewAudit(TargetUrl.parse(target), tier, VerdictMode.EXPERT), WorkerId.current().named("bench"), id -> { });
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (i == 0) {
                    out.printf("warm-up: %s in %d ms%n", a.status().wire(), ms);
                    continue;
                }
                totals.add(ms);
                Map<String, Long> starts = new LinkedHashMap<>();
                for (AuditEvent e : store.eventsAfter(a.id(), 0, 10_000)) {
                    String phase = e.data().path("phase").asText("");
                    if (e.type().equals("phase_start")) {
                        starts.put(phase, e.createdAt().toEpochMilli());
                    } else if (e.type().equals("phase_complete") && starts.containsKey(phase)) {
                        phases.computeIfAbsent(phase, k -> new ArrayList<>()).add(e.createdAt().toEpochMilli() - starts.get(phase));
                    }
                }
                out.printf(Locale.ROOT, "run %d: %s, score %s, %d pages, %d screenshots, %d ms%n", i, a.status().wire(),
                        a.result().map(r -> String.valueOf(r.trustScore())).orElse("-"), a.result().map(r -> r.pagesScanned()).orElse(0),
                        a.screenshots().size(), ms);
                out.flush();
            }
        } finally {
            if (shop != null) {
                shop.stop(0);
            }
        }
        totals.sort(Long::compare);
        out.println();
        phases.forEach((p, list) -> out.printf(Locale.ROOT, "  phase %-9s median %6d ms%n", p, median(list)));
        out.printf(Locale.ROOT, "%nRESULT audit_ms_median=%d audit_ms_max=%d runs=%d tier=%s%n", median(totals), totals.get(totals.size() - 1),
                totals.size(), tier.wire());
        out.flush();
        return 0;
    }

    private static long median(List<Long> values) {
        List<Long> v = new ArrayList<>(values);
        v.sort(Long::compare);
        return v.get(v.size() / 2);
    }

    /** The built-in shop on a free loopback port (also the site of the cluster benchmark). */
    static HttpServer builtInShop() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String name = path.equals("/") ? "index.html" : path.substring(1);
            byte[] body = null;
            if (name.matches("[a-z]+\\.(html|css|js)")) {
                try (InputStream in = AuditBenchmark.class.getResourceAsStream("shop/" + name)) {
                    body = in == null ? null : in.readAllBytes();
                }
            }
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            String type = name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8";
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        s.setExecutor(Executors.newFixedThreadPool(4));
        s.start();
        return s;
    }
}
