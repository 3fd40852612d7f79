package dev.veritas.eval.pages;

import dev.veritas.audit.Audit;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.TargetUrl;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.engine.Engine;
import dev.veritas.engine.EngineOptions;
import dev.veritas.eval.pages.PageManifest.Row;
import dev.veritas.store.AuditStore;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits every row of a page corpus the way a visitor's browser would meet the page: each page is served on
 * loopback under its own host name, over HTTPS with a certificate from a CA made for this run, and over plain HTTP
 * (see {@link PlayedSites}); this run's engine — the same engine {@code veritas audit} uses — resolves those names
 * to that server and trusts that CA, and nothing else. The machine's DNS, {@code audit} and {@code serve} are
 * untouched. Audits are kept in a fresh data folder of their own.
 */
public final class PagesEval {
    private static final Logger log = LoggerFactory.getLogger(PagesEval.class);

    /** How to run: audits at once, the tier, where to keep the audits (empty: a temporary folder removed at the end). */
    public record Options(int parallel, Tier tier, Optional<Path> keepData, EngineOptions engine) {
        public Options {
            if (parallel < 1 || parallel > 16) {
                throw new IllegalArgumentException("--parallel must be 1 to 16 (got " + parallel + ")");
            }
        }
    }

    /** Told of each audit as it ends, from the thread that ran it. */
    public interface Listener {
        void finished(int done, int total, PageOutcome outcome);
    }

    private PagesEval() {}

    public static PagesReport run(PageManifest manifest, Options options, Listener listener) {
        PlayedSites sites = PlayedSites.of(manifest.rows());
        Path data = options.keepData().map(PagesEval::freshFolder).orElseGet(PagesEval::temporaryFolder);
        long started = System.nanoTime();
        try {
            RunCertificates certificates = RunCertificates.forHosts(sites.hosts());
            Path caPem = certificates.writeCaPem(data.resolve("eval-pages-ca.pem"));
            EngineOptions engineOptions = options.engine().withAllowPrivate(true).withTrustCa(Optional.of(caPem));
            List<PageOutcome> outcomes;
            try (CorpusServer server = CorpusServer.start(sites, certificates);
                 AuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(data));
                 Engine engine = new Engine(store, engineOptions.withNetwork(server.network()))) {
                outcomes = auditAll(manifest.rows(), options, engine, listener);
            }
            return new PagesReport(outcomes, options.parallel(), options.tier().wire(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the run in " + data + ": " + e.getMessage(), e);
        } finally {
            if (options.keepData().isEmpty()) {
                deleteQuietly(data);
            }
        }
    }

    private static List<PageOutcome> auditAll(List<Row> rows, Options options, Engine engine, Listener listener) {
        AtomicReferenceArray<PageOutcome> outcomes = new AtomicReferenceArray<>(rows.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(options.parallel(), rows.size()); w++) {
            Thread t = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < rows.size(); i = next.getAndIncrement()) {
                        PageOutcome o = auditOne(rows.get(i), options.tier(), engine);
                        outcomes.set(i, o);
                        listener.finished(done.incrementAndGet(), rows.size(), o);
                    }
                } finally {
                    engine.releaseThreadResources();
                }
            }, "eval-pages-" + (w + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        try {
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while auditing the pages", e);
        }
        List<PageOutcome> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PageOutcome o = outcomes.get(i);
            out.add(o != null ? o : PageOutcome.notRun(rows.get(i), "not audited: its worker stopped", Duration.ZERO));
        }
        return out;
    }

    private static PageOutcome auditOne(Row row, Tier tier, Engine engine) {
        long t0 = System.nanoTime();
        try {
            NewAudit request = new NewAudit(TargetUrl.parse(row.url().toString()), tier, VerdictMode.EXPERT);
            Audit audit = engine.audit(request, WorkerId.current().named("eval-pages"), id -> { });
            return PageOutcome.of(row, audit, Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            log.warn("audit of {} could not run", row.url(), e);
            return PageOutcome.notRun(row, e.getClass().getSimpleName() + ": " + e.getMessage(), Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    private static Path freshFolder(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (!Files.isDirectory(dir) || entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("--data " + dir + " must be a new or empty folder: each run keeps its audits apart");
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("--data " + dir + " cannot be used: " + e.getMessage());
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("veritas-eval-pages-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a temporary data folder: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("could not remove {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("could not remove the run's data folder {}: {}", dir, e.getMessage());
        }
    }
}
