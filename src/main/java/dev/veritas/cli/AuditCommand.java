package dev.veritas.cli;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.TargetUrl;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.capture.browser.Chromium;
import dev.veritas.capture.PageCaptureException;
import dev.veritas.capture.network.TrustConfig;
import dev.veritas.capture.network.UrlGuard;
import dev.veritas.engine.Engine;
import dev.veritas.engine.EngineOptions;
import dev.veritas.json.AuditJson;
import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import dev.veritas.store.EventStreams;
import dev.veritas.store.WorkerId;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit a website (or a HAR file) and print the verdict. The audit is stored like any other.")
final class AuditCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    EngineFlags engineFlags;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "0..1", description = "The site to audit, e.g. https://example.com")
    String url;

    @Option(names = "--tier", defaultValue = "standard_audit", description = "quick_scan (1 page), standard_audit (5 pages) or deep_forensic (10 pages)")
    String tier;

    @Option(names = "--mode", defaultValue = "expert", description = "Narrative for an expert or in simple words: expert or simple")
    String mode;

    @Option(names = "--har", paramLabel = "FILE", description = "Audit a HAR 1.2 capture instead of the live site")
    Path har;

    @Option(names = "--server", paramLabel = "URL", description = "Run the audit on a Veritas server instead of in this process")
    String server;

    @Option(names = "--token", description = "API token for --server. Default: $VERITAS_TOKEN")
    String token;

    @Option(names = "--local", description = "Run the audit in this process even when a Veritas server answers on this machine")
    boolean local;

    @Option(names = "--json", description = "Print the stored audit as JSON (the shape of GET /api/audits/{id})")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Tier t = Tier.parse(tier);
        VerdictMode m = VerdictMode.parse(mode);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (server != null) {
            if (url == null) {
                throw new IllegalArgumentException("give the URL to audit");
            }
            return new RemoteAudit(server, token, err, System.console() != null).run(url, t, m, json, out);
        }
        if (url == null && har == null) {
            throw new IllegalArgumentException("give a URL to audit, or --har FILE");
        }
        if (usesLocalServerIfAny()) {
            Optional<String> running = RemoteAudit.localServer();
            if (running.isPresent()) {
                err.println("a Veritas server is running at " + running.get() + ": the audit runs there, in its warm browser"
                        + " (--local runs it in this process)");
                return new RemoteAudit(running.get(), token, err, System.console() != null).run(url, t, m, json, out);
            }
        }
        EngineOptions options = engineFlags.options();
        NewAudit request = har != null ? null : new NewAudit(TargetUrl.parse(url), t, m);
        if (request != null) {
            new UrlGuard(options.allowPrivate(), options.network()).require(request.url().uri());
        }
        // The browser starts on this thread (the one that runs the audit) while the store opens on another.
        CompletableFuture<AuditStore> opening = CompletableFuture.supplyAsync(store::open, AuditCommand::daemon);
        Optional<Chromium> early = request != null ? launchEarly(options) : Optional.empty();
        AuditStore opened;
        try {
            opened = opening.join();
        } catch (CompletionException e) {
            early.ifPresent(Chromium::close);
            throw e.getCause() instanceof Exception x ? x : e;
        }
        try (AuditStore s = opened; Engine engine = new Engine(s, options)) {
            early.ifPresent(engine::adoptBrowserForThisThread);
            early = Optional.empty();
            ProgressView view = new ProgressView(err, System.console() != null);
            // The progress bar follows the audit's stored events with the same follower the server streams them with.
            try (EventStreams streams = new EventStreams(s, PROGRESS_HEARTBEAT)) {
                ProgressFollower progress = new ProgressFollower(view);
                Consumer<AuditId> follow = created -> streams.subscribe(created, 0, progress);
                Audit result = har != null
                        ? engine.auditHar(har, t, m, WorkerId.current().named("cli"), follow)
                        : engine.audit(request, WorkerId.current().named("cli"), follow);
                progress.awaitEnd(PROGRESS_DRAIN);
                view.finish();
                return printResult(result, out, err);
            }
        } finally {
            early.ifPresent(Chromium::close);
        }
    }

    /** This thread's browser, launched now; empty when there is none to use (the engine then says why and audits without). */
    private static Optional<Chromium> launchEarly(EngineOptions options) {
        if (options.browser() == EngineOptions.BrowserMode.NEVER) {
            return Optional.empty();
        }
        try {
            return Chromium.locate(options.capture().chromium()).map(exe -> Chromium.launch(exe, TrustConfig.withCa(options.trustCa())));
        } catch (PageCaptureException e) {
            return Optional.empty();
        }
    }

    private static void daemon(Runnable task) {
        Thread th = new Thread(task, "open-store");
        th.setDaemon(true);
        th.start();
    }

    /**
     * A plain {@code veritas audit URL} goes to a server running on this machine, which has a browser ready; an audit
     * that asks for anything that server may not do the same way — another store, other engine settings, a HAR file — runs
     * here, as does one given {@code --local}.
     */
    private boolean usesLocalServerIfAny() {
        return !local && har == null && url != null && store.data == null && store.databaseUrl == null && store.synchronous == null
                && !engineFlags.allowPrivate && engineFlags.trustCa == null && engineFlags.secondLook == null && !engineFlags.noBrowser;
    }

    private int printResult(Audit a, PrintWriter out, PrintWriter err) {
        if (json) {
            out.println(Json.pretty(AuditJson.audit(a)));
        } else {
            new AuditReportText(out).summary(Json.tree(AuditJson.audit(a)));
        }
        out.flush();
        if (a.status() == AuditStatus.FAILED) {
            err.println("veritas: the audit failed: " + a.errorMessage().orElse("unknown reason"));
            return 1;
        }
        return a.status() == AuditStatus.COMPLETED ? 0 : 1;
    }

    private static final Duration PROGRESS_HEARTBEAT = Duration.ofSeconds(15);
    /** How long the bar may take to show the last events once the audit has ended. */
    private static final Duration PROGRESS_DRAIN = Duration.ofSeconds(5);

    /** Draws the progress bar from the events the follower hands over, until the audit's terminal event. */
    private static final class ProgressFollower implements EventStreams.Subscriber {
        private final ProgressView view;
        private final CountDownLatch ended = new CountDownLatch(1);

        ProgressFollower(ProgressView view) {
            this.view = view;
        }

        @Override
        public boolean send(AuditEvent event) {
            try {
                view.on(event.type(), event.data());
            } catch (RuntimeException e) {
                // the progress bar is a courtesy; the audit's result is printed either way
            }
            return true;
        }

        @Override
        public boolean heartbeat() {
            return true;
        }

        @Override
        public void close() {
            ended.countDown();
        }

        void awaitEnd(Duration limit) throws InterruptedException {
            ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
