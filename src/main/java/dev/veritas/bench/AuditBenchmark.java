package dev.veritas.bench;

import dev.veritas.audit.Audit;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.TargetUrl;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.engine.Engine;
import dev.veritas.engine.EngineOptions;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code veritas bench audit}: how long audits take and where the time goes, phase by phase — the engine's phases
 * and, inside the capture, the browser's steps (start, navigation, load, settling, extraction, screenshots, the
 * second look, the reload). Each scenario runs once to warm up (that run launches the browser, as a server's first
 * audit does) and then {@code runs} times in the same process with the browser kept, as a server runs them; the
 * medians are printed. Then the same quick scan as a fresh {@code veritas audit} process, beside the start of a
 * bare JVM, so that a fresh process's cost is seen as a ratio to the warm audit measured in the same run: started as
 * {@code ./veritas audit} starts it, with the class data sharing archive the launcher records on the first run after a
 * build (recorded here the same way when there is none yet), and again without it.
 *
 * <p>By default it audits two sites served on loopback, the same work on every machine: a quick scan of a news
 * article of realistic weight ({@link NewsPage}) and a standard audit of the built-in 5-page shop.
 */
public final class AuditBenchmark {
    /** What to audit: a built-in site, a saved page served on loopback, or a live URL. */
    public sealed interface Target permits Shop, News, SavedPage, Live {}

    public record Shop() implements Target {}

    public record News() implements Target {}

    public record SavedPage(Path file) implements Target {}

    public record Live(String url) implements Target {}

    public record Scenario(Target target, Tier tier) {}

    private static final Duration FRESH_PROCESS_LIMIT = Duration.ofMinutes(3);

    private final Path workDir;
    private final List<Scenario> scenarios;
    private final int runs;
    private final boolean freshProcess;
    private final Optional<Path> cdsArchive;
    private final EngineOptions options;
    private final PrintWriter out;

    /**
     * @param cdsArchive the class data sharing archive that {@code ./veritas audit} maps, when there is one: the fresh
     *                   processes use it as the command would
     */
    public AuditBenchmark(Path workDir, List<Scenario> scenarios, int runs, boolean freshProcess, Optional<Path> cdsArchive,
                          EngineOptions options, PrintWriter out) {
        this.workDir = workDir;
        this.scenarios = List.copyOf(scenarios);
        this.runs = runs;
        this.freshProcess = freshProcess;
        this.cdsArchive = cdsArchive;
        this.options = options;
        this.out = out;
    }

