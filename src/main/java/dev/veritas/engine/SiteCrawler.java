package dev.veritas.engine;

import dev.veritas.audit.Tier;
import dev.veritas.capture.CaptureSource;
import dev.veritas.capture.HttpFetcher;
import dev.veritas.capture.LinkFacts;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.PageCaptureException;
import dev.veritas.capture.PageCapturer;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.TlsFacts;
import dev.veritas.capture.TlsProbe;
import dev.veritas.capture.UrlGuard;
import dev.veritas.checks.SecurityHeadersCheck;
import java.net.URI;
import java.net.URISyntaxException;
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
 * handshake of each origin). Every fetch passes the URL guard.
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
    record Budget(int maxPages, int maxScreenshots, Instant deadline, boolean watchEveryPage) {
        static Budget of(Tier tier, Instant deadline) {
            return new Budget(tier.maxPages(), tier.maxScreenshots(), deadline, tier == Tier.DEEP_FORENSIC);
        }
    }

    interface Listener {
        void pageCaptured(int index, PageCapture page, CaptureSource source);

        void pageFailed(URI url, String reason);

        void checkpoint();

        int screenshotsTaken();
    }

    private record Candidate(URI url, int rank, int order) {}

    SiteCapture crawl(URI target, PageCapturer capturer, Budget budget, PageCapturer.ScreenshotSink sink, Listener listener, List<String> notes) {
        Instant started = Instant.now();
        guard.require(target);
        List<PageCapture> pages = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        PriorityQueue<Candidate> queue = new PriorityQueue<>(Comparator.comparingInt(Candidate::rank).thenComparingInt(Candidate::order));
        int order = 0;
        URI next = target;
        boolean first = true;
        while (next != null) {
            listener.checkpoint();
            visited.add(LinkPriority.key(next));
            int shotsLeft = budget.maxScreenshots() - listener.screenshotsTaken();
            try {
                PageCapture page = capturer.capture(next, new PageCapturer.PageOptions(
                        first || budget.watchEveryPage() ? PageCapturer.Watch.ALWAYS : PageCapturer.Watch.IF_TIME_DEPENDENT, shotsLeft, budget.deadline()), sink);
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
            }
            first = false;
            next = null;
            if (pages.size() >= budget.maxPages()) {
                break;
            }
            if (Instant.now().isAfter(budget.deadline())) {
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
        listener.checkpoint();
        PageCapture firstPage = pages.get(0);
        Optional<SiteCapture.HttpProbe> httpProbe = httpProbe(firstPage.finalUrl());
        Optional<SiteCapture.CorsProbe> cors = corsProbe(firstPage.finalUrl());
        Map<String, TlsFacts> tlsFacts = tlsFacts(target, pages);
        return new SiteCapture(target, capturer.source(), started, pages, httpProbe, cors, tlsFacts, notes);
    }

    /** The site asked for over plain http://, as the redirection test needs. */
    private Optional<SiteCapture.HttpProbe> httpProbe(URI page) {
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
        HttpFetcher.Result r = fetcher.fetch(http, Map.of());
        if (r.chain().isEmpty() || r.chain().get(0).status() == 0) {
            return Optional.of(new SiteCapture.HttpProbe(http, false, List.of(), r.error()));
        }
        return Optional.of(new SiteCapture.HttpProbe(http, true, r.chain(), r.error()));
    }

    private Optional<SiteCapture.CorsProbe> corsProbe(URI page) {
        HttpFetcher.Result r = fetcher.fetch(page, Map.of("Origin", SecurityHeadersCheck.CORS_ORIGIN));
        return r.ok() ? Optional.of(new SiteCapture.CorsProbe(SecurityHeadersCheck.CORS_ORIGIN, r.headers())) : Optional.empty();
    }

    private Map<String, TlsFacts> tlsFacts(URI target, List<PageCapture> pages) {
        Map<String, TlsFacts> out = new LinkedHashMap<>();
        List<URI> urls = new ArrayList<>();
        urls.add(target);
        pages.forEach(p -> urls.add(p.finalUrl()));
        for (URI u : urls) {
            if (!"https".equalsIgnoreCase(u.getScheme()) || out.size() >= 5) {
                continue;
            }
            String key = SiteCapture.originKey(u);
            if (!out.containsKey(key) && !(guard.check(u) instanceof UrlGuard.Refused)) {
                out.put(key, tls.probe(u.getHost(), u.getPort() == -1 ? 443 : u.getPort()));
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
