package dev.veritas.testing;

import dev.veritas.capture.BrandingFacts;
import dev.veritas.capture.CaptureSource;
import dev.veritas.capture.CheckboxFacts;
import dev.veritas.capture.ControlFacts;
import dev.veritas.capture.FormFacts;
import dev.veritas.capture.HeaderMap;
import dev.veritas.capture.LinkFacts;
import dev.veritas.capture.NetworkRequest;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.RedirectHop;
import dev.veritas.capture.ScriptFacts;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.TemporalFacts;
import dev.veritas.capture.TemporalFacts.Observation;
import dev.veritas.capture.TemporalFacts.Reading;
import dev.veritas.capture.TextSegment;
import dev.veritas.capture.TimerText;
import dev.veritas.capture.TlsFacts;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.Locale;
/**
 * Captures for tests: each test states only what matters to it, everything else is a plain, healthy default
 * (status 200, {@code text/html}, no findings-worthy content, captured at {@link #STARTED}).
 *
 * <pre>
 * SiteCapture c = Captures.site(Captures.page("https://shop.example/").title("Shop").text("Only 3 left"))
 *         .validCertificates().httpRedirectsToHttps().build();
 * </pre>
 */
public final class Captures {
    /** When every test capture was taken; certificate expiry is measured from here. */
    public static final Instant STARTED = Instant.parse("2025-06-02T10:00:00Z");

    private Captures() {}

    public static PageBuilder page(String url) {
        return new PageBuilder(URI.create(url));
    }

    public static SiteBuilder site(PageBuilder... pages) {
        SiteBuilder b = new SiteBuilder();
        for (PageBuilder p : pages) {
            b.page(p);
        }
        return b;
    }

    /** A site of a single page at {@code url}, otherwise all defaults. */
    public static SiteCapture siteAt(String url) {
        return site(page(url)).build();
    }

    // ---- small values ----

    public static RedirectHop hop(String url, int status, String location) {
        return new RedirectHop(URI.create(url), status, Optional.ofNullable(location));
    }

    public static RedirectHop hop(String url, int status) {
        return hop(url, status, null);
    }

    /** A visible control with normal size, full opacity and no measured contrast. */
    public static ControlFacts control(String text) {
        return new ControlFacts(text, "button", "#c", 16, true, 1, 0, 120, 40, false);
    }

    public static ControlFacts control(String text, double fontSizePx, double opacity, double contrast) {
        return new ControlFacts(text, "a", "#c", fontSizePx, true, opacity, contrast, 60, 14, true);
    }

    public static CheckboxFacts checkbox(String label, boolean checked) {
        return new CheckboxFacts(label, "opt", "checkbox", checked, true, true, "#box");
    }

    public static FormFacts.InputFacts input(String type, String name) {
        return new FormFacts.InputFacts(type, name, "", "");
    }

    public static FormFacts form(String action, String method, FormFacts.InputFacts... inputs) {
        return new FormFacts(action == null ? Optional.empty() : Optional.of(URI.create(action)), method, List.of(inputs), "form#f");
    }

    public static FormFacts loginForm(String action) {
        return form(action, "post", input("email", "email"), input("password", "password"));
    }

    public static FormFacts cardForm(String action) {
        return form(action, "post", input("text", "name"), new FormFacts.InputFacts("text", "cardnumber", "card number", "cc-number"),
                new FormFacts.InputFacts("text", "cvc", "cvc", "cc-csc"));
    }

    public static ScriptFacts script(String src) {
        return new ScriptFacts(Optional.of(src), Optional.empty(), Optional.empty(), "", "");
    }

    public static ScriptFacts inlineScript(String code) {
        return new ScriptFacts(Optional.empty(), Optional.empty(), Optional.empty(), "", code);
    }

    public static NetworkRequest request(String url, String resourceType) {
        return new NetworkRequest(URI.create(url), resourceType, Optional.of(200), false);
    }

    /** A timer reading: {@code text} is what the page showed, its value read as {@link TimerText#seconds}. */
    public static Reading timerReading(String moment, long atMillis, String text) {
        return new Reading(moment, atMillis, text, TimerText.seconds(text));
    }

