package dev.veritas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.veritas.audit.Tier;
import dev.veritas.capture.CaptureSettings;
import dev.veritas.capture.CaptureSource;
import dev.veritas.capture.Deadline;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.TemporalFacts.Observation;
import dev.veritas.capture.TemporalFacts.Reading;
import dev.veritas.capture.TextSegment;
import dev.veritas.capture.browser.Chromium;
import dev.veritas.capture.browser.ChromiumPageCapturer;
import dev.veritas.capture.network.HttpFetcher;
import dev.veritas.capture.network.TlsProbe;
import dev.veritas.capture.network.TrustConfig;
import dev.veritas.capture.network.UrlGuard;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.Requirements;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The first page waits for its second look while the next pages are captured in other tabs. Its second look must still
 * see the page as a visitor would (its timer ticking, text that appeared meanwhile, the page never hidden), and a first
 * page that hangs the browser meanwhile must cost neither the other page nor its own first look.
 *
 * <p>The home pages here learn from the server when the next page was asked for (a request the server answers only
 * then), so what happens during the overlap is triggered by the crawl itself, not by a clock.
 */
@NeedsChromium
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstPageOverlapTest {
    /** Long enough that the next page is certainly captured before the first page's second look, on a loaded machine too. */
    private static final Duration LATER = Duration.ofSeconds(10);
    private final long offerEnds = System.currentTimeMillis() + 3_600_000;
    private final Map<String, CountDownLatch> nextAskedFor = new ConcurrentHashMap<>();
    private HttpServer site;
    private ExecutorService threads;
    private EngineOptions options;

    @BeforeAll
    void start() throws IOException {
        Requirements.chromium();
        threads = Executors.newCachedThreadPool();
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.setExecutor(threads); // the signal waits; the pages must not wait behind it
        site.createContext("/", this::serve);
        site.start();
        options = EngineOptions.defaults().withAllowPrivate(true).withCapture(CaptureSettings.defaults().withLaterDelay(LATER));
    }

    @AfterAll
    void stop() {
        site.stop(0);
        threads.shutdownNow();
    }

    /** {@code /VARIANT/} is a home page, {@code /VARIANT/next} the page it links to, {@code /VARIANT/signal} answers once that was asked for. */
    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String[] parts = ex.getRequestURI().getPath().split("/");
            if (parts.length < 2) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String variant = parts[1];
            String rest = parts.length > 2 ? parts[2] : "";
            CountDownLatch asked = nextAskedFor.computeIfAbsent(variant, v -> new CountDownLatch(1));
            switch (rest) {
                case "" -> html(ex, home(variant.equals("freeze")));
                case "next" -> {
                    asked.countDown();
                    html(ex, "<!doctype html><html><head><title>Delivery</title></head><body><h1>Delivery</h1>"
                            + "<p>Parcels arrive within three working days.</p></body></html>");
                }
                case "signal" -> {
                    try {
                        asked.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    byte[] body = "asked".getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("Content-Type", "text/plain");
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                }
                default -> ex.sendResponseHeaders(404, -1);
            }
        }
    }

    /** A shop's home page with an honest countdown (to a fixed moment) that says when the next page was asked for — or then freezes. */
    private String home(boolean freeze) {
        return "<!doctype html><html><head><title>Home</title></head><body><h1>Summer sale</h1>"
                + "<p>Offer ends in <span id=\"timer\">60:00</span></p>"
                + "<p id=\"news\">Welcome to the shop.</p><p id=\"seen\">Shown since load.</p>"
                + "<a href=\"next\">Delivery</a>"
                + "<script>"
                + "const end = " + offerEnds + ";"
                + "function pad(n) { return String(n).padStart(2, '0'); }"
                + "function tick() { const s = Math.max(0, Math.floor((end - Date.now()) / 1000));"
                + " document.getElementById('timer').textContent = pad(Math.floor(s / 60)) + ':' + pad(s % 60); }"
                + "tick(); setInterval(tick, 1000);"
                + "document.addEventListener('visibilitychange', () => {"
                + " document.getElementById('seen').textContent += ' Then ' + document.visibilityState + '.'; });"
                + "fetch('signal').then(r => r.text()).then(() => {"
                + " document.getElementById('news').textContent = 'The delivery page was asked for while this one stayed open.';"
                + (freeze ? " for (;;) {}" : "")
                + "});"
                + "</script></body></html>";
    }

    private static void html(HttpExchange ex, String page) throws IOException {
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
    }

    @Test
    void theFirstPagesSecondLookComesAfterTheNextPageAndStillSeesItsTimerTick() {
        Crawl crawl = crawl("tick");
        SiteCapture capture = crawl.capture();

        assertThat(capture.pages()).hasSize(2);
        PageCapture home = capture.pages().get(0);
        assertThat(home.finalUrl().getPath()).isEqualTo("/tick/");
        assertThat(home.cutShort()).isEmpty();
        assertThat(capture.pages().get(1).cutShort()).isEmpty();
        // The second look came after the next page was asked for: the two overlapped.
        assertThat(home.segments()).anySatisfy(s -> {
            assertThat(s.text()).contains("asked for while this one stayed open");
            assertThat(s.moment()).isEqualTo(TextSegment.LATER);
        });
        // The page, in its own tab, was never hidden (a hidden page may stop its timers).
        assertThat(home.segments()).noneSatisfy(s -> assertThat(s.text()).contains("Then hidden"));
        // Its timer went down with the clock between the two readings (and a reload read it again: it is time-dependent).
        Observation timer = home.temporal().timers().stream().filter(o -> o.context().contains("Offer ends")).findFirst().orElseThrow();
        Reading load = timer.at(Reading.LOAD).orElseThrow();
        Reading later = timer.at(Reading.LATER).orElseThrow();
        assertThat(later.atMillis() - load.atMillis()).isGreaterThanOrEqualTo(2000);
        long ran = load.value().orElseThrow() - later.value().orElseThrow();
        double elapsed = (later.atMillis() - load.atMillis()) / 1000.0;
        assertThat((double) ran).isBetween(elapsed - 2, elapsed + 2);
        assertThat(timer.at(Reading.RELOAD)).isPresent();
        // Progress names the home page first, with what was read at load.
        assertThat(crawl.reported()).containsExactly("/tick/", "/tick/next");
        assertThat(crawl.cutShort()).isEmpty();
    }

    @Test
    void aFirstPageThatHangsTheBrowserWhileItWaitsCostsNeitherTheNextPageNorItsFirstLook() {
        Crawl crawl = crawl("freeze");
        SiteCapture capture = crawl.capture();

        assertThat(capture.pages()).hasSize(2);
        PageCapture home = capture.pages().get(0);
        PageCapture next = capture.pages().get(1);
        assertThat(next.cutShort()).as("the next page, captured while the home page froze").isEmpty();
        assertThat(next.title()).isEqualTo("Delivery");
        // The home page is judged from what was read at load, and says why it is no more.
        assertThat(home.title()).isEqualTo("Home");
        assertThat(home.segments()).anySatisfy(s -> assertThat(s.text()).contains("Summer sale"));
        assertThat(home.cutShort()).hasValueSatisfying(why -> assertThat(why).containsAnyOf("stopped answering", "browser"));
        assertThat(home.temporal().timers()).allSatisfy(o -> assertThat(o.at(Reading.LATER)).isEmpty());
        assertThat(crawl.cutShort()).containsExactly("/freeze/");
    }

    private record Crawl(SiteCapture capture, List<String> reported, List<String> cutShort) {}

    private Crawl crawl(String variant) {
        URI url = URI.create("http://127.0.0.1:" + site.getAddress().getPort() + "/" + variant + "/");
        UrlGuard guard = new UrlGuard(true, options.network());
        List<String> reported = new ArrayList<>();
        List<String> cutShort = new ArrayList<>();
        AtomicReference<Chromium> browser = new AtomicReference<>();
        HttpFetcher fetcher = new HttpFetcher(guard, options.fetch());
        try (ChromiumPageCapturer capturer = new ChromiumPageCapturer(() -> {
            // A browser killed because a page stopped answering is replaced, as the engine's browsers do.
            if (browser.get() == null || !browser.get().isAlive()) {
                Optional.ofNullable(browser.get()).ifPresent(Chromium::close);
                browser.set(Chromium.launch(options.capture().chromium(), TrustConfig.system()));
            }
            return browser.get();
        }, guard, options.capture())) {
            SiteCrawler crawler = new SiteCrawler(guard, fetcher, new TlsProbe(TrustConfig.system(), Duration.ofSeconds(5), guard), options);
            SiteCapture capture = crawler.crawl(url, capturer, SiteCrawler.Budget.of(Tier.STANDARD_AUDIT, Deadline.in(Tier.STANDARD_AUDIT.wallTime())),
                    (label, page, type, w, h, bytes) -> 0, new SiteCrawler.Listener() {
                        @Override
                        public void pageCaptured(int index, PageCapture page, CaptureSource source) {
                            reported.add(page.finalUrl().getPath());
                        }

                        @Override
                        public void pageFailed(URI failed, String reason) {
                            reported.add("failed " + failed.getPath() + ": " + reason);
                        }

                        @Override
                        public void checkpoint() {
                        }

                        @Override
                        public Optional<StopReason> stopped() {
                            return Optional.empty();
                        }

                        @Override
                        public int screenshotsTaken() {
                            return 0;
                        }

                        @Override
                        public void pageCutShort(PageCapture page, String why) {
                            cutShort.add(page.finalUrl().getPath());
                        }
                    }, new ArrayList<>());
            return new Crawl(capture, reported, cutShort);
        } finally {
            fetcher.close();
            Optional.ofNullable(browser.get()).ifPresent(Chromium::close);
        }
    }
}
