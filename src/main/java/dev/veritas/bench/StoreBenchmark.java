package dev.veritas.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.Tier;
import dev.veritas.metrics.LatencyHistogram;
import dev.veritas.store.Claim;
import dev.veritas.store.HistoryPage;
import dev.veritas.store.HistoryQuery;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.store.sqlite.SqliteOptions.Synchronous;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code veritas bench store}: measures the store on the user's own disk and compares it, in the same run, with
 * SQLite's own limit (a C program writing the same unit through the C API, before and after Veritas' runs), a plain
 * JDBC writer in this process and the {@code sqlite3} shell. Ratios matter more than absolute numbers on a shared machine.
 */
public final class StoreBenchmark {
    private final Path workDir;
    private final int units;
    private final int producers;
    private final int historyAudits;
    private final PrintWriter out;

    public StoreBenchmark(Path workDir, int units, int producers, int historyAudits, PrintWriter out) {
        this.workDir = workDir;
        this.units = units;
        this.producers = producers;
        this.historyAudits = historyAudits;
        this.out = out;
    }

    /** {@code ackP50}/{@code ackP99}: per unit (all three store calls), not per call. */
    record WriteRun(String name, double unitsPerSecond, double ackP50, double ackP99, double meanBatch, double writerBusyPct,
                    Optional<Double> readerP50, Optional<Double> readerP99, long reads, double writerCpuMicros, double processCpuMicros) {}

    record HistoryRun(double firstP50, double firstP99, double deepP50, double deepP99, double offsetDeepP50, double offsetDeepP99) {}

