package dev.veritas.capture.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.HttpHeader;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.Proxy;
import com.microsoft.playwright.options.ScreenshotType;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import com.microsoft.playwright.options.WaitUntilState;
import dev.veritas.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import dev.veritas.capture.browser.BrowserFacts;
import dev.veritas.capture.CaptureSettings;
import dev.veritas.capture.CaptureSource;
import dev.veritas.capture.Deadline;
import dev.veritas.capture.HeaderMap;
import dev.veritas.capture.browser.ImageSize;
import dev.veritas.capture.NetworkRequest;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.PageCaptureException;
import dev.veritas.capture.PageCapturer;
import dev.veritas.capture.RedirectHop;
import dev.veritas.capture.TemporalFacts;
import dev.veritas.capture.TextSegment;
import dev.veritas.capture.network.GuardedProxy;
import dev.veritas.capture.network.HttpFetcher;
import dev.veritas.capture.network.UrlGuard;

/**
 * Captures pages in Chromium: the response as the browser got it, the rendered page's facts, screenshots at
 * load and a few seconds later, a full-page shot, and the timer probes (later, reload) where {@link Watch} says.
 * Every connection the browser makes goes through a {@link GuardedProxy}, so every request — redirect hops
 * included — passes the URL guard (no request interception: it cost a round trip to Java per request and is not needed
 * when the proxy sees every connection).
 *
 * <p>A page may fight back. Every call into it has a timeout taken from the page's {@link Deadline}; calls that have
 * no timeout of their own (reading the page) run under the deadline's watchdog, which kills the browser when a call
 * overruns — the page is then judged from what was captured before it stopped answering, and the next page gets a
 * fresh browser. The page's facts are read in an isolated world (a separate JavaScript context on the same DOM), so
 * a page that redefines {@code JSON}, prototypes or DOM methods cannot change what Veritas reads or break it.
 *
 * <p>A page {@linkplain #begin begun} stays open in its tab after its first look until its second look is due, while
 * the crawler captures other pages in other tabs of the same context; the tabs all count as visible (Playwright starts
 * Chromium without background throttling), so its timers keep running as a visitor's would.
 */
public final class ChromiumPageCapturer implements PageCapturer {
    private static final String EXTRACT = loadScript();
    private static final int MAX_HTML = 2 * 1024 * 1024;
    private static final int MAX_REQUESTS = 500;
    /** The longest any single call into the page (an evaluation, a screenshot, opening a page) may take. */
    private static final Duration CALL = Duration.ofSeconds(10);
    /** While a page loads, how often it is asked whether its scripts still let it answer. */
    private static final Duration LOAD_SLICE = Duration.ofSeconds(2);
    /** A page that cannot answer a trivial evaluation in this long has scripts holding its only thread (a loaded machine answers in far less). */
    private static final Duration PING = Duration.ofSeconds(3);
    private static final Duration SETTLE = Duration.ofMillis(2500);
    /**
     * The least time between the two readings of a page, however soon after its load the second look is due: a timer
     * showing seconds must be read at least 2 s apart to be called stopped (DarkPatternCheck), and a timer that ticks
     * once a second ticks at least once in any 2 s even when each tick comes up to a second late (a busy page, a loaded
     * machine) — 1 s would catch only a punctual one. A shorter {@link CaptureSettings#laterDelay} (tests) wins.
     */
    static final Duration MIN_GAP = Duration.ofSeconds(2);
    /**
     * The network is quiet when no request has started or ended for this long and at most {@link #QUIET_IN_FLIGHT}
     * are still open: long polls, live-update streams and analytics beacons keep a real page's network from ever
     * going fully idle, and waiting for that spent the whole {@link #SETTLE} on every such page.
     */
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final int QUIET_IN_FLIGHT = 2;
    /** How often the settle loop looks at the network; events are delivered while it waits. */
    private static final Duration QUIET_POLL = Duration.ofMillis(100);
    private static final String HTML_SNAPSHOT = "(() => { const d = document; const root = d.documentElement;"
            + " const doctype = d.doctype ? '<!DOCTYPE ' + d.doctype.name + '>' : '';"
            + " const h = root ? root.outerHTML : ''; return JSON.stringify({length: doctype.length + h.length,"
            + " html: (doctype + h).slice(0, " + MAX_HTML + ")}); })()";
    private static final String PAGE_HEIGHT = "Math.max(document.documentElement ? document.documentElement.scrollHeight : 0,"
            + " document.body ? document.body.scrollHeight : 0)";