    /** A counter reading: {@code text} is what the page showed, its value read as {@link TimerText#count}. */
    public static Reading counterReading(String moment, long atMillis, String text) {
        return new Reading(moment, atMillis, text, TimerText.count(text));
    }

    public static Observation observed(String context, Reading... readings) {
        return new Observation("#timer", context, List.of(readings));
    }

    /** A valid certificate for {@code host}:443 that runs for another year. */
    public static TlsFacts validCertificate(String host) {
        return certificate(host, true, Optional.empty(), false, false, false, STARTED.plus(Duration.ofDays(365)));
    }

    public static TlsFacts certificate(String host, boolean valid, Optional<String> problem, boolean expired, boolean selfSigned,
                                       boolean wrongHost, Instant notAfter) {
        return new TlsFacts(host, 443, valid, problem, expired, selfSigned, wrongHost, Optional.of(notAfter),
                Optional.of("CN=Test CA"), Optional.of("CN=" + host), List.of(host), Optional.of("TLSv1.3"));
    }

    // ---- builders ----

    public static final class PageBuilder {
        private URI requested;
        private URI finalUrl;
        private int status = 200;
        private final List<RedirectHop> redirects = new ArrayList<>();
        private final List<String[]> headers = new ArrayList<>();
        private String title = "";
        private String html = "<html><body>page</body></html>";
        private final List<TextSegment> segments = new ArrayList<>();
        private final List<ControlFacts> controls = new ArrayList<>();
        private final List<CheckboxFacts> checkboxes = new ArrayList<>();
        private final List<FormFacts> forms = new ArrayList<>();
        private final List<ScriptFacts> scripts = new ArrayList<>();
        private final List<LinkFacts> links = new ArrayList<>();
        private final List<NetworkRequest> requests = new ArrayList<>();
        private final List<Observation> timers = new ArrayList<>();
        private final List<Observation> counters = new ArrayList<>();
        private final List<Integer> screenshots = new ArrayList<>();
        private BrandingFacts branding = BrandingFacts.none();
        private Optional<String> cutShort = Optional.empty();

        private PageBuilder(URI url) {
            this.requested = url;
            this.finalUrl = url;
        }

        /** The page was asked for at {@code url} and ended at the builder's URL. */
        public PageBuilder requestedAt(String url) {
            requested = URI.create(url);
            return this;
        }

        public PageBuilder status(int v) {
            status = v;
            return this;
        }

        /** The hops that led to this page, the last being the page itself. */
        public PageBuilder redirects(RedirectHop... hops) {
            redirects.addAll(Arrays.asList(hops));
            if (hops.length > 0) {
                requested = hops[0].url();
                finalUrl = hops[hops.length - 1].url();
            }
            return this;
        }

        public PageBuilder header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        public PageBuilder title(String v) {
            title = v;
            return this;
        }

        public PageBuilder html(String v) {
            html = v;
            return this;
        }

        /** Visible text segments of normal size, one per string. */
        public PageBuilder text(String... texts) {
            int i = segments.size();
            for (String t : texts) {
                segments.add(TextSegment.plain(t, "p", "p:nth-of-type(" + (++i) + ")"));
            }
            return this;
        }

        public PageBuilder segment(TextSegment s) {
            segments.add(s);
            return this;
        }

        public PageBuilder control(ControlFacts c) {
            controls.add(c);
            return this;
        }

        public PageBuilder checkbox(CheckboxFacts c) {
            checkboxes.add(c);
            return this;
        }

        public PageBuilder form(FormFacts f) {
            forms.add(f);
            return this;
        }

        public PageBuilder script(ScriptFacts s) {
            scripts.add(s);
            return this;
        }

        public PageBuilder link(String href, String text) {
            links.add(new LinkFacts(URI.create(href), text, true));
            return this;
        }

        public PageBuilder request(NetworkRequest r) {
            requests.add(r);
            return this;
        }

        public PageBuilder request(String url, String resourceType) {
            return request(Captures.request(url, resourceType));
        }

        public PageBuilder timer(Observation o) {
            timers.add(o);
            return this;
        }

        public PageBuilder counter(Observation o) {
            counters.add(o);
            return this;
        }

        /** How the page presents itself: headings, logos and icons. */
        public PageBuilder branding(BrandingFacts v) {
            branding = v;
            return this;
        }