    public int run() throws Exception {
        Files.createDirectories(workDir);
        out.printf("Veritas store benchmark in %s%n", workDir.toAbsolutePath());
        out.printf("unit = 1 audit + %d findings + %d events (+2 lifecycle events); %d producer threads; %d units per run; %d cores%n%n",
                StoreWorkload.FINDINGS, StoreWorkload.EVENTS, producers, units, Runtime.getRuntime().availableProcessors());
        out.flush();
        Optional<CApiBaseline> capi = buildCApi();
        // The limit is measured before and after Veritas' own runs: on a shared machine the load can change in between.
        Optional<Limit> before = capi.isPresent() ? Optional.of(limit(capi.get())) : Optional.empty();
        List<WriteRun> runs = new ArrayList<>();
        writeRun("warm-up", Synchronous.NORMAL, units, false); // JIT compilation and file-system caches; not reported
        runs.add(writeRun("veritas  synchronous=NORMAL", Synchronous.NORMAL, units, false));
        runs.add(writeRun("veritas  synchronous=FULL", Synchronous.FULL, units, false));
        WriteRun withReaders = writeRun("veritas  NORMAL + readers", Synchronous.NORMAL, units, true);
        runs.add(withReaders);
        Optional<Limit> after = capi.isPresent() ? Optional.of(limit(capi.get())) : Optional.empty();
        double jdbcNormal = jdbcRun("NORMAL");

        Optional<String> shell = Sqlite3ShellBaseline.sqlite3();
        Optional<Double> shellNormal = Optional.empty();
        Optional<Double> shellFull = Optional.empty();
        if (shell.isPresent()) {
            shellNormal = Optional.of(shellRun(shell.get(), "NORMAL"));
            shellFull = Optional.of(shellRun(shell.get(), "FULL"));
        }

        out.println("unit ack = one unit's 3 store calls, from the first call's submission to the last one's acknowledgement");
        out.printf("%-36s %10s %15s %15s %10s %12s %14s%n", "run", "units/s", "unit ack p50 ms", "unit ack p99 ms", "mean batch", "writer busy", "reader p50/p99");
        for (WriteRun r : runs) {
            out.printf("%-36s %10.0f %15.2f %15.2f %10.1f %11.0f%% %14s%n", r.name(), r.unitsPerSecond(), r.ackP50(), r.ackP99(), r.meanBatch(), r.writerBusyPct(),
                    r.readerP99().map(p -> String.format("%.2f/%.2f", r.readerP50().orElse(0.0), p)).orElse("-"));
        }
        before.ifPresent(l -> printLimit("before", l));
        after.ifPresent(l -> printLimit("after", l));
        out.printf("%-36s %10.0f%n", "plain JDBC  NORMAL, 1 txn/unit", jdbcNormal);
        shellNormal.ifPresent(v -> out.printf("%-36s %10.0f%n", "sqlite3 shell  NORMAL, 1 txn/unit", v));
        shellFull.ifPresent(v -> out.printf("%-36s %10.0f%n", "sqlite3 shell  FULL, 1 txn/unit", v));
        if (shell.isEmpty()) {
            out.println("sqlite3 shell not found: install it (apt-get install sqlite3) to compare against it");
        }
        out.println();
        WriteRun normal = runs.get(0);
        WriteRun full = runs.get(1);
        out.printf("SQLite %s in Veritas (sqlite-jdbc)%s%n", jdbcSqliteVersion(),
                before.map(l -> ", " + l.normal().sqliteVersion() + " in the C program (the system's library)").orElse(""));
        double pctCapi = Double.NaN;
        double fullTimesCapi = Double.NaN;
        if (before.isPresent() && after.isPresent()) {
            double cNormal = (before.get().normal().unitsPerSecond() + after.get().normal().unitsPerSecond()) / 2;
            double cFull = (before.get().full().unitsPerSecond() + after.get().full().unitsPerSecond()) / 2;
            pctCapi = normal.unitsPerSecond() / cNormal * 100;
            fullTimesCapi = full.unitsPerSecond() / cFull;
            out.printf("veritas NORMAL / C API NORMAL: %.0f%% (C API before %.0f, after %.0f units/s)%n", pctCapi,
                    before.get().normal().unitsPerSecond(), after.get().normal().unitsPerSecond());
            out.printf("veritas FULL   / C API FULL:   %.2fx (group commit vs one fsync per unit; C API before %.0f, after %.0f)%n",
                    fullTimesCapi, before.get().full().unitsPerSecond(), after.get().full().unitsPerSecond());
        }
        out.printf("veritas NORMAL / plain JDBC NORMAL: %.0f%%%n", normal.unitsPerSecond() / jdbcNormal * 100);
        // CPU time hardly changes when other programs compete for the cores, so these compare even on a loaded host.
        out.printf("CPU per unit at NORMAL: veritas writer thread %.0f us, whole process %.0f us%s%n", normal.writerCpuMicros(),
                normal.processCpuMicros(), before.isPresent() && after.isPresent()
                        ? String.format(", C API %.0f us (before) and %.0f us (after), checkpoints included",
                                before.get().normal().cpuMicrosPerUnit(), after.get().normal().cpuMicrosPerUnit())
                        : "");
        double pctShell = shellNormal.map(s -> normal.unitsPerSecond() / s * 100).orElse(Double.NaN);
        shellNormal.ifPresent(s -> out.printf("veritas NORMAL / sqlite3 NORMAL: %.0f%%%n", pctShell));
        shellFull.ifPresent(s -> out.printf("veritas FULL   / sqlite3 FULL:   %.0f%%%n", full.unitsPerSecond() / s * 100));
        out.printf("FULL / NORMAL: %.0f%%; with readers / without: %.0f%% (%d reads during the run)%n%n",
                full.unitsPerSecond() / normal.unitsPerSecond() * 100, withReaders.unitsPerSecond() / normal.unitsPerSecond() * 100, withReaders.reads());
        out.flush();

        HistoryRun h = historyRun();
        out.printf("history at %,d audits (page of 20 with total count):%n", historyAudits);
        out.printf("  first page           p50 %.2f ms  p99 %.2f ms%n", h.firstP50(), h.firstP99());
        out.printf("  5,000 rows deep      p50 %.2f ms  p99 %.2f ms  (cursor)%n", h.deepP50(), h.deepP99());
        out.printf("  5,000 rows deep      p50 %.2f ms  p99 %.2f ms  (OFFSET, for comparison: %.1fx the cursor)%n",
                h.offsetDeepP50(), h.offsetDeepP99(), h.offsetDeepP50() / Math.max(0.001, h.deepP50()));
        out.println();
        out.printf(Locale.ROOT, "RESULT units_per_s=%.0f pct_of_capi=%s full_x_capi=%s pct_of_sqlite3=%s ack_p99_ms=%.2f reader_p99_ms=%.2f history_deep_ms=%.2f%n",
                normal.unitsPerSecond(), orNa(pctCapi, "%.0f"), orNa(fullTimesCapi, "%.2f"), orNa(pctShell, "%.0f"), normal.ackP99(),
                withReaders.readerP99().orElse(Double.NaN), h.deepP99());
        out.flush();
        return 0;
    }

    /** The median ratio of Veritas' rate at NORMAL to the C API's, each Veritas run between two C runs. */
    public record Smoke(List<Double> ratios, double median, double writerCpuMicros, double capiCpuMicros) {}