    private final Supplier<Chromium> browsers;
    private final UrlGuard guard;
    private final GuardedProxy proxy;
    private final CaptureSettings settings;
    private final ChromiumTimings timings = new ChromiumTimings();
    private Chromium chromium;
    private BrowserContext context;

    /**
     * @param browsers a live browser of the calling thread; asked again when the one in use was killed, so the next
     *                 page of the same audit gets a fresh one
     */
    public ChromiumPageCapturer(Supplier<Chromium> browsers, UrlGuard guard, CaptureSettings settings) {
        this.browsers = browsers;
        this.guard = guard;
        this.settings = settings;
        this.proxy = GuardedProxy.start(guard);
    }

    public ChromiumPageCapturer(Chromium chromium, UrlGuard guard, CaptureSettings settings) {
        this(() -> chromium, guard, settings);
    }

    @Override
    public CaptureSource source() {
        return CaptureSource.CHROMIUM;
    }

    /** Where this capturer's time went so far (all pages). */
    @Override
    public Map<String, Long> stepMillis() {
        return timings().millis();
    }

    public ChromiumTimings timings() {
        return timings;
    }

    /** The context of a live browser: the same one page after page, a new one after its browser was killed. */
    private BrowserContext context() {
        if (context != null && chromium.isAlive()) {
            return context;
        }
        closeContext();
        long t = System.nanoTime();
        chromium = browsers.get();
        timings.add(ChromiumTimings.BROWSER_START, t);
        t = System.nanoTime();
        // Every connection goes through the guarded proxy, loopback included ("<-loopback>" undoes Chromium's
        // built-in bypass): request interception alone never sees redirect hops.
        BrowserContext c = chromium.browser().newContext(new Browser.NewContextOptions()
                .setProxy(new Proxy(proxy.address()).setBypass("<-loopback>"))
                .setIgnoreHTTPSErrors(true)
                .setViewportSize(settings.viewportWidth(), settings.viewportHeight())
                .setUserAgent(HttpFetcher.USER_AGENT)
                .setLocale("en-US")
                .setServiceWorkers(ServiceWorkerPolicy.BLOCK));
        timings.add(ChromiumTimings.CONTEXT, t);
        context = c;
        return c;
    }

    @Override
    public PageCapture capture(URI url, PageOptions options, ScreenshotSink sink) {
        return begin(url, options, sink).finish(options.deadline());
    }