        /** The page was captured only in part, for this reason. */
        public PageBuilder cutShort(String why) {
            cutShort = Optional.of(why);
            return this;
        }

        public PageBuilder screenshots(Integer... indexes) {
            screenshots.addAll(Arrays.asList(indexes));
            return this;
        }

        public PageCapture build() {
            HeaderMap.Builder b = HeaderMap.builder();
            if (headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("content-type"))) {
                b.add("Content-Type", "text/html; charset=utf-8");
            }
            headers.forEach(h -> b.add(h[0], h[1]));
            HeaderMap h = b.build();
            return new PageCapture(requested, finalUrl, status, redirects, h, h.first("content-type"), title, html, false,
                    segments, controls, checkboxes, forms, scripts, links, requests, List.of(), new TemporalFacts(timers, counters),
                    screenshots, branding, cutShort);
        }
    }

    public static final class SiteBuilder {
        private URI target;
        private CaptureSource source = CaptureSource.CHROMIUM;
        private Instant startedAt = STARTED;
        private final List<PageCapture> pages = new ArrayList<>();
        private Optional<SiteCapture.HttpProbe> httpProbe = Optional.empty();
        private Optional<SiteCapture.CorsProbe> cors = Optional.empty();
        private final Map<String, TlsFacts> tls = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private boolean validCertificates;

        public SiteBuilder page(PageBuilder p) {
            return page(p.build());
        }

        public SiteBuilder page(PageCapture p) {
            pages.add(p);
            return this;
        }

        /** The URL the user asked to audit; defaults to the first page's requested URL. */
        public SiteBuilder target(String url) {
            target = URI.create(url);
            return this;
        }

        public SiteBuilder source(CaptureSource v) {
            source = v;
            return this;
        }

        public SiteBuilder startedAt(Instant v) {
            startedAt = v;
            return this;
        }

        public SiteBuilder httpProbe(SiteCapture.HttpProbe p) {
            httpProbe = Optional.of(p);
            return this;
        }

        /** Plain http:// answered with these hops. */
        public SiteBuilder httpProbe(RedirectHop... hops) {
            return httpProbe(new SiteCapture.HttpProbe(hops[0].url(), true, List.of(hops), Optional.empty()));
        }

        /** Nothing answered on plain http://. */
        public SiteBuilder httpUnreachable() {
            URI first = pages.isEmpty() ? URI.create("http://site.example/") : pages.get(0).finalUrl();
            URI http = URI.create("http://" + first.getHost() + "/");
            return httpProbe(new SiteCapture.HttpProbe(http, false, List.of(), Optional.of("connection refused")));
        }

        /** Plain http:// of the first page's host redirects once, to the first page. */
        public SiteBuilder httpRedirectsToHttps() {
            URI first = pages.get(0).finalUrl();
            String http = "http://" + first.getHost() + "/";
            return httpProbe(hop(http, 301, first.toString()), hop(first.toString(), 200));
        }

        /** The answer to the engine's CORS probe (sent with Veritas' own Origin). */
        public SiteBuilder cors(HeaderMap response) {
            cors = Optional.of(new SiteCapture.CorsProbe(SiteCapture.CorsProbe.ORIGIN, response));
            return this;
        }

        public SiteBuilder tls(TlsFacts facts) {
            tls.put(facts.host().toLowerCase(Locale.ROOT) + ":" + facts.port(), facts);
            return this;
        }

        /** A valid certificate for the origin of every https:// page. */
        public SiteBuilder validCertificates() {
            validCertificates = true;
            return this;
        }

        public SiteBuilder note(String v) {
            notes.add(v);
            return this;
        }

        public SiteCapture build() {
            if (validCertificates) {
                for (PageCapture p : pages) {
                    if (p.isHttps()) {
                        tls.putIfAbsent(SiteCapture.originKey(p.finalUrl()), validCertificate(p.finalUrl().getHost()));
                    }
                }
            }
            URI t = target != null ? target : pages.isEmpty() ? URI.create("https://site.example/") : pages.get(0).requestedUrl();
            return new SiteCapture(t, source, startedAt, pages, httpProbe, cors, tls, notes);
        }
    }
}