    public int run() throws Exception {
        boolean local = scenarios.stream().anyMatch(s -> !(s.target() instanceof Live));
        Map<String, Long> result = new LinkedHashMap<>();
        long warmQuick = -1;
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(workDir.resolve("store")));
             Engine engine = new Engine(store, local ? options.withAllowPrivate(true) : options)) {
            for (Scenario s : scenarios) {
                try (BenchSite site = open(s.target())) {
                    String url = site == null ? ((Live) s.target()).url() : site.url();
                    long median = measure(engine, store, s.tier(), url, site == null ? url : site.name());
                    result.put(s.tier().wire() + "_ms_median", median);
                    if (s.tier() == Tier.QUICK_SCAN && warmQuick < 0) {
                        warmQuick = median;
                    }
                }
            }
        }
        if (freshProcess) {
            Scenario s = scenarios.stream().filter(x -> x.tier() == Tier.QUICK_SCAN).findFirst().orElse(new Scenario(new News(), Tier.QUICK_SCAN));
            try (BenchSite site = open(s.target())) {
                String url = site == null ? ((Live) s.target()).url() : site.url();
                List<String> audit = List.of("audit", url, "--tier", "quick_scan", "--local", "--json", "--data", workDir.resolve("fresh").toString(),
                        "--allow-private");
                Optional<Path> archive = cdsArchive;
                if (archive.isPresent() && !current(archive.get())) {
                    archive = record(archive.get(), audit);
                }
                long jvm = freshProcesses("a bare JVM (veritas --version)", List.of("--version"), archive);
                result.put("jvm_start_ms_median", jvm);
                // What `./veritas audit` gives: with the archive the launcher records on the first run after a build; and without.
                long fresh = freshProcesses("a fresh process: veritas audit URL --tier quick_scan --local", audit, archive);
                result.put("fresh_quick_scan_ms_median", fresh);
                if (archive.isPresent()) {
                    long bare = freshProcesses("the same without class data sharing (VERITAS_NO_CDS=1)", audit, Optional.empty());
                    result.put("fresh_quick_scan_no_cds_ms_median", bare);
                }
                if (warmQuick > 0) {
                    out.printf(Locale.ROOT, "fresh process / warm in-process quick scan: %.2f×%n", (double) fresh / warmQuick);
                }
            }
        }
        out.println();
        StringBuilder line = new StringBuilder("RESULT");
        result.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        line.append(" runs=").append(runs);
        out.println(line);
        out.flush();
        return 0;
    }

    private static BenchSite open(Target t) throws IOException {
        if (t instanceof Shop) {
            return BenchSite.shop();
        }
        if (t instanceof News) {
            return BenchSite.news();
        }
        if (t instanceof SavedPage p) {
            return BenchSite.file(p.file());
        }
        return null;
    }

    /** A warm-up and {@code runs} measured audits of {@code url}; prints the phase table; returns the median total. */
    private long measure(Engine engine, SqliteAuditStore store, Tier tier, String url, String name) {
        out.printf("%s of %s: 1 warm-up (launches the browser) + %d runs in this process%n", tier.wire(), name, runs);
        out.flush();
        Map<String, Long> warmUp = null;
        List<Map<String, Long>> rows = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            Instant started = Instant.now();
            Audit a = engine.audit(new NewAudit(TargetUrl.parse(url), tier, VerdictMode.EXPERT), WorkerId.current().named("bench"), id -> { });
            Instant ended = Instant.now();
            Map<String, Long> row = AuditPhases.of(store.eventsAfter(a.id(), 0, 10_000), started, ended);
            out.printf(Locale.ROOT, "  %s: %s, score %s, %d pages, %d screenshots, %d ms%n", i == 0 ? "warm-up" : "run " + i, a.status().wire(),
                    a.result().map(r -> String.valueOf(r.trustScore())).orElse("-"), a.result().map(r -> r.pagesScanned()).orElse(0),
                    a.screenshots().size(), row.get("total"));
            out.flush();
            if (i == 0) {
                warmUp = row;
            } else {
                rows.add(row);
            }
        }
        out.printf(Locale.ROOT, "  %-14s %9s %9s %9s %9s%n", "phase (ms)", "warm-up", "median", "min", "max");
        for (String r : AuditPhases.ROWS) {
            List<Long> v = rows.stream().map(x -> x.get(r)).toList();
            out.printf(Locale.ROOT, "  %-14s %9d %9d %9d %9d%n", r, warmUp.get(r), median(v), v.stream().min(Long::compare).orElse(0L),
                    v.stream().max(Long::compare).orElse(0L));
        }
        out.println();
        out.flush();
        return median(rows.stream().map(x -> x.get("total")).toList());
    }

    /** Runs {@code runs} fresh Veritas processes with these arguments, one at a time; prints and returns the median wall time. */
    private long freshProcesses(String what, List<String> args, Optional<Path> archive) throws IOException, InterruptedException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> jvm = new ArrayList<>();
            archive.ifPresent(a -> jvm.add("-XX:SharedArchiveFile=" + a));
            times.add(freshProcess(what, jvm, args));
        }
        out.printf(Locale.ROOT, "%s: median %d ms (%s)%s%n", what, median(times), times,
                archive.map(a -> ", with the class data sharing archive " + a).orElse(", no class data sharing archive"));
        out.flush();
        return median(times);
    }

    /**
     * Records the class data sharing archive as {@code ./veritas} does on the first {@code audit} after a build (the
     * classes one fresh audit loads, written at its exit, whole or not at all); the archive, when one was written.
     */
    private Optional<Path> record(Path archive, List<String> args) throws IOException, InterruptedException {
        Files.createDirectories(archive.getParent());
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        long ms = freshProcess("recording the class data sharing archive", List.of("-Xlog:cds*=error:stderr", "-XX:ArchiveClassesAtExit=" + tmp), args);
        if (!Files.isRegularFile(tmp) || Files.size(tmp) == 0) {
            Files.deleteIfExists(tmp);
            out.printf(Locale.ROOT, "no class data sharing archive could be recorded (%d ms)%n", ms);
            return Optional.empty();
        }
        Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.printf(Locale.ROOT, "recorded the class data sharing archive %s, as the first ./veritas audit after a build does: %d ms%n", archive, ms);
        out.flush();
        return Optional.of(archive);
    }

    /** An archive the launcher would map: there, and newer than the jar (a rebuilt jar makes it stale). */
    private static boolean current(Path archive) {
        try {
            Path jar = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]);
            return Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** One fresh Veritas process with these JVM options and arguments; its wall time in milliseconds. */
    private long freshProcess(String what, List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        // The same JVM options this process was started with (the collector), its own archive's excepted.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-XX:ArchiveClassesAtExit") && !a.startsWith("-XX:SharedArchiveFile")).forEach(cmd::add);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(VeritasMain.CLASS_NAME);
        cmd.addAll(args);
        Path log = Files.createTempFile(workDir, "fresh-", ".log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(FRESH_PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(what + " did not end within " + FRESH_PROCESS_LIMIT.toMinutes() + " minutes; its output is in " + log);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (p.exitValue() != 0) {
            throw new IllegalStateException(what + " exited with " + p.exitValue() + ": " + String.join(" ", Files.readAllLines(log)).strip());
        }
        return ms;
    }

    private static long median(List<Long> values) {
        List<Long> v = new ArrayList<>(values);
        v.sort(Long::compare);
        return v.isEmpty() ? 0 : v.get(v.size() / 2);
    }
}