    @Override
    public Pending begin(URI url, PageOptions options, ScreenshotSink sink) {
        Deadline deadline = options.deadline();
        deadline.checkpoint();
        BrowserContext ctx;
        try {
            ctx = context();
        } catch (PlaywrightException e) {
            throw new PageCaptureException("the browser could not open a window: " + Chromium.firstLine(e.getMessage()), e);
        }
        Chromium browser = chromium;
        Page page = deadline.watch("opening a page", CALL, browser::kill, ctx::newPage);
        PageState state = new PageState();
        page.onRequest(r -> state.started());
        page.onRequestFinished(r -> state.ended());
        page.onRequestFailed(r -> state.ended());
        page.onResponse(r -> state.statuses.put(r.url(), r.status()));
        page.onRequestFinished(r -> addRequest(state.requests, r, state.statuses, refusedByProxy(r)));
        page.onRequestFailed(r -> addRequest(state.requests, r, state.statuses,
                (r.failure() != null && r.failure().contains("BLOCKED")) || refusedByProxy(r)));
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && state.consoleErrors.size() < 50) {
                state.consoleErrors.add(Chromium.firstLine(m.text()));
            }
        });
        // Dialogs would hold the page; a page that asks to stay (beforeunload) is let go, any other dialog dismissed.
        page.onDialog(d -> {
            try {
                if ("beforeunload".equals(d.type())) {
                    d.accept();
                } else {
                    d.dismiss();
                }
            } catch (PlaywrightException ignored) {
                // the page went away with its dialog
            }
        });
        OpenPage open = new OpenPage(page, browser, url, sink, state);
        boolean waiting = false;
        try {
            open.firstLook(options, new Calls(page, deadline, browser::kill));
            waiting = open.result == null;
            return open;
        } finally {
            if (!waiting) {
                open.close(deadline);
            }
        }
    }

    /**
     * When the second look is due: {@link CaptureSettings#laterDelay} after the page's load event, i.e. what a visitor
     * sees that long after the page appeared, however long settling and reading it took — but never sooner than
     * {@link #MIN_GAP} after the first reading, so that a timer ticking once a second is seen to move, or not to.
     */
    private long secondLookDue(long loadedAt, long firstRead) {
        Duration gap = settings.laterDelay().compareTo(MIN_GAP) < 0 ? settings.laterDelay() : MIN_GAP;
        return Math.max(loadedAt + settings.laterDelay().toNanos(), firstRead + gap.toNanos());
    }

    /**
     * One page in the browser from its first look to its second: what was read so far and what the second look needs.
     * Between the two the capturer may capture other pages (in other tabs of the same context); if one of them hangs the
     * browser and it is replaced, this page is judged from its first look.
     */
    private final class OpenPage implements Pending {
        private final Page page;
        /** The browser the page lives in; the capturer's may have been replaced by the time the second look is due. */
        private final Chromium browser;
        private final URI url;
        private final ScreenshotSink sink;
        private final PageState state;
        private Calls calls;
        private Partial partial;
        /** When the page was asked for, when its load event came (or the wait for it ended), when the second look is due. */
        private long start;
        private long loadedAt;
        private long dueAt;
        private Optional<String> stillLoading = Optional.empty();
        private boolean timeDependent;
        private boolean fullPageTaken;
        private int budget;
        /** The page as first seen, what the crawl goes on from. */
        private PageCapture firstLook;
        /** The page as it is to be judged, once nothing more is to come. */
        private PageCapture result;
        private boolean closed;

        OpenPage(Page page, Chromium browser, URI url, ScreenshotSink sink, PageState state) {
            this.page = page;
            this.browser = browser;
            this.url = url;
            this.sink = sink;
            this.state = state;
        }

        void firstLook(PageOptions options, Calls c) {
            calls = c;
            start = System.nanoTime();
            Response response = navigate(page, url, calls);
            timings.add(ChromiumTimings.NAVIGATION, start);
            List<RedirectHop> redirects = calls.run("reading the response", () -> redirects(response));
            HeaderMap headers = calls.run("reading the response", () -> headers(response));
            URI finalUrl = URI.create(response.url());

            // From here on the page answered: whatever stops it now, what was captured so far is judged.
            partial = new Partial(url, finalUrl, response.status(), redirects, headers, headers.first("content-type"), state);
            try {
                long t = System.nanoTime();
                stillLoading = waitForLoad(page, calls, settings.navigationTimeout().minusNanos(System.nanoTime() - start));
                loadedAt = System.nanoTime();
                timings.add(ChromiumTimings.LOAD, t);
                t = System.nanoTime();
                settle(page, calls, state, SETTLE);
                timings.add(ChromiumTimings.SETTLE, t);
                t = System.nanoTime();
                BrowserFacts atLoad = facts(calls, TextSegment.AT_LOAD);
                long atLoadRead = System.nanoTime();
                partial.atLoad = atLoad;
                partial.loadMillis = (atLoadRead - start) / 1_000_000;
                partial.segments.addAll(atLoad.segments());
                snapshotHtml(calls, partial);
                timings.add(ChromiumTimings.EXTRACTION, t);
                budget = options.screenshotBudget();
                t = System.nanoTime();
                budget -= shoot(page, calls, sink, "viewport at load", false, budget, partial.shots);
                timeDependent = !atLoad.timers().isEmpty() || !atLoad.counters().isEmpty();
                boolean secondLook = options.watch() == Watch.ALWAYS || timeDependent;
                // With room for all three shots, the full page is taken before the second look is due; with less, the second
                // look's shot comes first (it is the evidence of what changed).
                if (!secondLook || budget >= 2) {
                    budget -= shoot(page, calls, sink, "full page", true, budget, partial.shots);
                    fullPageTaken = true;
                }
                timings.add(ChromiumTimings.SCREENSHOTS, t);
                if (secondLook) {
                    dueAt = secondLookDue(loadedAt, atLoadRead);
                } else {
                    result = built();
                }
            } catch (RuntimeException e) {
                result = judged(e);
            }
            firstLook = result != null ? result : built();
        }

        @Override
        public PageCapture firstLook() {
            return firstLook;
        }

        @Override
        public Duration untilDue() {
            return result != null ? Duration.ZERO : Duration.ofNanos(Math.max(0, dueAt - System.nanoTime()));
        }

        @Override
        public int screenshotsToCome() {
            return result != null ? 0 : Math.max(0, Math.min(budget, fullPageTaken ? 1 : 2));
        }

        @Override
        public PageCapture finish(Deadline deadline) {
            try {
                if (result == null) {
                    result = secondLook(calls.within(deadline));
                }
                return result;
            } finally {
                close(deadline);
            }
        }

        @Override
        public void abandon() {
            close(Deadline.in(CALL));
        }

        /** The second look (the text, timers and a screenshot read again), a reload when something is time-dependent. */
        private PageCapture secondLook(Calls c) {
            calls = c;
            if (!browser.isAlive()) {
                // Another page hung the browser while this one waited, and the browser was replaced: what was read at load stands.
                return built().cutShort("the browser was replaced while the page waited for its second look, which was not taken");
            }
            try {
                long t = System.nanoTime();
                Duration due = untilDue();
                if (!due.isZero()) {
                    Duration wait = calls.deadline.cap(due);
                    calls.run("waiting for the second look", wait, () -> page.waitForTimeout(wait.toMillis())); // the measurement itself
                }
                timings.add(ChromiumTimings.SECOND_LOOK, t);
                t = System.nanoTime();
                BrowserFacts later = facts(calls, TextSegment.LATER);
                long laterRead = System.nanoTime();
                timings.add(ChromiumTimings.EXTRACTION, t);
                t = System.nanoTime();
                long afterLoad = Math.round((laterRead - loadedAt) / 1e9);
                budget -= shoot(page, calls, sink, "viewport " + afterLoad + " s after load", false, budget, partial.shots);
                timings.add(ChromiumTimings.SCREENSHOTS, t);
                addNew(partial.segments, later.segments());
                Optional<BrowserFacts> reloaded = Optional.empty();
                long reloadMillis = 0;
                // A page that never finished loading is not reloaded: it would only spend the time again.
                if (timeDependent && stillLoading.isEmpty()) {
                    t = System.nanoTime();
                    reloaded = reload(page, browser, calls, state);
                    reloadMillis = (System.nanoTime() - start) / 1_000_000;
                    timings.add(ChromiumTimings.RELOAD, t);
                }
                // The readings carry the times they were actually taken, counted from the request for the page.
                partial.temporal = TemporalProbe.combine(partial.atLoad, partial.loadMillis, later, (laterRead - start) / 1_000_000,
                        reloaded, reloadMillis);
                if (!fullPageTaken) {
                    t = System.nanoTime();
                    shoot(page, calls, sink, "full page", true, budget, partial.shots);
                    timings.add(ChromiumTimings.SCREENSHOTS, t);
                }
                return built();
            } catch (RuntimeException e) {
                return judged(e);
            }
        }

        /** The page as captured so far, cut short when it never finished loading. */
        private PageCapture built() {
            PageCapture p = partial.build();
            return stillLoading.map(p::cutShort).orElse(p);
        }

        /** What a failure means once the page answered: judged from what was read, cut short — or thrown on when nothing was. */
        private PageCapture judged(RuntimeException e) {
            if (e instanceof PageCaptureException pe) {
                if (pe.kind() == PageCaptureException.Kind.CUT_SHORT && partial.atLoad != null) {
                    return partial.build().cutShort(pe.getMessage());
                }
                throw pe;
            }
            if (e instanceof TimeoutError) {
                String why = calls.deadline.expired() ? "the time for this page ran out while it was being read"
                        : "the page stopped answering: a call into it ran out of time (" + Chromium.firstLine(e.getMessage()) + ")";
                if (partial.atLoad != null) {
                    return partial.build().cutShort(why);
                }
                throw new PageCaptureException(PageCaptureException.Kind.CUT_SHORT, why, e);
            }
            if (e instanceof PlaywrightException) {
                if (partial.atLoad != null) {
                    return partial.build().cutShort("the browser lost the page: " + Chromium.firstLine(e.getMessage()));
                }
                // The page answered, so it is there to be judged: cut short lets the crawler read its HTML as served instead.
                throw new PageCaptureException(PageCaptureException.Kind.CUT_SHORT,
                        "the browser lost the page while reading it: " + Chromium.firstLine(e.getMessage()), e);
            }
            throw e;
        }

        /** Closes the page once; a page whose browser is gone went with it. */
        void close(Deadline deadline) {
            if (closed) {
                return;
            }
            closed = true;
            if (!browser.isAlive()) {
                return;
            }
            long t = System.nanoTime();
            Runnable kill = browser::kill;
            try {
                // Closing a page whose navigation is still under way can hang the driver: let it settle first (briefly).
                deadline.watchRun("letting the page settle before closing it", CALL, kill, () -> {
                    try {
                        page.waitForLoadState(LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(2000));
                    } catch (PlaywrightException ignored) {
                        // still loading (a tarpit) or already gone: close it anyway
                    }
                });
                deadline.watchRun("closing the page", CALL, kill, () -> page.close(new Page.CloseOptions().setRunBeforeUnload(false)));
            } catch (RuntimeException ignored) {
                // the page is gone with its context or its browser anyway
            }
            timings.add(ChromiumTimings.CLOSE, t);
        }
    }

    /** What the listeners collect while the page lives. */
    private static final class PageState {
        final List<NetworkRequest> requests = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Integer> statuses = Collections.synchronizedMap(new HashMap<>());
        final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
        /** Requests started and not yet finished or failed, and when the network last did anything. */
        final AtomicInteger inFlight = new AtomicInteger();
        volatile long lastActivity = System.nanoTime();

        void started() {
            inFlight.incrementAndGet();
            lastActivity = System.nanoTime();
        }

        void ended() {
            inFlight.updateAndGet(n -> Math.max(0, n - 1));
            lastActivity = System.nanoTime();
        }

        /** How much longer the network must stay as it is to count as quiet; zero when it is quiet now. */
        Duration untilQuiet() {
            if (inFlight.get() > QUIET_IN_FLIGHT) {
                return QUIET;
            }
            long left = QUIET.toNanos() - (System.nanoTime() - lastActivity);
            return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
        }
    }

    /** Goes to the page and returns once its response has arrived (the page may still be loading). */
    private Response navigate(Page page, URI url, Calls calls) {
        int refusalsBefore = proxy.refusals().size();
        Duration timeout = calls.deadline.cap(settings.navigationTimeout());
        Response response;
        try {
            response = calls.run("loading the page", timeout, () -> page.navigate(url.toString(),
                    new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT).setTimeout(timeout.toMillis())));
        } catch (TimeoutError e) {
            throw new PageCaptureException(PageCaptureException.Kind.UNREACHABLE, "could not reach " + HttpFetcher.hostPort(url)
                    + " — no answer within " + timeout.toSeconds() + " s", e);
        } catch (PageCaptureException e) {
            throw e;
        } catch (PlaywrightException e) {
            throw newRefusal(refusalsBefore).orElseGet(() -> navigationProblem(url, e.getMessage(), proxy));
        }
        if (response == null) {
            throw new PageCaptureException(PageCaptureException.Kind.NOT_A_PAGE, "the browser got no response for " + url);
        }
        Optional<String> unreachable = Optional.ofNullable(response.headerValue(GuardedProxy.UNREACHABLE_HEADER));
        if (unreachable.isPresent()) {
            throw new PageCaptureException(PageCaptureException.Kind.UNREACHABLE, "could not reach " + HttpFetcher.hostPort(URI.create(response.url()))
                    + " — " + unreachable.get());
        }
        if (response.headerValue(GuardedProxy.REFUSED_HEADER) != null) {
            Optional<String> why = proxy.refusalFor(URI.create(response.url()).getHost());
            if (why.isPresent()) {
                throw new PageCaptureException(PageCaptureException.Kind.NOT_A_PAGE,
                        "the site sent the browser on to " + response.url() + ", which Veritas refused: " + why.get());
            }
        }
        return response;
    }

    /**
     * Waits for the load event in short slices, asking between them whether the page still answers: a page whose
     * scripts never yield is found out in seconds, not at the end of the load timeout. Returns why the page is judged
     * unfinished when it was still loading at the end of {@code limit}.
     */
    private Optional<String> waitForLoad(Page page, Calls calls, Duration limit) {
        long end = System.nanoTime() + calls.deadline.cap(limit.isNegative() ? Duration.ZERO : limit).toNanos();
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return Optional.of("the page was still loading after " + settings.navigationTimeout().toSeconds()
                        + " s (it arrived too slowly); what had arrived is judged");
            }
            Duration slice = Duration.ofNanos(Math.min(left, LOAD_SLICE.toNanos()));
            try {
                calls.run("waiting for the page to load", slice, () -> page.waitForLoadState(LoadState.LOAD,
                        new Page.WaitForLoadStateOptions().setTimeout(Math.max(1, slice.toMillis()))));
                return Optional.empty();
            } catch (TimeoutError e) {
                ping(calls);
            }
        }
    }

    /** A trivial evaluation with a short budget: no answer means the page's scripts hold its only thread. */
    private void ping(Calls calls) {
        calls.isolated("a check that the page still responds", "1", PING);
    }

    /**
     * Waits until the network is quiet (see {@link #QUIET}), at most {@code limit}: pages that poll forever never go
     * quiet, and what loaded so far is what a visitor sees. The page's events arrive while it waits in short steps.
     */
    private static void settle(Page page, Calls calls, PageState state, Duration limit) {
        long end = System.nanoTime() + calls.deadline.cap(limit).toNanos();
        while (true) {
            Duration wait = state.untilQuiet();
            long left = end - System.nanoTime();
            if (wait.isZero() || left <= 0) {
                return;
            }
            long step = Math.max(1, Math.min(Math.min(wait.toMillis(), QUIET_POLL.toMillis()), left / 1_000_000));
            calls.run("waiting for the network to go quiet", Duration.ofMillis(step), () -> page.waitForTimeout(step));
        }
    }

    private Optional<BrowserFacts> reload(Page page, Chromium browser, Calls calls, PageState state) {
        Duration timeout = calls.deadline.cap(settings.navigationTimeout());
        try {
            calls.run("reloading the page", timeout, () -> page.reload(new Page.ReloadOptions().setWaitUntil(WaitUntilState.COMMIT)
                    .setTimeout(Math.max(1, timeout.toMillis()))));
            if (waitForLoad(page, calls, timeout).isPresent()) {
                return Optional.empty();
            }
            settle(page, calls, state, Duration.ofSeconds(1));
            return Optional.of(facts(calls, "reload"));
        } catch (TimeoutError e) {
            return Optional.empty();
        } catch (PlaywrightException e) {
            if (!browser.isAlive()) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** The page's facts, after a quick ping: a page whose scripts hold its thread is found out in seconds. */
    private BrowserFacts facts(Calls calls, String moment) {
        ping(calls);
        return BrowserFacts.parse(calls.isolated("reading the page", EXTRACT, CALL).getAsString(), moment);
    }

    /** The page's markup as it stands, cut in the page to {@value #MAX_HTML} characters before it is sent over. */
    private static void snapshotHtml(Calls calls, Partial partial) {
        var snapshot = Json.parse(calls.isolated("reading the page's markup", HTML_SNAPSHOT, CALL).getAsString());
        partial.html = snapshot.path("html").asText("");
        partial.htmlTruncated = snapshot.path("length").asLong(0) > MAX_HTML;
    }

    private int shoot(Page page, Calls calls, ScreenshotSink sink, String label, boolean fullPage, int budget, List<Integer> shots) {
        if (budget <= 0) {
            return 0;
        }
        Duration timeout = calls.deadline.cap(CALL);
        Page.ScreenshotOptions o = new Page.ScreenshotOptions().setType(ScreenshotType.JPEG).setQuality(settings.jpegQuality())
                .setTimeout(Math.max(1, timeout.toMillis()));
        if (fullPage) {
            JsonElement h = calls.isolated("measuring the page", PAGE_HEIGHT, CALL);
            double height = h != null && h.isJsonPrimitive() ? h.getAsDouble() : settings.viewportHeight();
            if (height > settings.maxFullPageHeight()) {
                o.setFullPage(true).setClip(0, 0, settings.viewportWidth(), settings.maxFullPageHeight());
            } else {
                o.setFullPage(true);
            }
        }
        byte[] bytes = calls.run("taking a screenshot", timeout, () -> page.screenshot(o));
        int[] size = ImageSize.of(bytes);
        shots.add(sink.save(label, URI.create(page.url()), "image/jpeg", size[0], size[1], bytes));
        return 1;
    }

    /** Adds what appeared since load (toasts, pop-ups): text not seen before, or seen only while hidden. */
    private static void addNew(List<TextSegment> segments, List<TextSegment> later) {
        Set<String> shown = new HashSet<>();
        segments.stream().filter(TextSegment::visible).forEach(s -> shown.add(s.text()));
        Set<String> all = new HashSet<>();
        segments.forEach(s -> all.add(s.text()));
        for (TextSegment s : later) {
            boolean isNew = !all.contains(s.text());
            boolean nowShown = s.visible() && !shown.contains(s.text());
            if (isNew || nowShown) {
                segments.add(s);
                all.add(s.text());
                if (s.visible()) {
                    shown.add(s.text());
                }
            }
        }
    }

    /** What was captured of a page so far, so that a page cut short is still judged on it. */
    private static final class Partial {
        final URI requested;
        final URI finalUrl;
        final int status;
        final List<RedirectHop> redirects;
        final HeaderMap headers;
        final Optional<String> contentType;
        final PageState state;
        final List<TextSegment> segments = new ArrayList<>();
        final List<Integer> shots = new ArrayList<>();
        BrowserFacts atLoad;
        /** When the page was read at load, in milliseconds from the request for it. */
        long loadMillis;
        String html = "";
        boolean htmlTruncated;
        TemporalFacts temporal = TemporalFacts.none();

        Partial(URI requested, URI finalUrl, int status, List<RedirectHop> redirects, HeaderMap headers, Optional<String> contentType,
                PageState state) {
            this.requested = requested;
            this.finalUrl = finalUrl;
            this.status = status;
            this.redirects = redirects;
            this.headers = headers;
            this.contentType = contentType;
            this.state = state;
        }

        PageCapture build() {
            List<NetworkRequest> requests;
            synchronized (state.requests) {
                requests = List.copyOf(state.requests);
            }
            List<String> errors;
            synchronized (state.consoleErrors) {
                errors = List.copyOf(state.consoleErrors);
            }
            return new PageCapture(requested, finalUrl, status, redirects, headers, contentType, atLoad.title(), html, htmlTruncated,
                    segments, atLoad.controls(), atLoad.checkboxes(), atLoad.forms(), atLoad.scripts(), atLoad.links(), requests, errors,
                    temporal, shots, atLoad.branding());
        }
    }

    /**
     * Calls into one page, each under the deadline's watchdog with the browser's kill as the way out. Reads run in an
     * isolated world through the DevTools protocol, where the page's own scripts cannot reach.
     */
    private static final class Calls {
        final Page page;
        final Deadline deadline;
        final Runnable kill;
        private CDPSession cdp;

        Calls(Page page, Deadline deadline, Runnable kill) {
            this.page = page;
            this.deadline = deadline;
            this.kill = kill;
        }

        /** The same page's calls under another deadline: the second look's, which may come after other pages were captured. */
        Calls within(Deadline other) {
            Calls c = new Calls(page, other, kill);
            c.cdp = cdp;
            return c;
        }

        <T> T run(String what, Supplier<T> call) {
            return run(what, CALL, call);
        }

        <T> T run(String what, Duration limit, Supplier<T> call) {
            return deadline.watch(what, deadline.cap(limit), kill, call);
        }

        void run(String what, Duration limit, Runnable call) {
            deadline.watchRun(what, deadline.cap(limit), kill, call);
        }

        /** Evaluates {@code expression} in a fresh isolated world of the main frame and returns its value. */
        JsonElement isolated(String what, String expression, Duration limit) {
            Duration timeout = deadline.cap(limit);
            return run(what, timeout, () -> {
                CDPSession session = session();
                JsonObject tree = session.send("Page.getFrameTree");
                String frameId = tree.getAsJsonObject("frameTree").getAsJsonObject("frame").get("id").getAsString();
                JsonObject world = new JsonObject();
                world.addProperty("frameId", frameId);
                world.addProperty("worldName", "veritas");
                world.addProperty("grantUniveralAccess", false);
                int contextId = session.send("Page.createIsolatedWorld", world).get("executionContextId").getAsInt();
                JsonObject eval = new JsonObject();
                eval.addProperty("expression", expression);
                eval.addProperty("contextId", contextId);
                eval.addProperty("returnByValue", true);
                // Our own script is stopped by V8 if a monstrous page makes it run too long.
                eval.addProperty("timeout", Math.max(1, timeout.toMillis()));
                JsonObject result = session.send("Runtime.evaluate", eval);
                if (result.has("exceptionDetails")) {
                    JsonObject details = result.getAsJsonObject("exceptionDetails");
                    String text = details.has("exception") && details.getAsJsonObject("exception").has("description")
                            ? details.getAsJsonObject("exception").get("description").getAsString() : details.toString();
                    throw new PageCaptureException(PageCaptureException.Kind.CUT_SHORT, "the page could not be read: " + Chromium.firstLine(text));
                }
                return result.getAsJsonObject("result").get("value");
            });
        }

        private CDPSession session() {
            if (cdp == null) {
                cdp = page.context().newCDPSession(page);
            }
            return cdp;
        }
    }

    private static List<RedirectHop> redirects(Response response) {
        List<RedirectHop> hops = new ArrayList<>();
        for (Request r = response.request().redirectedFrom(); r != null; r = r.redirectedFrom()) {
            Response rr = r.response();
            hops.add(0, new RedirectHop(URI.create(r.url()), rr == null ? 0 : rr.status(),
                    rr == null ? Optional.empty() : Optional.ofNullable(rr.headerValue("location"))));
        }
        hops.add(new RedirectHop(URI.create(response.url()), response.status(), Optional.empty()));
        return hops;
    }

    private static HeaderMap headers(Response response) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (HttpHeader h : response.headersArray()) {
            m.computeIfAbsent(h.name, k -> new ArrayList<>()).add(h.value);
        }
        return HeaderMap.of(m);
    }

    /** A navigation that failed because the proxy refused a hop (a redirect's target, most often): that is the reason to give. */
    private Optional<PageCaptureException> newRefusal(int before) {
        List<GuardedProxy.Refusal> all = proxy.refusals();
        if (all.size() <= before) {
            return Optional.empty();
        }
        GuardedProxy.Refusal r = all.get(all.size() - 1);
        return Optional.of(new PageCaptureException(PageCaptureException.Kind.NOT_A_PAGE,
                "the site sent the browser on to " + r.host() + ", which Veritas refused: " + r.reason()));
    }

    private boolean refusedByProxy(Request r) {
        try {
            String host = URI.create(r.url()).getHost();
            return host != null && proxy.refusalFor(host).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void addRequest(List<NetworkRequest> out, Request r, Map<String, Integer> statuses, boolean blocked) {
        if (out.size() >= MAX_REQUESTS) {
            return;
        }
        try {
            out.add(new NetworkRequest(URI.create(r.url()), r.resourceType(), Optional.ofNullable(statuses.get(r.url())), blocked));
        } catch (IllegalArgumentException ignored) {
            // data: and other odd URLs are not network requests worth keeping
        }
    }


    /** What a failed navigation means, in words, and whether there is a site at all. */
    static PageCaptureException navigationProblem(URI url, String message, GuardedProxy proxy) {
        String m = message == null ? "" : message;
        String unreachable = "could not reach " + HttpFetcher.hostPort(url) + " — ";
        if (m.contains("ERR_TOO_MANY_REDIRECTS")) {
            return new PageCaptureException(PageCaptureException.Kind.NOT_A_PAGE, "the site redirects in a loop (too many redirects)");
        }
        if (m.contains("ERR_TUNNEL_CONNECTION_FAILED") || m.contains("ERR_PROXY_CONNECTION_FAILED")) {
            String why = proxy.unreachableFor(url.getHost(), url.getPort() != -1 ? url.getPort() : 443).orElse("the connection failed");
            return new PageCaptureException(PageCaptureException.Kind.UNREACHABLE, unreachable + why);
        }
        if (m.contains("ERR_CONNECTION_REFUSED")) {
            return new PageCaptureException(PageCaptureException.Kind.UNREACHABLE, unreachable + "connection refused");
        }
        if (m.contains("ERR_NAME_NOT_RESOLVED")) {
            return new PageCaptureException(PageCaptureException.Kind.UNREACHABLE, unreachable + "the host name does not resolve (DNS)");
        }
        if (m.contains("ERR_BLOCKED_BY_CLIENT")) {
            return new PageCaptureException(PageCaptureException.Kind.NOT_A_PAGE,
                    "the address was refused by the URL guard (private or local network); use --allow-private to audit such sites");
        }
        if (m.contains("Download is starting") || m.contains("ERR_ABORTED")) {
            return new PageCaptureException(PageCaptureException.Kind.NOT_A_PAGE, "the address serves a file to download, not a web page");
        }
        if (m.contains("ERR_CERT") || m.contains("ERR_SSL")) {
            return new PageCaptureException(PageCaptureException.Kind.UNREACHABLE, unreachable + "the TLS handshake failed ("
                    + Chromium.firstLine(m) + ")");
        }
        if (m.contains("ERR_EMPTY_RESPONSE") || m.contains("ERR_CONNECTION_CLOSED") || m.contains("ERR_CONNECTION_RESET")) {
            return new PageCaptureException(PageCaptureException.Kind.UNREACHABLE, unreachable + "the server closed the connection without an answer");
        }
        if (m.contains("ERR_UNSAFE_PORT")) {
            return new PageCaptureException(PageCaptureException.Kind.NOT_A_PAGE, "browsers refuse to connect to port " + url.getPort()
                    + " (it belongs to another protocol), so no visitor can reach a web page there");
        }
        if (m.contains("ERR_TIMED_OUT") || m.contains("ERR_CONNECTION_TIMED_OUT")) {
            return new PageCaptureException(PageCaptureException.Kind.UNREACHABLE, unreachable + "no answer in time");
        }
        return new PageCaptureException("the page could not be loaded: " + Chromium.firstLine(m));
    }

    private static String loadScript() {
        try (InputStream in = ChromiumPageCapturer.class.getResourceAsStream("extract.js")) {
            if (in == null) {
                throw new IllegalStateException("extract.js is missing from the Veritas jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeContext() {
        if (context == null) {
            return;
        }
        BrowserContext c = context;
        context = null;
        Chromium browser = chromium;
        if (browser != null && browser.isAlive()) {
            try {
                Deadline.in(CALL).watchRun("closing the browser window", CALL, browser::kill, c::close);
            } catch (RuntimeException ignored) {
                // the browser went away (or was killed because it would not close); nothing to release
            }
        }
    }

    @Override
    public void close() {
        try {
            closeContext();
        } finally {
            proxy.close();
        }
    }
}
