package dev.veritas.engine;

import dev.veritas.audit.Tier;
import dev.veritas.capture.CaptureSource;
import dev.veritas.capture.CaptureStoppedException;
import dev.veritas.capture.Deadline;
import dev.veritas.capture.network.HttpFetcher;
import dev.veritas.capture.network.HttpPageCapturer;
import dev.veritas.capture.LinkFacts;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.PageCaptureException;
import dev.veritas.capture.PageCapturer;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.TlsFacts;
import dev.veritas.capture.network.TlsProbe;
import dev.veritas.capture.network.UrlGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Visits a site within its budget: the address first (with the timer probes), then same-site links in
 * priority order; then asks the probes the checks need (the site over plain http://, a CORS request, the TLS
 * handshake of each origin). Every fetch passes the URL guard, and every call takes its time from the budget's
 * deadline: each page gets a share of it, and what is left when the time is up is not visited.
 *
 * <p>A first page that answered but then hung the browser is read again over plain HTTP, so the site is judged on
 * the HTML it serves (marked as cut short) rather than not at all.
 */
final class SiteCrawler {
    private final UrlGuard guard;
    private final HttpFetcher fetcher;
    private final TlsProbe tls;
    private final EngineOptions options;

    SiteCrawler(UrlGuard guard, HttpFetcher fetcher, TlsProbe tls, EngineOptions options) {
        this.guard = guard;
        this.fetcher = fetcher;
        this.tls = tls;
        this.options = options;
    }

    /** What the tier allows; {@code watchEveryPage} gives every page the second look and timer probes. */
    record Budget(int maxPages, int maxScreenshots, Deadline deadline, boolean watchEveryPage) {
        static Budget of(Tier tier, Deadline deadline) {
            return new Budget(tier.maxPages(), tier.maxScreenshots(), deadline, tier == Tier.DEEP_FORENSIC);
        }
    }

    /** The most one page may take: loading, a second look, a reload and the screenshots. */
    private Duration pageShare() {
        return options.capture().navigationTimeout().multipliedBy(2).plus(options.capture().laterDelay()).plusSeconds(10);
    }

    /** The most one probe (plain http://, CORS, a TLS handshake) may take. */
    private static final Duration PROBE_SHARE = Duration.ofSeconds(10);
    /**
     * Kept of the audit's time for the first page's second look (a reading, a screenshot, a reload) when the next page is
     * captured while it waits; with less left, the second look is taken first, as it was before pages overlapped.
     */
    private static final Duration SECOND_LOOK_RESERVE = Duration.ofSeconds(15);
    /** Kept for reading a first page over plain HTTP when it hung the browser. */
    private static final Duration FALLBACK_SHARE = Duration.ofSeconds(8);

    private static Duration min(Duration a, Duration b) {
        Duration m = a.compareTo(b) < 0 ? a : b;
        return m.isNegative() ? Duration.ZERO : m;
    }

    interface Listener {
        void pageCaptured(int index, PageCapture page, CaptureSource source);

        void pageFailed(URI url, String reason);

        /** Throws when the audit must stop (cancelled, taken over, shutting down). */
        void checkpoint();

        /** Why the audit was stopped, once it was. */
        Optional<StopReason> stopped();

        int screenshotsTaken();

        /** A page already reported captured was cut short afterwards (its second look could not be taken), and why. */
        void pageCutShort(PageCapture page, String why);
    }

    private record Candidate(URI url, int rank, int order) {}

