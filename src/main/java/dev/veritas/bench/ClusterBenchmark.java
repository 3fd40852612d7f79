package dev.veritas.bench;

import dev.veritas.audit.Tier;
import dev.veritas.store.postgres.PostgresUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code veritas bench cluster}: audits per minute with 1, 2 and 3 worker nodes on one PostgreSQL, each node its own
 * process, behind one API node, as `veritas serve --role` runs them. Each round gets a database of its own (created
 * and dropped here), warms every node's browser with one audit per worker, then times a batch of audits of the built-in
 * shop from submission to the last completion.
 *
 * <p>On one machine the nodes share its cores: each worker node's Chromium competes with the others, so the ratio to
 * one node shows how far this machine's cores carry, not how far a cluster of machines scales. What scales across
 * machines is what does not share: browsers and page work are per node; the shared parts are PostgreSQL (a claim, a
 * few dozen event rows and one result per audit) and the API node.
 */
public final class ClusterBenchmark {
    private static final Pattern COUNT = Pattern.compile("^veritas_audits\\{status=\"(completed|failed|cancelled)\"} (\\d+)$", Pattern.MULTILINE);
    private static final long START_SECONDS = 120;

    private final Path workDir;
    private final PostgresUrl admin;
    private final List<Integer> nodeCounts;
    private final int audits;
    private final int workersPerNode;
    private final Tier tier;
    private final Duration deadline;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ClusterBenchmark(Path workDir, PostgresUrl admin, List<Integer> nodeCounts, int audits, int workersPerNode, Tier tier,
            Duration deadline, PrintWriter out) {
        this.workDir = workDir;
        this.admin = admin;
        this.nodeCounts = List.copyOf(nodeCounts);
        this.audits = audits;
        this.workersPerNode = workersPerNode;
        this.tier = tier;
        this.deadline = deadline;
        this.out = out;
    }

    record Round(int nodes, int audits, double seconds, int failed) {
        double perMinute() {
            return audits * 60.0 / seconds;
        }
    }

    public int run() throws Exception {
        BenchSite shop = BenchSite.shop();
        String target = shop.url();
        out.printf(Locale.ROOT, "%d %s audits of the built-in shop per round; worker nodes of %d worker(s) each; one API node; "
                + "%d cores on this machine%n%n", audits, tier.wire(), workersPerNode, Runtime.getRuntime().availableProcessors());
        out.flush();
        List<Round> rounds = new ArrayList<>();
        try {
            for (int n : nodeCounts) {
                Round r = round(n, target);
                rounds.add(r);
                out.printf(Locale.ROOT, "%d worker node(s): %d audits in %.1f s = %.1f audits/min%s%n", n, r.audits(), r.seconds(), r.perMinute(),
                        r.failed() > 0 ? " (" + r.failed() + " failed)" : "");
                out.flush();
            }
        } finally {
            shop.close();
        }
        Round base = rounds.get(0);
        out.println();
        out.printf(Locale.ROOT, "%-13s %10s %10s %12s %10s%n", "worker nodes", "audits", "seconds", "audits/min", "vs " + base.nodes());
        for (Round r : rounds) {
            out.printf(Locale.ROOT, "%-13d %10d %10.1f %12.1f %9.2fx%n", r.nodes(), r.audits(), r.seconds(), r.perMinute(), r.perMinute() / base.perMinute());
        }
        out.println();
        out.println("All nodes share this machine's cores, so the ratios measure contention here, not how a cluster of machines scales:");
        out.println("browsers and page work run per node; PostgreSQL (claims, events, results) and the API node are what nodes share.");
        StringBuilder result = new StringBuilder("RESULT");
        for (Round r : rounds) {
            result.append(String.format(Locale.ROOT, " nodes%d_audits_per_min=%.1f", r.nodes(), r.perMinute()));
        }
        for (Round r : rounds.subList(1, rounds.size())) {
            result.append(String.format(Locale.ROOT, " ratio_%d_vs_%d=%.2f", r.nodes(), base.nodes(), r.perMinute() / base.perMinute()));
        }
        out.println(result);
        out.flush();
        return rounds.stream().anyMatch(r -> r.failed() > 0) ? 1 : 0;
    }