    /**
     * A short comparison for CI: a warm-up, then {@code rounds} Veritas runs at NORMAL, each between two runs of the C
     * program, so load that comes and goes on a shared machine weighs on both sides of every ratio.
     */
    public Smoke smoke(int rounds) throws Exception {
        Files.createDirectories(workDir);
        CApiBaseline capi;
        Path dir = Files.createTempDirectory(workDir, "capi-");
        try {
            capi = CApiBaseline.build(dir);
        } catch (CApiBaseline.Unavailable e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        writeRun("warm-up", Synchronous.NORMAL, units, false);
        CApiBaseline.Run c = capiRun(capi, "NORMAL");
        List<Double> ratios = new ArrayList<>();
        List<Double> writerCpu = new ArrayList<>();
        List<Double> capiCpu = new ArrayList<>(List.of(c.cpuMicrosPerUnit()));
        for (int r = 0; r < rounds; r++) {
            WriteRun v = writeRun("veritas", Synchronous.NORMAL, units, false);
            CApiBaseline.Run next = capiRun(capi, "NORMAL");
            ratios.add(v.unitsPerSecond() / ((c.unitsPerSecond() + next.unitsPerSecond()) / 2));
            writerCpu.add(v.writerCpuMicros());
            capiCpu.add(next.cpuMicrosPerUnit());
            c = next;
        }
        return new Smoke(ratios, median(ratios), median(writerCpu), median(capiCpu));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The C program's rate at NORMAL and at FULL. */
    record Limit(CApiBaseline.Run normal, CApiBaseline.Run full) {}

    private Optional<CApiBaseline> buildCApi() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(workDir, "capi-");
        try {
            return Optional.of(CApiBaseline.build(dir));
        } catch (CApiBaseline.Unavailable e) {
            out.println("C-API baseline skipped: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Limit limit(CApiBaseline capi) throws Exception {
        return new Limit(capiRun(capi, "NORMAL"), capiRun(capi, "FULL"));
    }

    private CApiBaseline.Run capiRun(CApiBaseline capi, String synchronous) throws Exception {
        Path dir = Files.createTempDirectory(workDir, "capi-run-");
        try {
            SqliteAuditStore.open(SqliteOptions.defaults(dir)).close(); // same schema, made by the same migrations
            return capi.run(dir.resolve("veritas.db"), units, synchronous);
        } finally {
            deleteTree(dir);
        }
    }

    private void printLimit(String when, Limit l) {
        out.printf("%-36s %10.0f%n", "C API  NORMAL, 1 txn/unit (" + when + ")", l.normal().unitsPerSecond());
        out.printf("%-36s %10.0f%n", "C API  FULL, 1 txn/unit (" + when + ")", l.full().unitsPerSecond());
    }

    private double jdbcRun(String synchronous) throws Exception {
        Path dir = Files.createTempDirectory(workDir, "jdbc-");
        try {
            SqliteAuditStore.open(SqliteOptions.defaults(dir)).close();
            JdbcBaseline.run(dir.resolve("veritas.db"), 300, synchronous); // its own warm-up
            deleteTree(dir);
            Files.createDirectories(dir);
            SqliteAuditStore.open(SqliteOptions.defaults(dir)).close();
            return JdbcBaseline.run(dir.resolve("veritas.db"), Math.min(units, 2000), synchronous);
        } finally {
            deleteTree(dir);
        }
    }

    private static String jdbcSqliteVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sqlite_version()")) {
            return rs.next() ? rs.getString(1) : "?";
        }
    }

    private static String orNa(double value, String format) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
    }