    SiteCapture crawl(URI target, PageCapturer capturer, Budget budget, PageCapturer.ScreenshotSink sink, Listener listener, List<String> notes) {
        Instant started = Instant.now();
        guard.require(target);
        Deadline deadline = budget.deadline();
        List<PageCapture> pages = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        PriorityQueue<Candidate> queue = new PriorityQueue<>(Comparator.comparingInt(Candidate::rank).thenComparingInt(Candidate::order));
        int order = 0;
        URI next = target;
        boolean first = true;
        // The first page while its second look is still to come: the next pages are captured meanwhile, in other tabs.
        FirstPage waiting = null;
        try {
            while (next != null) {
                listener.checkpoint();
                visited.add(LinkPriority.key(next));
                // Its second look is taken as soon as it is due, and before another page when the audit's time is short.
                if (waiting != null && (waiting.pending().untilDue().isZero()
                        || deadline.remaining().compareTo(pageShare().plus(SECOND_LOOK_RESERVE)) < 0)) {
                    pages.set(0, finish(waiting, deadline, listener));
                    waiting = null;
                }
                int shotsLeft = budget.maxScreenshots() - listener.screenshotsTaken() - (waiting == null ? 0 : waiting.pending().screenshotsToCome());
                try {
                    PageCapture page;
                    if (first) {
                        // The first page leaves time to be read again over plain HTTP, should it hang the browser until its end.
                        Duration share = min(pageShare(), deadline.remaining().minus(FALLBACK_SHARE));
                        PageCapturer.PageOptions pageOptions = new PageCapturer.PageOptions(PageCapturer.Watch.ALWAYS, shotsLeft, deadline.part(share));
                        long begun = System.nanoTime();
                        PageCapturer.Pending pending = beginFirst(next, capturer, pageOptions, sink, deadline);
                        waiting = new FirstPage(pending, share.minusNanos(System.nanoTime() - begun));
                        page = pending.firstLook();
                    } else {
                        PageCapturer.PageOptions pageOptions = new PageCapturer.PageOptions(budget.watchEveryPage()
                                ? PageCapturer.Watch.ALWAYS : PageCapturer.Watch.IF_TIME_DEPENDENT, shotsLeft, deadline.part(pageShare()));
                        page = capturer.capture(next, pageOptions, sink);
                    }
                    visited.add(LinkPriority.key(page.finalUrl()));
                    pages.add(page);
                    listener.pageCaptured(pages.size() - 1, page, capturer.source());
                    URI site = page.finalUrl();
                    for (LinkFacts l : page.links()) {
                        Optional<Integer> rank = LinkPriority.rank(l, site);
                        if (rank.isPresent() && !visited.contains(LinkPriority.key(l.href()))) {
                            queue.add(new Candidate(withoutFragment(l.href()), rank.get(), order++));
                        }
                    }
                } catch (PageCaptureException e) {
                    if (first) {
                        throw e;
                    }
                    listener.pageFailed(next, e.getMessage());
                } catch (CaptureStoppedException e) {
                    if (listener.stopped().orElse(null) != StopReason.DEADLINE || pages.isEmpty()) {
                        throw e;
                    }
                    notes.add("stopped after " + pages.size() + " pages: the tier's time budget ran out while " + next + " was being captured");
                    break;
                }
                first = false;
                next = null;
                if (pages.size() >= budget.maxPages()) {
                    break;
                }
                if (deadline.expired()) {
                    notes.add("stopped after " + pages.size() + " pages: the tier's time budget ran out");
                    break;
                }
                while (!queue.isEmpty()) {
                    Candidate c = queue.poll();
                    if (visited.add(LinkPriority.key(c.url()))) {
                        next = c.url();
                        break;
                    }
                }
            }
            if (waiting != null) {
                pages.set(0, finish(waiting, deadline, listener));
                waiting = null;
            }
        } finally {
            if (waiting != null) {
                waiting.pending().abandon();
            }
        }
        if (pages.isEmpty()) {
            throw new CaptureStoppedException(listener.stopped().map(StopReason::description).orElse("nothing could be captured"));
        }
        PageCapture firstPage = pages.get(0);
        Optional<SiteCapture.HttpProbe> httpProbe = Optional.empty();
        Optional<SiteCapture.CorsProbe> cors = Optional.empty();
        Map<String, TlsFacts> tlsFacts = Map.of();
        if (deadline.expired() || listener.stopped().isPresent()) {
            notes.add("the site was not asked over plain http://, for CORS or for its TLS certificate: the tier's time budget ran out");
        } else {
            httpProbe = httpProbe(firstPage.finalUrl(), deadline);
            cors = corsProbe(firstPage.finalUrl(), deadline);
            tlsFacts = tlsFacts(target, pages, deadline);
        }
        return new SiteCapture(target, capturer.source(), started, pages, httpProbe, cors, tlsFacts, notes);
    }

    /** The first page up to its first look, and what is left of its share of the audit's time for its second look. */
    private record FirstPage(PageCapturer.Pending pending, Duration shareLeft) {}

    /**
     * The first page's second look, taken when it is due or when there is nothing else to capture. Its time is what the
     * first look left of the page's share, counted from now: the other pages captured while it waited spent their own.
     * When the audit's time runs out first, the page is judged from its first look.
     */
    private static PageCapture finish(FirstPage first, Deadline deadline, Listener listener) {
        PageCapture page = finished(first, deadline, listener);
        if (first.pending().firstLook().cutShort().isEmpty()) {
            page.cutShort().ifPresent(why -> listener.pageCutShort(page, why));
        }
        return page;
    }

