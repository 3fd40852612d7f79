package dev.veritas.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.Finding;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.TargetUrl;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.capture.CaptureSource;
import dev.veritas.capture.CaptureStoppedException;
import dev.veritas.capture.browser.Chromium;
import dev.veritas.capture.browser.ChromiumPageCapturer;
import dev.veritas.capture.HarReader;
import dev.veritas.capture.network.HttpFetcher;
import dev.veritas.capture.network.HttpPageCapturer;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.PageCaptureException;
import dev.veritas.capture.PageCapturer;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.network.TlsProbe;
import dev.veritas.capture.network.TrustConfig;
import dev.veritas.capture.network.UrlGuard;
import dev.veritas.capture.network.UrlRefusedException;
import dev.veritas.checks.Check;
import dev.veritas.checks.CheckOutcome;
import dev.veritas.checks.Checks;
import dev.veritas.checks.SiteTypeCheck;
import dev.veritas.json.EventPayload.AnalysisSummary;
import dev.veritas.json.EventPayload.CaptureSummary;
import dev.veritas.json.EventPayload.HeaderGrade;
import dev.veritas.json.EventPayload.JudgeSummary;
import dev.veritas.json.EventPayload.LogLevel;
import dev.veritas.json.Json;
import dev.veritas.judge.Judge;
import dev.veritas.judge.Verdict;
import dev.veritas.store.AuditStore;
import dev.veritas.store.Claim;
import dev.veritas.store.Lease;
import dev.veritas.store.LeaseLostException;
import dev.veritas.store.NewScreenshot;
import dev.veritas.store.StoreException;
import dev.veritas.store.WorkerId;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs audits end to end, one {@link AuditRun} each: claim, capture within the tier's budget, the checks, the judge,
 * and one transaction with the whole result — appending progress events all along, every write under the run's
 * lease. An audit that cannot be done ends as {@code failed} with a message saying why; one stopped from outside
 * ends as its {@link StopReason} says (cancelled and taken-over runs write nothing more; at shutdown the audit goes
 * back to the queue). Nothing here leaves an audit {@code running} or a worker hung: the {@link RunMonitor} renews
 * leases and stops runs at their hard deadline, and the capture's deadline kills a browser that stopped answering.
 */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    /** Why an audit went back to the queue when the server stopped under it. */
    public static final String SHUTDOWN_REASON = StopReason.SHUTDOWN.description();

    private final AuditStore store;
    private final EngineOptions options;
    private final UrlGuard guard;
    private final HttpFetcher fetcher;
    private final TlsProbe tlsProbe;
    private final Browsers browsers;
    /** Loaded in the background (their models and rule books take seconds to read): meanwhile the browser starts and the pages load. */
    private final CompletableFuture<List<Check>> checks;
    private final RunMonitor monitor;
    private final Set<AuditRun> active = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;

    public Engine(AuditStore store, EngineOptions options) {
        this.store = store;
        this.options = options;
        this.guard = new UrlGuard(options.allowPrivate(), options.network());
        TrustConfig trust = TrustConfig.withCa(options.trustCa());
        this.fetcher = new HttpFetcher(guard, options.fetch());
        this.tlsProbe = new TlsProbe(trust, options.fetch().connectTimeout(), guard);
        this.browsers = new Browsers(options.browser(), trust, options.capture().chromium());
        this.checks = CompletableFuture.supplyAsync(Checks::standard, Engine::daemon);
        this.monitor = new RunMonitor(store, options.lease());
    }

    public UrlGuard guard() {
        return guard;
    }

    /**
     * Claims the oldest queued audit for {@code worker} and runs it to its end on this thread. False when there was
     * nothing to claim.
     */
    public boolean runNext(WorkerId worker) {
        Optional<Claim> claim = store.claimNext(worker, options.lease());
        if (claim.isEmpty()) {
            return false;
        }
        log.info("{} runs audit {} of {}", worker.name(), claim.get().audit().id(), claim.get().audit().url());
        run(claim.get());
        return true;
    }

    /** Creates a running audit for this process and runs it here (the CLI's in-process audit). */
    public Audit audit(NewAudit request, WorkerId worker, Consumer<AuditId> onCreated) {
        guard.require(request.url().uri());
        Claim claim = store.createRunning(request, worker, options.lease());
        onCreated.accept(claim.audit().id());
        run(claim);
        return store.get(claim.audit().id());
    }

    /**
     * Audits a HAR file instead of the live site. The file is read first: a broken file is an error for the
     * caller (nothing to audit), not an audit.
     */
    public Audit auditHar(Path har, Tier tier, VerdictMode mode, WorkerId worker, Consumer<AuditId> onCreated) {
        SiteCapture capture = HarReader.read(har);
        NewAudit request = new NewAudit(TargetUrl.parse(capture.target().toString()), tier, mode);
        Claim claim = store.createRunning(request, worker, options.lease());
        onCreated.accept(claim.audit().id());
        AuditRun run = begin(claim);
        try {
            Progress progress = run.progress();
            progress.captureStart("Reading capture", "Reading the HAR file " + har.getFileName(), capture.pages().size());
            for (int i = 0; i < capture.pages().size(); i++) {
                PageCapture p = capture.pages().get(i);
                progress.pageCaptured(i, p.requestedUrl().toString(), p.finalUrl().toString(), p.status(), p.title(), "har", 0);
            }
            progress.phaseComplete(Progress.Phase.CAPTURE, "Reading capture", capture.pages().size() + " pages in the capture",
                    CaptureSummary.of(capture.pages().size(), 0, "har"));
            analyseAndComplete(run, capture, new ArrayList<>());
        } catch (RuntimeException | Error e) {
            ended(run, e);
        } finally {
            end(run);
        }
        return store.get(claim.audit().id());
    }

    /** Runs a claimed audit to its end on this thread. */
    public void run(Claim claim) {
        AuditRun run = begin(claim);
        try {
            execute(run);
        } catch (RuntimeException | Error e) {
            ended(run, e);
        } finally {
            end(run);
        }
    }

    private AuditRun begin(Claim claim) {
        AuditRun run = new AuditRun(claim, new Progress(store, claim.lease()));
        active.add(run);
        monitor.register(run);
        if (shuttingDown) {
            run.stop(StopReason.SHUTDOWN);
        }
        return run;
    }

    private void end(AuditRun run) {
        monitor.unregister(run);
        active.remove(run);
    }

    private void execute(AuditRun run) {
        Audit audit = run.audit();
        Progress progress = run.progress();
        List<String> errors = new ArrayList<>();
        progress.phaseStart(Progress.Phase.INIT, "Initialization", "Starting a " + audit.tier().wire().replace('_', ' ') + " of " + audit.url());
        URI target = URI.create(audit.url());
        guard.require(target);
        List<String> notes = new ArrayList<>();
        long opening = System.nanoTime();
        try (PageCapturer capturer = openCapturer(progress, notes)) {
            long browserStartMillis = (System.nanoTime() - opening) / 1_000_000;
            progress.captureStart("Capturing pages", audit.tier().maxPages() == 1 ? "Visiting the page" : "Visiting up to " + audit.tier().maxPages() + " pages",
                    audit.tier().maxPages());
            CaptureListener listener = new CaptureListener(run, errors);
            SiteCapture capture = new SiteCrawler(guard, fetcher, tlsProbe, options)
                    .crawl(target, capturer, SiteCrawler.Budget.of(audit.tier(), run.capture()), listener::saveScreenshot, listener, notes);
            // Where the capture's time went (browser start, navigation, settling, second look…): the audit benchmark reads it.
            Map<String, Long> steps = capturer.stepMillis();
            CaptureSummary captured = new CaptureSummary(capture.pages().size(), listener.screenshots.get(), capture.source().wire(), steps,
                    steps.isEmpty() ? OptionalLong.empty() : OptionalLong.of(browserStartMillis));
            progress.phaseComplete(Progress.Phase.CAPTURE, "Capturing pages", capture.pages().size() + " pages, " + listener.screenshots.get() + " screenshots",
                    captured);
            run.checkpoint();
            analyseAndComplete(run, capture, errors);
        }
    }

    /** How a run that did not complete ends: by why it stopped, or failed with a reason a person can act on. */
    private void ended(AuditRun run, Throwable e) {
        Optional<StopReason> stopped = run.stopReason();
        if (e instanceof RunStoppedException rs) {
            stopped = Optional.of(rs.reason());
        } else if (e instanceof LeaseLostException lost) {
            stopped = Optional.of(lost.current() == AuditStatus.CANCELLED ? StopReason.CANCELLED : StopReason.LEASE_LOST);
        }
        if (stopped.isPresent() && (e instanceof RunStoppedException || e instanceof CaptureStoppedException
                || e instanceof LeaseLostException || stopped.get() != StopReason.DEADLINE)) {
            endStopped(run, stopped.get(), e);
            return;
        }
        if (e instanceof UrlRefusedException || e instanceof PageCaptureException || e instanceof CaptureStoppedException) {
            endFailed(run, e.getMessage());
        } else if (e instanceof StoreException) {
            log.error("audit {} stopped: {}", run, e.getMessage());
            endFailed(run, e.getMessage());
        } else {
            log.error("audit {} failed unexpectedly", run, e);
            endFailed(run, "internal error while auditing (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); please report it with the audit id " + run.audit().id());
        }
    }

    private void endStopped(AuditRun run, StopReason reason, Throwable cause) {
        switch (reason) {
            case CANCELLED, LEASE_LOST -> log.info("audit {} ended while running: {}", run, reason.description());
            case SHUTDOWN -> release(run);
            case DEADLINE -> endFailed(run, "the audit ran out of its " + run.audit().tier().wallTime().toSeconds()
                    + " s budget before it could be judged (" + cause.getMessage() + "); a quieter moment or a longer tier may let it finish");
        }
    }

    /** Gives the audit back to the queue (the server is stopping): the next start runs it again. */
    private void release(AuditRun run) {
        boolean interrupted = Thread.interrupted(); // the release must not be cut short by the interrupt that stopped us
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    if (store.release(run.lease(), SHUTDOWN_REASON)) {
                        log.info("audit {} goes back to the queue: {}", run, SHUTDOWN_REASON);
                    }
                    return;
                } catch (StoreException e) {
                    // An interrupt that arrived while the write waited is the shutdown's, not the store's: try once more.
                    if (Thread.interrupted() && attempt == 1) {
                        interrupted = true;
                        continue;
                    }
                    log.warn("could not give audit {} back ({}); the recovery sweep re-queues it when its lease expires", run, e.getMessage());
                    return;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Fails the audit under the run's lease — refused by the store if the audit is no longer this run's — or, when the
     * run was stopped because the server is shutting down, gives it back to the queue: a genuine failure during the
     * shutdown grace still fails.
     */
    private void endFailed(AuditRun run, String message) {
        if (run.stopReason().orElse(null) == StopReason.SHUTDOWN) {
            release(run);
            return;
        }
        try {
            store.fail(run.lease(), message);
        } catch (LeaseLostException e) {
            log.info("audit {} is no longer this worker's; not failing it ({})", run, message);
        } catch (StoreException e) {
            log.warn("could not end audit {} ({}); the recovery sweep re-queues it when its lease expires", run, e.getMessage());
        }
    }

    private PageCapturer openCapturer(Progress progress, List<String> notes) {
        Browsers.Availability a = browsers.forThisThread();
        if (a instanceof Browsers.Available av) {
            progress.log("Using Chromium at " + av.chromium().executable(), LogLevel.INFO);
            return new ChromiumPageCapturer(browsers::liveForThisThread, guard, options.capture());
        }
        String reason = ((Browsers.Unavailable) a).reason();
        progress.log(reason, LogLevel.WARNING);
        notes.add(reason);
        return new HttpPageCapturer(fetcher);
    }

    private void analyseAndComplete(AuditRun run, SiteCapture capture, List<String> errors) {
        Audit audit = run.audit();
        Progress progress = run.progress();
        progress.phaseStart(Progress.Phase.ANALYSIS, "Analysing", "Checking security headers, transport, phishing signals and dark patterns");
        List<CheckOutcome> outcomes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        ObjectNode security = Json.object();
        ObjectNode signalsSummary = security.putObject("checks");
        for (Check check : checks()) {
            // Checks cannot be interrupted mid-way; between them, a run past its hard end stops instead of finishing late.
            run.checkpoint();
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
            // The check that grades headers like the Observatory says so in its details; watchers get the grade at once.
            Optional<JsonNode> observatory = o.details().map(d -> d.get("observatory")).filter(JsonNode::isObject);
            if (observatory.isPresent()) {
                JsonNode obs = observatory.get();
                progress.securityResult("observatory", new HeaderGrade(Optional.ofNullable(obs.path("grade").asText(null)), obs.path("score").asInt()));
            }
            progress.stats(capture.pages().size(), totalScreenshots(capture), findings.size());
        }
        SiteTypeCheck.Classification type = SiteTypeCheck.classify(capture);
        progress.siteType(type.type().wire(), type.confidence());
        ObjectNode captureInfo = security.putObject("capture");
        captureInfo.put("source", capture.source().wire());
        captureInfo.set("notes", Json.tree(capture.notes()));
        security.set("tls", Json.tree(capture.tls()));
        progress.phaseComplete(Progress.Phase.ANALYSIS, "Analysing", findings.size() + " findings", new AnalysisSummary(findings.size()));

        progress.phaseStart(Progress.Phase.JUDGE, "Judging", "Weighing the evidence");
        Verdict v = Judge.judge(new Judge.Input(URI.create(audit.url()).getHost(), outcomes, type, audit.verdictMode(),
                capture.pages().size(), capture.notes()));
        errors.addAll(capture.notes().stream().filter(n -> n.startsWith("stopped")).toList());
        capture.pages().stream().filter(p -> p.cutShort().isPresent())
                .forEach(p -> errors.add("cut short: " + p.finalUrl() + ": " + p.cutShort().get()));
        AuditResult result = new AuditResult(v.trustScore(), v.riskLevel(), v.signals(),
                v.overrides().stream().map(o -> o.rule()).toList(), v.narrative(), v.recommendations(), type.type().wire(),
                type.confidence(), security, capture.pages().size(), totalScreenshots(capture), progress.elapsedMillis(), errors,
                findings);
        progress.phaseComplete(Progress.Phase.JUDGE, "Judging", "Trust score " + v.trustScore() + " (" + v.riskLevel().wire() + ")",
                new JudgeSummary(v.trustScore(), v.riskLevel()));
        store.complete(run.lease(), result);
    }

    private List<Check> checks() {
        try {
            return checks.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "veritas-load-checks");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Makes {@code chromium}, launched by the caller on this thread, the browser this thread's audits use — so that a
     * command that runs one audit can start the browser while the store opens. It is then kept, replaced and closed
     * like any browser the engine launched itself.
     */
    public void adoptBrowserForThisThread(Chromium chromium) {
        browsers.adopt(chromium);
    }

    private static int totalScreenshots(SiteCapture capture) {
        return capture.pages().stream().mapToInt(p -> p.screenshotIndexes().size()).sum();
    }

    /**
     * The server is stopping: audits that start from now on go straight back to the queue, and an audit whose run is
     * stopped for the shutdown is handed back rather than failed. Running audits carry on until {@link #stopAll}.
     */
    public void shuttingDown() {
        shuttingDown = true;
    }

    /** Stops every running audit now (the shutdown grace is over): each ends as its reason says, promptly. */
    public void stopAll() {
        monitor.stopAll(StopReason.SHUTDOWN);
    }

    /** The leases of audits running in this engine right now. */
    public List<Lease> running() {
        return active.stream().map(AuditRun::lease).toList();
    }

    /** Audits still running well past their hard deadline, with their workers: health reports them. */
    public List<String> stuck() {
        return monitor.stuck().stream().map(s -> s.worker() + " on audit " + s.audit() + " (" + s.overdue().toSeconds() + " s past its deadline)")
                .toList();
    }

    /** Per-audit bookkeeping while pages are captured: screenshots and progress events. */
    private final class CaptureListener implements SiteCrawler.Listener {
        private final AuditRun run;
        private final List<String> errors;
        private final AtomicInteger screenshots = new AtomicInteger();

        CaptureListener(AuditRun run, List<String> errors) {
            this.run = run;
            this.errors = errors;
        }

        int saveScreenshot(String label, URI pageUrl, String mediaType, int width, int height, byte[] bytes) {
            int index = screenshots.getAndIncrement();
            try {
                store.addScreenshot(run.lease(), new NewScreenshot(index, label, Optional.of(pageUrl.toString()), mediaType, width, height, bytes));
            } catch (LeaseLostException e) {
                throw new RunStoppedException(e.current() == AuditStatus.CANCELLED ? StopReason.CANCELLED : StopReason.LEASE_LOST);
            }
            run.progress().screenshot(index, label, pageUrl.toString(), width, height);
            return index;
        }

        @Override
        public void pageCaptured(int index, PageCapture page, CaptureSource source) {
            Progress progress = run.progress();
            progress.pageCaptured(index, page.requestedUrl().toString(), page.finalUrl().toString(), page.status(), page.title(),
                    source.wire(), page.screenshotIndexes().size());
            progress.log("Captured " + page.finalUrl() + " (" + page.status() + ")", LogLevel.INFO);
            page.cutShort().ifPresent(why -> progress.log("Cut short: " + page.finalUrl() + ": " + why, LogLevel.WARNING));
        }

        @Override
        public void pageCutShort(PageCapture page, String why) {
            run.progress().log("Cut short: " + page.finalUrl() + ": " + why, LogLevel.WARNING);
        }

        @Override
        public void pageFailed(URI url, String reason) {
            errors.add("could not capture " + url + ": " + reason);
            run.progress().log("Could not capture " + url + ": " + reason, LogLevel.WARNING);
        }

        @Override
        public void checkpoint() {
            run.checkpoint();
        }

        @Override
        public Optional<StopReason> stopped() {
            return run.stopReason();
        }

        @Override
        public int screenshotsTaken() {
            return screenshots.get();
        }
    }

    /** Closes the browser of the calling thread (a worker thread that stops). */
    /**
     * Starts this worker thread's browser now, when the options ask for warm browsers and it has none alive, so an
     * audit does not wait for Chromium to start. The browser holds no state between audits: each audit gets a fresh
     * context. A browser that cannot start is reported by the audit that needs it, as before.
     */
    public void warmUp() {
        if (options.warmBrowsers() && options.browser() == EngineOptions.BrowserMode.AUTO && !warmingGaveUp) {
            // One browser that cannot start is said once, by the audit that needs it, not every idle second.
            warmingGaveUp = browsers.forThisThread() instanceof Browsers.Unavailable;
        }
    }

    private volatile boolean warmingGaveUp;

    public void releaseThreadResources() {
        browsers.closeForThisThread();
    }

    @Override
    public void close() {
        monitor.close();
        browsers.close();
        fetcher.close();
    }
}
