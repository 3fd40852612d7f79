package dev.veritas.capture;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.Locale;
import java.util.Objects;
/**
 * An immutable record of what a site showed: its pages, the probes (the site asked for over plain http://,
 * and with an Origin header for CORS), the TLS facts of each origin, and notes on what could not be captured.
 * {@code firstPageSource} is the first page's response body exactly as received, when the capture kept it (a
 * HAR file does): the Observatory grades that text, not the page as a browser re-serialises it.
 */
public record SiteCapture(
        URI target,
        CaptureSource source,
        Instant startedAt,
        List<PageCapture> pages,
        Optional<HttpProbe> httpProbe,
        Optional<CorsProbe> corsProbe,
        Map<String, TlsFacts> tls,
        List<String> notes,
        Optional<String> firstPageSource) {

    public SiteCapture {
        pages = List.copyOf(pages);
        tls = Map.copyOf(tls);
        notes = List.copyOf(notes);
        Objects.requireNonNull(firstPageSource, "firstPageSource");
    }

    /** A capture that kept no response body as received (the browser and plain-HTTP captures). */
    public SiteCapture(URI target, CaptureSource source, Instant startedAt, List<PageCapture> pages, Optional<HttpProbe> httpProbe,
                       Optional<CorsProbe> corsProbe, Map<String, TlsFacts> tls, List<String> notes) {
        this(target, source, startedAt, pages, httpProbe, corsProbe, tls, notes, Optional.empty());
    }

    public Optional<PageCapture> firstPage() {
        return pages.isEmpty() ? Optional.empty() : Optional.of(pages.get(0));
    }

    /** TLS facts of the origin serving {@code url}, if it was HTTPS and probed. */
    public Optional<TlsFacts> tlsFor(URI url) {
        return Optional.ofNullable(tls.get(originKey(url)));
    }

    public static String originKey(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : ("https".equalsIgnoreCase(url.getScheme()) ? 443 : 80);
        return (url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    }

    /** The answer to a request sent with an {@code Origin} header (the CORS probe). */
    public record CorsProbe(String origin, HeaderMap headers) {
        /** The Origin the crawler's probe sends: a site that echoes it back trusts any origin. */
        public static final String ORIGIN = "https://veritas-cors-probe.example";
    }

    /**
     * The site asked for over plain http://: the hops it answered with, or why there was no answer.
     * {@code reachable} is false when nothing listens for plain HTTP (which needs no redirect at all).
     */
    public record HttpProbe(URI url, boolean reachable, List<RedirectHop> chain, Optional<String> error) {
        public HttpProbe {
            chain = List.copyOf(chain);
        }
    }
}
