package dev.veritas.capture.network;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import dev.veritas.capture.BrandingFacts;
import dev.veritas.capture.CaptureSource;
import dev.veritas.capture.HeaderMap;
import dev.veritas.capture.HtmlFacts;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.PageCaptureException;
import dev.veritas.capture.PageCapturer;
import dev.veritas.capture.RedirectHop;
import dev.veritas.capture.TemporalFacts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
/**
 * Captures pages without a browser: the HTML as served, read with jsoup. No screenshots, no scripts run,
 * no timer probes; the audit says so in its events and findings.
 */
public final class HttpPageCapturer implements PageCapturer {
    private final HttpFetcher fetcher;

    public HttpPageCapturer(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public CaptureSource source() {
        return CaptureSource.HTTP;
    }

    @Override
    public PageCapture capture(URI url, PageOptions options, ScreenshotSink sink) {
        HttpFetcher.Result r = fetcher.fetch(url, Map.of(), options.deadline());
        if (!r.ok()) {
            throw new PageCaptureException(r.unreachable() ? PageCaptureException.Kind.UNREACHABLE : PageCaptureException.Kind.NOT_A_PAGE,
                    r.error().orElse("no answer from " + url));
        }
        PageCapture page = fromResponse(url, r.finalUrl(), r.status().orElseThrow(), r.chain(), r.headers(), r.body(), r.truncated());
        if (page.html().isEmpty() && r.body().length > 0) {
            throw new PageCaptureException(PageCaptureException.Kind.NOT_A_PAGE, "the address serves " + page.contentType().orElse("binary content")
                    + (looksBinary(r.body()) ? " with binary content" : "") + ", not a web page");
        }
        return page;
    }

    /** Builds a page from a response body, for the plain-HTTP mode and for HAR files. */
    public static PageCapture fromResponse(URI requested, URI finalUrl, int status, List<RedirectHop> chain, HeaderMap headers,
                                           byte[] body, boolean truncated) {
        Optional<String> contentType = headers.first("content-type");
        boolean looksBinary = looksBinary(body);
        boolean html = contentType.map(c -> c.toLowerCase(Locale.ROOT).matches(".*(html|xml|text/plain).*")).orElse(!looksBinary);
        if (!html || looksBinary) {
            return new PageCapture(requested, finalUrl, status, chain, headers, contentType.or(() -> Optional.of("application/octet-stream")),
                    "", "", truncated, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    TemporalFacts.none(), List.of(), BrandingFacts.none());
        }
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(body), null, finalUrl.toString());
        } catch (IOException e) {
            doc = Jsoup.parse(decode(body), finalUrl.toString());
        }
        HtmlFacts facts = HtmlFacts.extract(doc, finalUrl);
        String text = doc.outerHtml();
        return new PageCapture(requested, finalUrl, status, chain, headers, contentType, facts.title(), text, truncated,
                facts.segments(), facts.controls(), facts.checkboxes(), facts.forms(), facts.scripts(), facts.links(),
                List.of(), List.of(), TemporalFacts.none(), List.of(), facts.branding());
    }

    /** Many control characters (NUL included) in the first kilobytes: not a text document, whatever it claims. A stray NUL in broken HTML is still HTML. */
    static boolean looksBinary(byte[] body) {
        int n = Math.min(body.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = body[i] & 0xff;
            if (b < 9 || (b > 13 && b < 32)) {
                control++;
            }
        }
        return n > 0 && control > n / 20;
    }

    static String decode(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // nothing held between pages
    }
}
