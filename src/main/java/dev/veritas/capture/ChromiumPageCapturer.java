package dev.veritas.capture;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.HttpHeader;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.Proxy;
import com.microsoft.playwright.options.ScreenshotType;
import com.microsoft.playwright.options.WaitUntilState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Captures pages in Chromium: the response as the browser got it, the rendered page's facts, screenshots at
 * load and a few seconds later, a full-page shot, and the timer probes (later, reload) where {@link Watch} says.
 * Every connection the browser makes goes through a {@link GuardedProxy}, so every request — redirect hops
 * included — passes the URL guard; request interception refuses the obvious ones before they leave the page.
 */
public final class ChromiumPageCapturer implements PageCapturer {
    private static final String EXTRACT = loadScript();
    private static final int MAX_HTML = 2 * 1024 * 1024;
    private static final int MAX_REQUESTS = 500;

    private final BrowserContext context;
    private final GuardedProxy proxy;
    private final CaptureSettings settings;

    public ChromiumPageCapturer(Chromium chromium, UrlGuard guard, CaptureSettings settings) {
        this.settings = settings;
        this.proxy = GuardedProxy.start(guard);
        // Every connection goes through the guarded proxy, loopback included ("<-loopback>" undoes Chromium's
        // built-in bypass): request interception alone never sees redirect hops.
        this.context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setProxy(new Proxy(proxy.address()).setBypass("<-loopback>"))
                .setIgnoreHTTPSErrors(true)
                .setViewportSize(settings.viewportWidth(), settings.viewportHeight())
                .setUserAgent(HttpFetcher.USER_AGENT)
                .setLocale("en-US")
                .setServiceWorkers(com.microsoft.playwright.options.ServiceWorkerPolicy.BLOCK));
        context.route("**/*", route -> {
            String url = route.request().url();
            if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:")) {
                route.resume();
                return;
            }
            try {
                if (guard.check(URI.create(url)) instanceof UrlGuard.Refused) {
                    route.abort("blockedbyclient");
                    return;
                }
            } catch (IllegalArgumentException e) {
                route.abort("blockedbyclient");
                return;
            }
            route.resume();
        });
    }

    @Override
    public CaptureSource source() {
        return CaptureSource.CHROMIUM;
    }

    @Override
    public PageCapture capture(URI url, PageOptions options, ScreenshotSink sink) {
        Page page = context.newPage();
        List<NetworkRequest> requests = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> statuses = Collections.synchronizedMap(new HashMap<>());
        List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
        page.onResponse(r -> statuses.put(r.url(), r.status()));
        page.onRequestFinished(r -> addRequest(requests, r, statuses, refusedByProxy(r)));
        page.onRequestFailed(r -> addRequest(requests, r, statuses, (r.failure() != null && r.failure().contains("BLOCKED")) || refusedByProxy(r)));
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && consoleErrors.size() < 50) {
                consoleErrors.add(Chromium.firstLine(m.text()));
            }
        });
        try {
            long navTimeout = Math.max(1000, Math.min(settings.navigationTimeout().toMillis(),
                    Duration.between(Instant.now(), options.deadline()).toMillis()));
            page.setDefaultTimeout(navTimeout);
            long start = System.nanoTime();
            int refusalsBefore = proxy.refusals().size();
            Response response;
            try {
                response = page.navigate(url.toString(), new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD).setTimeout(navTimeout));
            } catch (TimeoutError e) {
                throw new PageCaptureException("the page did not finish loading within " + navTimeout / 1000 + " s");
            } catch (PlaywrightException e) {
                throw new PageCaptureException(newRefusal(refusalsBefore).orElseGet(() -> navigationProblem(e.getMessage())), e);
            }
            if (response == null) {
                throw new PageCaptureException("the browser got no response for " + url);
            }
            if (response.headerValue(GuardedProxy.REFUSED_HEADER) != null) {
                Optional<String> why = proxy.refusalFor(URI.create(response.url()).getHost());
                if (why.isPresent()) {
                    throw new PageCaptureException("the site sent the browser on to " + response.url() + ", which Veritas refused: " + why.get());
                }
            }
            settle(page, 2500);
            BrowserFacts atLoad = facts(page, TextSegment.AT_LOAD);
            List<Integer> shots = new ArrayList<>();
            int budget = options.screenshotBudget();
            budget -= shoot(page, sink, "viewport at load", false, budget, shots);

            List<TextSegment> segments = new ArrayList<>(atLoad.segments());
            TemporalFacts temporal = TemporalFacts.none();
            boolean timeDependent = !atLoad.timers().isEmpty() || !atLoad.counters().isEmpty();
            if (options.watch() == Watch.ALWAYS || timeDependent) {
                long loadMillis = (System.nanoTime() - start) / 1_000_000;
                page.waitForTimeout(settings.laterDelay().toMillis()); // the measurement itself: what changes with time
                BrowserFacts later = facts(page, TextSegment.LATER);
                long laterMillis = (System.nanoTime() - start) / 1_000_000;
                budget -= shoot(page, sink, "viewport after " + settings.laterDelay().toSeconds() + " s", false, budget, shots);
                addNew(segments, later.segments());
                Optional<BrowserFacts> reloaded = Optional.empty();
                long reloadMillis = 0;
                if (timeDependent) {
                    try {
                        page.reload(new Page.ReloadOptions().setWaitUntil(WaitUntilState.LOAD).setTimeout(navTimeout));
                        settle(page, 1000);
                        reloaded = Optional.of(facts(page, "reload"));
                        reloadMillis = (System.nanoTime() - start) / 1_000_000;
                    } catch (PlaywrightException e) {
                        reloaded = Optional.empty();
                    }
                }
                temporal = TemporalProbe.combine(atLoad, loadMillis, later, laterMillis, reloaded, reloadMillis);
            }
            budget -= shoot(page, sink, "full page", true, budget, shots);

            String html = page.content();
            boolean truncated = html.length() > MAX_HTML;
            if (truncated) {
                html = html.substring(0, MAX_HTML);
            }
            return new PageCapture(url, URI.create(response.url()), response.status(), redirects(response), headers(response),
                    Optional.ofNullable(response.headerValue("content-type")), atLoad.title(), html, truncated, segments,
                    atLoad.controls(), atLoad.checkboxes(), atLoad.forms(), atLoad.scripts(), atLoad.links(),
                    List.copyOf(requests), List.copyOf(consoleErrors), temporal, shots, atLoad.branding());
        } catch (TimeoutError e) {
            throw new PageCaptureException("the page took too long to respond while being captured");
        } catch (PlaywrightException e) {
            throw new PageCaptureException("the browser could not capture the page: " + Chromium.firstLine(e.getMessage()), e);
        } finally {
            try {
                page.close();
            } catch (PlaywrightException ignored) {
                // the page is gone with its context anyway
            }
        }
    }

    private static void settle(Page page, int millis) {
        try {
            page.waitForLoadState(LoadState.NETWORKIDLE, new Page.WaitForLoadStateOptions().setTimeout(millis));
        } catch (TimeoutError ignored) {
            // pages that poll forever never go idle; what loaded so far is what a visitor sees
        }
    }

    private static BrowserFacts facts(Page page, String moment) {
        Object json = page.evaluate(EXTRACT);
        return BrowserFacts.parse(String.valueOf(json), moment);
    }

    private int shoot(Page page, ScreenshotSink sink, String label, boolean fullPage, int budget, List<Integer> shots) {
        if (budget <= 0) {
            return 0;
        }
        Page.ScreenshotOptions o = new Page.ScreenshotOptions().setType(ScreenshotType.JPEG).setQuality(settings.jpegQuality()).setTimeout(15_000);
        if (fullPage) {
            Object h = page.evaluate("() => Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)");
            double height = h instanceof Number n ? n.doubleValue() : settings.viewportHeight();
            if (height > settings.maxFullPageHeight()) {
                o.setFullPage(true).setClip(0, 0, settings.viewportWidth(), settings.maxFullPageHeight());
            } else {
                o.setFullPage(true);
            }
        }
        byte[] bytes = page.screenshot(o);
        int[] size = ImageSize.of(bytes);
        shots.add(sink.save(label, URI.create(page.url()), "image/jpeg", size[0], size[1], bytes));
        return 1;
    }

    /** Adds what appeared since load (toasts, pop-ups): text not seen before, or seen only while hidden. */
    private static void addNew(List<TextSegment> segments, List<TextSegment> later) {
        java.util.Set<String> shown = new java.util.HashSet<>();
        segments.stream().filter(TextSegment::visible).forEach(s -> shown.add(s.text()));
        java.util.Set<String> all = new java.util.HashSet<>();
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
    private Optional<String> newRefusal(int before) {
        List<GuardedProxy.Refusal> all = proxy.refusals();
        if (all.size() <= before) {
            return Optional.empty();
        }
        GuardedProxy.Refusal r = all.get(all.size() - 1);
        return Optional.of("the site sent the browser on to " + r.host() + ", which Veritas refused: " + r.reason());
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

    static String navigationProblem(String message) {
        String m = message == null ? "" : message;
        if (m.contains("ERR_TOO_MANY_REDIRECTS")) {
            return "the site redirects in a loop (too many redirects)";
        }
        if (m.contains("ERR_CONNECTION_REFUSED")) {
            return "connection refused: nothing answers at that address";
        }
        if (m.contains("ERR_NAME_NOT_RESOLVED")) {
            return "the host name does not resolve (DNS)";
        }
        if (m.contains("ERR_BLOCKED_BY_CLIENT")) {
            return "the address was refused by the URL guard (private or local network); use --allow-private to audit such sites";
        }
        if (m.contains("Download is starting") || m.contains("ERR_ABORTED")) {
            return "the address serves a file to download, not a web page";
        }
        if (m.contains("ERR_CERT") || m.contains("ERR_SSL")) {
            return "the TLS connection failed: " + Chromium.firstLine(m);
        }
        if (m.contains("ERR_EMPTY_RESPONSE") || m.contains("ERR_CONNECTION_CLOSED") || m.contains("ERR_CONNECTION_RESET")) {
            return "the server closed the connection without an answer";
        }
        return "the page could not be loaded: " + Chromium.firstLine(m);
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

    @Override
    public void close() {
        try {
            context.close();
        } catch (PlaywrightException ignored) {
            // the browser went away; nothing to release
        } finally {
            proxy.close();
        }
    }
}