    private static PageCapture finished(FirstPage first, Deadline deadline, Listener listener) {
        try {
            return first.pending().finish(deadline.part(min(first.shareLeft(), deadline.remaining())));
        } catch (CaptureStoppedException e) {
            if (listener.stopped().orElse(null) != StopReason.DEADLINE) {
                throw e;
            }
            return first.pending().firstLook().cutShort("the tier's time budget ran out before the page's second look");
        } catch (PageCaptureException e) {
            return first.pending().firstLook().cutShort(e.getMessage());
        }
    }

    /**
     * The first page, which the audit cannot do without: if it answered but then stopped answering in the browser
     * before anything could be read (its scripts never yield, it made the browser crash), its HTML as served is read
     * over plain HTTP instead and judged, marked as cut short.
     */
    private PageCapturer.Pending beginFirst(URI url, PageCapturer capturer, PageCapturer.PageOptions pageOptions, PageCapturer.ScreenshotSink sink,
                                            Deadline siteDeadline) {
        try {
            return capturer.begin(url, pageOptions, sink);
        } catch (PageCaptureException e) {
            if (e.kind() != PageCaptureException.Kind.CUT_SHORT || capturer.source() != CaptureSource.CHROMIUM) {
                throw e;
            }
            // The page's own share may be spent by now (it hung the browser until its end); the rest of the audit's time is not.
            PageCapturer.PageOptions retry = new PageCapturer.PageOptions(PageCapturer.Watch.IF_TIME_DEPENDENT, 0,
                    siteDeadline.part(FALLBACK_SHARE));
            PageCapture fromHtml;
            try {
                fromHtml = new HttpPageCapturer(fetcher).capture(url, retry, sink);
            } catch (PageCaptureException again) {
                throw e;
            }
            return PageCapturer.Pending.done(fromHtml.cutShort(e.getMessage() + "; the page was judged from its HTML as served, without screenshots"));
        }
    }

    /** The site asked for over plain http://, as the redirection test needs. */
    private Optional<SiteCapture.HttpProbe> httpProbe(URI page, Deadline deadline) {
        URI http;
        try {
            // A site on https://host:8443 says nothing about plain http on 8443; like Observatory, ask port 80.
            int port = "http".equalsIgnoreCase(page.getScheme()) ? page.getPort() : options.httpProbePort().orElse(-1);
            http = new URI("http", null, page.getHost(), port, page.getPath() == null || page.getPath().isEmpty() ? "/" : page.getPath(), null, null);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (guard.check(http) instanceof UrlGuard.Refused) {
            return Optional.empty();
        }
        HttpFetcher.Result r = fetcher.fetch(http, Map.of(), deadline.part(PROBE_SHARE));
        if (r.chain().isEmpty() || r.chain().get(0).status() == 0) {
            return Optional.of(new SiteCapture.HttpProbe(http, false, List.of(), r.error()));
        }
        return Optional.of(new SiteCapture.HttpProbe(http, true, r.chain(), r.error()));
    }

    private Optional<SiteCapture.CorsProbe> corsProbe(URI page, Deadline deadline) {
        if (deadline.expired()) {
            return Optional.empty();
        }
        HttpFetcher.Result r = fetcher.fetch(page, Map.of("Origin", SiteCapture.CorsProbe.ORIGIN), deadline.part(PROBE_SHARE));
        return r.ok() ? Optional.of(new SiteCapture.CorsProbe(SiteCapture.CorsProbe.ORIGIN, r.headers())) : Optional.empty();
    }

    private Map<String, TlsFacts> tlsFacts(URI target, List<PageCapture> pages, Deadline deadline) {
        Map<String, TlsFacts> out = new LinkedHashMap<>();
        List<URI> urls = new ArrayList<>();
        urls.add(target);
        pages.forEach(p -> urls.add(p.finalUrl()));
        for (URI u : urls) {
            if (!"https".equalsIgnoreCase(u.getScheme()) || out.size() >= 5 || deadline.expired()) {
                continue;
            }
            String key = SiteCapture.originKey(u);
            if (!out.containsKey(key) && !(guard.check(u) instanceof UrlGuard.Refused)) {
                out.put(key, tls.probe(u.getHost(), u.getPort() == -1 ? 443 : u.getPort(), deadline.part(PROBE_SHARE)));
            }
        }
        return out;
    }

    private static URI withoutFragment(URI u) {
        try {
            return new URI(u.getScheme(), u.getRawAuthority() == null ? null : u.getAuthority(), u.getPath(), u.getQuery(), null);
        } catch (URISyntaxException e) {
            return u;
        }
    }
}