    private WriteRun writeRun(String name, Synchronous sync, int count, boolean readers) throws Exception {
        Path dir = Files.createTempDirectory(workDir, "run-");
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir).withSynchronous(sync))) {
            // A few completed audits for the readers to fetch.
            List<AuditId> known = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Claim a = store.createRunning(NewAudit.of("https://known" + i + ".example/", Tier.QUICK_SCAN), WorkerId.current(), Duration.ofMinutes(5));
                store.complete(a.lease(), StoreWorkload.result(i));
                known.add(a.audit().id());
            }
            LatencyHistogram ack = new LatencyHistogram();
            LatencyHistogram reads = new LatencyHistogram();
            AtomicInteger next = new AtomicInteger();
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(producers + 1);
            Future<?> reader = null;
            if (readers) {
                for (int i = 0; i < 500; i++) {
                    // The read path's own warm-up (JIT): the measured reads are those made during the storm.
                    store.history(HistoryQuery.builder().limit(20).build());
                    store.get(known.get(i % known.size()));
                }
                reader = pool.submit(() -> {
                    int i = 0;
                    long nextAt = System.nanoTime();
                    while (writing.get()) {
                        // Paced, as people and UIs read: one history page and one audit every 4 ms.
                        long t0 = System.nanoTime();
                        store.history(HistoryQuery.builder().limit(20).build());
                        long t1 = System.nanoTime();
                        store.get(known.get(i++ % known.size()));
                        long t2 = System.nanoTime();
                        reads.record(t1 - t0);
                        reads.record(t2 - t1);
                        nextAt += 4_000_000;
                        long wait = nextAt - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    return null;
                });
            }
            double writerCpuBefore = store.writerStats().cpuMillis();
            long processCpuBefore = processCpuNanos();
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                workers.add(pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < count) {
                        StoreWorkload.unit(store, n, ack::record);
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double writerCpu = (store.writerStats().cpuMillis() - writerCpuBefore) * 1000 / count;
            double processCpu = (processCpuNanos() - processCpuBefore) / 1e3 / count;
            writing.set(false);
            if (reader != null) {
                reader.get();
            }
            pool.shutdown();
            double meanBatch = store.writerStats().meanBatch();
            double busy = store.writerStats().busyMillis() / 10 / seconds;
            return new WriteRun(name, count / seconds, ack.percentileMillis(0.50), ack.percentileMillis(0.99), meanBatch, busy,
                    readers ? Optional.of(reads.percentileMillis(0.50)) : Optional.empty(),
                    readers ? Optional.of(reads.percentileMillis(0.99)) : Optional.empty(), reads.count() / 2, writerCpu, processCpu);
        } finally {
            deleteTree(dir);
        }
    }

    private double shellRun(String sqlite3, String synchronous) throws Exception {
        Path dir = Files.createTempDirectory(workDir, "shell-");
        try {
            SqliteAuditStore.open(SqliteOptions.defaults(dir)).close(); // same schema, made by the same migrations
            return Sqlite3ShellBaseline.run(sqlite3, dir.resolve("veritas.db"), units, synchronous);
        } finally {
            deleteTree(dir);
        }
    }

    private HistoryRun historyRun() throws Exception {
        Path dir = Files.createTempDirectory(workDir, "history-");
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir))) {
            long t0 = System.nanoTime();
            fill(store);
            out.printf("(filled %,d audits in %.1f s)%n", historyAudits, (System.nanoTime() - t0) / 1e9);
            HistoryQuery first = HistoryQuery.builder().limit(20).build();
            Optional<String> cursor = Optional.empty();
            for (int seen = 0; seen < 5_000; seen += 20) {
                cursor = store.history(first.toBuilder().cursor(cursor.orElse(null)).build()).nextCursor();
            }
            HistoryQuery deep = first.toBuilder().cursor(cursor.orElseThrow()).build();
            LatencyHistogram firstPage = new LatencyHistogram();
            LatencyHistogram deepPage = new LatencyHistogram();
            for (int i = 0; i < 300; i++) {
                long a = System.nanoTime();
                HistoryPage p1 = store.history(first);
                long b = System.nanoTime();
                HistoryPage p2 = store.history(deep);
                long c = System.nanoTime();
                if (p1.items().size() != 20 || p2.items().size() != 20) {
                    throw new IllegalStateException("history returned a short page");
                }
                if (i >= 20) {
                    firstPage.record(b - a);
                    deepPage.record(c - b);
                }
            }
            LatencyHistogram offset = offsetBaseline(dir.resolve("veritas.db"));
            return new HistoryRun(firstPage.percentileMillis(0.5), firstPage.percentileMillis(0.99),
                    deepPage.percentileMillis(0.5), deepPage.percentileMillis(0.99),
                    offset.percentileMillis(0.5), offset.percentileMillis(0.99));
        } finally {
            deleteTree(dir);
        }
    }

    /** Fills the history with completed audits (no events or findings: history reads only the audits table). */
    private void fill(SqliteAuditStore store) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        List<Future<?>> fs = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            fs.add(pool.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < historyAudits) {
                    Claim a = store.createRunning(NewAudit.of("https://site" + (n % 5000) + ".example/p" + n, Tier.QUICK_SCAN), WorkerId.current(), Duration.ofMinutes(5));
                    store.complete(a.lease(), StoreWorkload.result(n).withoutFindings());
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
    }

    /** The naive way, LIMIT/OFFSET, for scale: it reads and throws away every row before the page. */
    private static LatencyHistogram offsetBaseline(Path db) throws SQLException {
        LatencyHistogram h = new LatencyHistogram();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement page = c.prepareStatement("SELECT * FROM audits ORDER BY seq DESC LIMIT 20 OFFSET 5000");
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM audits")) {
            for (int i = 0; i < 220; i++) {
                long a = System.nanoTime();
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        rs.getString("id");
                    }
                }
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                }
                if (i >= 20) {
                    h.record(System.nanoTime() - a);
                }
            }
        }
        return h;
    }

    private static void deleteTree(Path dir) throws IOException {
        WorkDir.delete(dir);
    }
}