    private Round round(int nodes, String target) throws Exception {
        String database = "veritas_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        List<NodeProcess> started = new ArrayList<>();
        try {
            String url = nodeUrl(database);
            Path dir = Files.createDirectories(workDir.resolve(database));
            NodeProcess api = NodeProcess.start("the API node", dir, List.of("--role", "api", "--data", dir.resolve("api").toString(),
                    "--database-url", url, "--allow-private"));
            started.add(api);
            for (int i = 1; i <= nodes; i++) {
                started.add(NodeProcess.start("worker node " + i, dir, List.of("--role", "worker", "--workers", Integer.toString(workersPerNode),
                        "--data", dir.resolve("worker-" + i).toString(), "--database-url", url, "--allow-private")));
            }
            URI base = URI.create("http://127.0.0.1:" + api.awaitPort(START_SECONDS) + "/");
            for (NodeProcess w : started.subList(1, started.size())) {
                w.awaitPort(START_SECONDS);
            }
            // Warm-up: one audit per worker, so the measured batch does not pay for browser launches.
            int warmUp = nodes * workersPerNode;
            submit(base, target, warmUp);
            awaitEnded(base, warmUp);
            long t0 = System.nanoTime();
            submit(base, target, audits);
            int[] ended = awaitEnded(base, warmUp + audits);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Round(nodes, audits, seconds, ended[1]);
        } finally {
            for (NodeProcess p : started) {
                p.close();
            }
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private void submit(URI base, String target, int n) throws IOException, InterruptedException {
        String body = "{\"url\":\"" + target + "\",\"tier\":\"" + tier.wire() + "\"}";
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/audits")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                throw new IllegalStateException("the API node refused an audit: " + r.statusCode() + " " + r.body());
            }
        }
    }

    /** Waits until {@code total} audits have ended; returns {ended, not completed}. Polls the API node's metrics. */
    private int[] awaitEnded(URI base, int total) throws IOException, InterruptedException {
        long stopAt = System.nanoTime() + deadline.toNanos();
        while (true) {
            String metrics = http.send(HttpRequest.newBuilder(base.resolve("/api/metrics")).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            int ended = 0;
            int notCompleted = 0;
            Matcher m = COUNT.matcher(metrics);
            while (m.find()) {
                int n = Integer.parseInt(m.group(2));
                ended += n;
                if (!m.group(1).equals("completed")) {
                    notCompleted += n;
                }
            }
            if (ended >= total) {
                return new int[] {ended, notCompleted};
            }
            if (System.nanoTime() > stopAt) {
                throw new IllegalStateException("only " + ended + " of " + total + " audits ended within " + deadline.toSeconds()
                        + " s; raise --deadline or lower --audits");
            }
            Thread.sleep(200); // the measurement's resolution; a few tenths of a second against a run of a minute
        }
    }

    /** The URL the nodes use: the given server and credentials, this round's database. */
    private String nodeUrl(String database) {
        URI u = URI.create(admin.jdbcUrl().substring("jdbc:".length()));
        StringBuilder query = new StringBuilder(u.getRawQuery() == null ? "" : u.getRawQuery());
        admin.user().ifPresent(v -> query.append(query.length() > 0 ? "&" : "").append("user=").append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        admin.password().ifPresent(v -> query.append(query.length() > 0 ? "&" : "").append("password=").append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return "jdbc:postgresql://" + u.getRawAuthority() + "/" + database + (query.length() > 0 ? "?" + query : "");
    }

    private void execute(String sql) throws SQLException {
        Properties p = new Properties();
        admin.user().ifPresent(v -> p.setProperty("user", v));
        admin.password().ifPresent(v -> p.setProperty("password", v));
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), p); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
