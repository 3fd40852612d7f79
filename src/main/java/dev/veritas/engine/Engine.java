package dev.veritas.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.Finding;
import dev.veritas.audit.NewAudit;
import dev.veritas.capture.CaptureSource;
import dev.veritas.capture.ChromiumPageCapturer;
import dev.veritas.capture.HarReader;
import dev.veritas.capture.HttpFetcher;
import dev.veritas.capture.HttpPageCapturer;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.PageCaptureException;
import dev.veritas.capture.PageCapturer;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.TlsProbe;
import dev.veritas.capture.TrustConfig;
import dev.veritas.capture.UrlGuard;
import dev.veritas.capture.UrlRefusedException;
import dev.veritas.checks.Check;
import dev.veritas.checks.CheckOutcome;
import dev.veritas.checks.DarkPatternCheck;
import dev.veritas.checks.PhishingCheck;
import dev.veritas.checks.ScriptsCheck;
import dev.veritas.checks.SecurityHeadersCheck;
import dev.veritas.checks.SiteTypeCheck;
import dev.veritas.checks.TransparencyCheck;
import dev.veritas.checks.TransportCheck;
import dev.veritas.json.Json;
import dev.veritas.judge.Judge;
import dev.veritas.judge.Verdict;
import dev.veritas.store.AuditStore;
import dev.veritas.store.IllegalTransitionException;
import dev.veritas.store.NewScreenshot;
import dev.veritas.store.StoreException;
import dev.veritas.store.WorkerId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs audits end to end: capture within the tier's budget, the checks, the judge, and one transaction with
 * the whole result — appending progress events all along. An audit that cannot be done ends as {@code failed}
 * with a message saying why; nothing here leaves an audit {@code running}.
 */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    /** Why an audit went back to the queue when the server stopped under it. */
    public static final String SHUTDOWN_REASON = "the server shut down before the audit finished";

    private final AuditStore store;
    private final EngineOptions options;
    private final UrlGuard guard;
    private final TrustConfig trust;
    private final HttpFetcher fetcher;
    private final TlsProbe tlsProbe;
    private final Browsers browsers;
    private final List<Check> checks;
    private volatile boolean shuttingDown;

    public Engine(AuditStore store, EngineOptions options) {
        this.store = store;
        this.options = options;
        this.guard = new UrlGuard(options.allowPrivate(), options.network());
        this.trust = TrustConfig.withCa(options.trustCa());
        this.fetcher = new HttpFetcher(guard, options.fetch());
        this.tlsProbe = new TlsProbe(trust, options.fetch().connectTimeout(), guard);
        this.browsers = new Browsers(options.browser(), trust);
        this.checks = List.of(new SecurityHeadersCheck(), new TransportCheck(), new PhishingCheck(), new DarkPatternCheck(),
                new ScriptsCheck(), new TransparencyCheck());
    }

    public UrlGuard guard() {
        return guard;
    }

    /** Creates a running audit for this process and runs it here (the CLI's in-process audit). */
    public Audit audit(NewAudit request, WorkerId worker, java.util.function.Consumer<dev.veritas.audit.AuditId> onCreated) {
        guard.require(request.url().uri());
        Audit audit = store.createRunning(request, worker, options.lease());
        onCreated.accept(audit.id());
        run(audit, worker);
        return store.get(audit.id());
    }

    /**
     * Audits a HAR file instead of the live site. The file is read first: a broken file is an error for the
     * caller (nothing to audit), not an audit.
     */
    public Audit auditHar(Path har, dev.veritas.audit.Tier tier, dev.veritas.audit.VerdictMode mode, WorkerId worker,
                          java.util.function.Consumer<dev.veritas.audit.AuditId> onCreated) {
        SiteCapture capture = HarReader.read(har);
        NewAudit request = new NewAudit(dev.veritas.audit.TargetUrl.parse(capture.target().toString()), tier, mode);
        Audit audit = store.createRunning(request, worker, options.lease());
        onCreated.accept(audit.id());
        Progress progress = new Progress(store, audit.id());
        try {
            progress.phaseStart("capture", "Reading capture", "Reading the HAR file " + har.getFileName(), 5);
            for (int i = 0; i < capture.pages().size(); i++) {
                PageCapture p = capture.pages().get(i);
                progress.pageCaptured(i, p.requestedUrl().toString(), p.finalUrl().toString(), p.status(), p.title(), "har", 0);
            }
            progress.phaseComplete("capture", "Reading capture", capture.pages().size() + " pages in the capture", 60,
                    Json.object().put("pages", capture.pages().size()).put("screenshots", 0).put("source", "har"));
            analyseAndComplete(audit, capture, progress, new ArrayList<>());
        } catch (Progress.AuditCancelled e) {
            log.info("audit {} was cancelled", audit.id());
        } catch (RuntimeException e) {
            unexpected(audit, worker, e);
        }
        return store.get(audit.id());
    }

    /** Runs an audit that is already {@code running} for {@code worker}. */
    public void run(Audit audit, WorkerId worker) {
        Progress progress = new Progress(store, audit.id());
        List<String> errors = new ArrayList<>();
        try {
            progress.phaseStart("init", "Initialization", "Starting a " + audit.tier().wire().replace('_', ' ') + " of " + audit.url(), 0);
            URI target = URI.create(audit.url());
            guard.require(target);
            Instant deadline = Instant.now().plus(audit.tier().wallTime());
            List<String> notes = new ArrayList<>();
            try (PageCapturer capturer = openCapturer(progress, notes)) {
                progress.phaseStart("capture", "Capturing pages", audit.tier().maxPages() == 1 ? "Visiting the page" : "Visiting up to " + audit.tier().maxPages() + " pages", 5);
                Listener listener = new Listener(audit, worker, progress, errors);
                SiteCapture capture = new SiteCrawler(guard, fetcher, tlsProbe, options)
                        .crawl(target, capturer, SiteCrawler.Budget.of(audit.tier(), deadline),
                                listener::saveScreenshot, listener, notes);
                progress.phaseComplete("capture", "Capturing pages", capture.pages().size() + " pages, " + listener.screenshots.get() + " screenshots", 60,
                        Json.object().put("pages", capture.pages().size()).put("screenshots", listener.screenshots.get())
                                .put("source", capture.source().wire()));
                analyseAndComplete(audit, capture, progress, errors);
            }
        } catch (Progress.AuditCancelled | IllegalTransitionException e) {
            // Cancelled (or otherwise ended) from outside while running: its terminal event is already written.
            log.info("audit {} ended while running: {}", audit.id(), e.getMessage());
        } catch (UrlRefusedException | PageCaptureException e) {
            endFailed(audit, worker, e.getMessage());
        } catch (StoreException e) {
            log.error("audit {} stopped: {}", audit.id(), e.getMessage());
            endFailed(audit, worker, e.getMessage());
        } catch (RuntimeException e) {
            unexpected(audit, worker, e);
        }
    }

    private PageCapturer openCapturer(Progress progress, List<String> notes) {
        Browsers.Availability a = browsers.forThisThread();
        if (a instanceof Browsers.Available av) {
            progress.log("Using Chromium at " + av.chromium().executable(), "info");
            return new ChromiumPageCapturer(av.chromium(), guard, options.capture());
        }
        String reason = ((Browsers.Unavailable) a).reason();
        progress.log(reason, "warning");
        notes.add(reason);
        return new HttpPageCapturer(fetcher);
    }

    private void analyseAndComplete(Audit audit, SiteCapture capture, Progress progress, List<String> errors) {
        progress.phaseStart("analysis", "Analysing", "Checking security headers, transport, phishing signals and dark patterns", 65);
        List<CheckOutcome> outcomes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        ObjectNode security = Json.object();
        ObjectNode signalsSummary = security.putObject("checks");
        for (Check check : checks) {
            CheckOutcome o;
            try {
                o = check.run(capture);
            } catch (RuntimeException e) {
                // One broken check must not sink the audit; its signal is simply missing.
                log.warn("check {} failed on audit {}", check.name(), audit.id(), e);
                errors.add("check " + check.name() + " could not run: " + e.getMessage());
                continue;
            }
            outcomes.add(o);
            o.findings().forEach(progress::finding);
            findings.addAll(o.findings());
            o.details().ifPresent(d -> d.fields().forEachRemaining(f -> security.set(f.getKey(), f.getValue())));
            o.signal().ifPresent(s -> signalsSummary.put(o.name(), s.summary()));
            if (check instanceof SecurityHeadersCheck && security.has("observatory")) {
                ObjectNode obs = (ObjectNode) security.get("observatory");
                progress.securityResult("observatory", Json.object().put("grade", obs.path("grade").asText(null)).put("score", obs.path("score").asInt()));
            }
            progress.stats(capture.pages().size(), totalScreenshots(capture), findings.size());
        }
        SiteTypeCheck.Classification type = SiteTypeCheck.classify(capture);
        progress.siteType(type.type().wire(), type.confidence());
        ObjectNode captureInfo = security.putObject("capture");
        captureInfo.put("source", capture.source().wire());
        captureInfo.set("notes", Json.tree(capture.notes()));
        security.set("tls", Json.tree(capture.tls()));
        progress.phaseComplete("analysis", "Analysing", findings.size() + " findings", 85, Json.object().put("findings", findings.size()));

        progress.phaseStart("judge", "Judging", "Weighing the evidence", 90);
        Verdict v = Judge.judge(new Judge.Input(URI.create(audit.url()).getHost(), outcomes, type, audit.verdictMode(),
                capture.pages().size(), capture.notes()));
        errors.addAll(capture.notes().stream().filter(n -> n.startsWith("stopped")).toList());
        AuditResult result = new AuditResult(v.trustScore(), v.riskLevel(), v.signals(),
                v.overrides().stream().map(o -> o.rule()).toList(), v.narrative(), v.recommendations(), type.type().wire(),
                type.confidence(), security, capture.pages().size(), totalScreenshots(capture), progress.elapsedMillis(), errors,
                findings);
        progress.phaseComplete("judge", "Judging", "Trust score " + v.trustScore() + " (" + v.riskLevel().wire() + ")", 100,
                Json.object().put("trust_score", v.trustScore()).put("risk_level", v.riskLevel().wire()));
        try {
            store.complete(audit.id(), result);
        } catch (IllegalTransitionException e) {
            log.info("audit {} ended before it could complete ({})", audit.id(), e.getMessage());
        }
    }

    private static int totalScreenshots(SiteCapture capture) {
        return capture.pages().stream().mapToInt(p -> p.screenshotIndexes().size()).sum();
    }

    /**
     * The server is stopping: from now on an audit that breaks goes back to the queue instead of failing, because
     * the likeliest cause is the shutdown itself (browsers and connections closing, "Shutdown in progress").
     */
    public void shuttingDown() {
        shuttingDown = true;
    }

    /** Fails the audit, but only one this worker still owns; during shutdown it is handed back to the queue instead. */
    private void endFailed(Audit audit, WorkerId worker, String message) {
        try {
            if (shuttingDown) {
                boolean interrupted = Thread.interrupted(); // the release must not be cut short by the interrupt that stopped us
                if (store.release(audit.id(), worker, SHUTDOWN_REASON)) {
                    log.info("audit {} goes back to the queue: {} ({})", audit.id(), SHUTDOWN_REASON, message);
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (!store.renewLease(audit.id(), worker, options.lease())) {
                // Cancelled, or re-queued after our lease lapsed and perhaps running elsewhere: not ours to fail.
                log.info("audit {} is no longer running for {}; not failing it ({})", audit.id(), worker.name(), message);
                return;
            }
            store.fail(audit.id(), message);
        } catch (IllegalTransitionException e) {
            log.info("audit {} had already ended: {}", audit.id(), e.getMessage());
        } catch (StoreException e) {
            log.warn("could not end audit {} ({}); the recovery sweep re-queues it when its lease expires", audit.id(), e.getMessage());
        }
    }

    private void unexpected(Audit audit, WorkerId worker, RuntimeException e) {
        log.error("audit {} failed unexpectedly", audit.id(), e);
        endFailed(audit, worker, "internal error while auditing (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "); please report it with the audit id " + audit.id());
    }

    /** Per-audit bookkeeping while pages are captured: screenshots, events, lease and cancellation. */
    private final class Listener implements SiteCrawler.Listener {
        private final Audit audit;
        private final WorkerId worker;
        private final Progress progress;
        private final List<String> errors;
        private final AtomicInteger screenshots = new AtomicInteger();
        private long lastRenewal = System.nanoTime();

        Listener(Audit audit, WorkerId worker, Progress progress, List<String> errors) {
            this.audit = audit;
            this.worker = worker;
            this.progress = progress;
            this.errors = errors;
        }

        int saveScreenshot(String label, URI pageUrl, String mediaType, int width, int height, byte[] bytes) {
            int index = screenshots.getAndIncrement();
            store.addScreenshot(audit.id(), new NewScreenshot(index, label, Optional.of(pageUrl.toString()), mediaType, width, height, bytes));
            progress.screenshot(index, label, pageUrl.toString(), width, height);
            return index;
        }

        @Override
        public void pageCaptured(int index, PageCapture page, CaptureSource source) {
            progress.pageCaptured(index, page.requestedUrl().toString(), page.finalUrl().toString(), page.status(), page.title(),
                    source.wire(), page.screenshotIndexes().size());
            progress.log("Captured " + page.finalUrl() + " (" + page.status() + ")", "info");
        }

        @Override
        public void pageFailed(URI url, String reason) {
            errors.add("could not capture " + url + ": " + reason);
            progress.log("Could not capture " + url + ": " + reason, "warning");
        }

        @Override
        public void checkpoint() {
            if (store.status(audit.id()).filter(s -> s != AuditStatus.RUNNING).isPresent()) {
                throw new Progress.AuditCancelled(store.status(audit.id()).map(AuditStatus::wire).orElse("gone"));
            }
            Duration lease = options.lease();
            if (System.nanoTime() - lastRenewal > lease.toNanos() / 3) {
                store.renewLease(audit.id(), worker, lease);
                lastRenewal = System.nanoTime();
            }
        }

        @Override
        public int screenshotsTaken() {
            return screenshots.get();
        }
    }

    /** Closes the browser of the calling thread (a worker thread that stops). */
    public void releaseThreadResources() {
        browsers.closeForThisThread();
    }

    @Override
    public void close() {
        browsers.close();
        fetcher.close();
    }
}
