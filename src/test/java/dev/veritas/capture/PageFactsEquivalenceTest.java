package dev.veritas.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.capture.browser.Chromium;
import dev.veritas.capture.browser.ChromiumPageCapturer;
import dev.veritas.capture.network.TrustConfig;
import dev.veritas.capture.network.UrlGuard;
import dev.veritas.testing.Cleanup;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.OnePageSite;
import dev.veritas.testing.Requirements;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The browser (extract.js) and the no-browser path (jsoup) read the same facts of a page: how it presents itself
 * (headings, logos, icons, site name), what its forms say, and where each piece of text sits.
 */
@NeedsChromium
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PageFactsEquivalenceTest {
    private Chromium chromium;
    private OnePageSite site;
    private byte[] html;
    private PageCapture browser;
    private HtmlFacts plain;

    @BeforeAll
    void captureBoth() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/capture/facts-page.html")) {
            html = in.readAllBytes();
        }
        site = OnePageSite.serve(html);
        URI url = URI.create(site.url());
        chromium = Chromium.launch(Requirements.chromium(), TrustConfig.system());
        UrlGuard guard = new UrlGuard(true);
        try (ChromiumPageCapturer capturer = new ChromiumPageCapturer(chromium, guard,
                CaptureSettings.defaults().withLaterDelay(Duration.ofMillis(200)))) {
            browser = capturer.capture(url, new PageCapturer.PageOptions(PageCapturer.Watch.IF_TIME_DEPENDENT, 0, Deadline.in(Duration.ofSeconds(60))),
                    (l, u, m, w, h, b) -> 0);
        }
        plain = HtmlFacts.parse(new String(html, StandardCharsets.UTF_8), url);
    }

    @AfterAll
    void stop() throws Exception {
        Cleanup.closeAll(site, chromium);
    }

    @Test
    void bothReadTheSameHeadingsIconsAndSiteName() {
        BrandingFacts b = browser.branding();
        BrandingFacts p = plain.branding();

        assertThat(b.headings()).containsExactly("Sign in to Lumenfold", "Canvas tote", "Our story");
        assertThat(p.headings()).isEqualTo(b.headings());
        assertThat(b.icons()).extracting(URI::getPath).containsExactly("/favicon.ico", "/touch.png");
        assertThat(p.icons()).isEqualTo(b.icons());
        assertThat(b.siteName()).contains("Lumenfold");
        assertThat(p.siteName()).isEqualTo(b.siteName());
    }

    @Test
    void bothReadTheSameMarks() {
        Function<BrandMark, String> key = m -> String.join("|", m.kind(), m.alt(), m.label(), String.valueOf(m.logo()), m.context(),
                m.src().replaceAll("^https?://[^/]+", ""));
        List<String> b = browser.branding().marks().stream().map(key).toList();

        assertThat(b).contains("img|Lumenfold||true||/img/lumenfold_logo.svg", "img|Acme||false|Continue with Acme|/img/acme-icon.png",
                "svg||Lumenfold mark|true||", "text|Lumenfold|Lumenfold home|true||", "img|Badge||false||data:image/png;base64");
        assertThat(plain.branding().marks().stream().map(key).toList()).containsExactlyInAnyOrderElementsOf(b);
    }

    @Test
    void bothReadTheFormsOwnText() {
        assertThat(browser.forms()).singleElement().satisfies(f -> {
            assertThat(f.text()).contains("Email").contains("Password").contains("Continue").contains("agree to the Lumenfold terms");
            assertThat(f.asksForPassword()).isTrue();
        });
        assertThat(squash(plain.forms().get(0).text())).isEqualTo(squash(browser.forms().get(0).text()));
    }

    @Test
    void bothPlaceTextTheSameWay() {
        for (String[] expected : new String[][] {
                {"Only 2 left in stock", "main", "true"},
                {"We started with just 18 months left on the lease", "article", "false"},
                {"Join our newsletter", "dialog", "false"},
                {"Related reading", "aside", "false"},
                {"© Lumenfold", "footer", "false"},
                {"By continuing you agree", "form", "false"}}) {
            TextSegment b = segment(browser.segments(), expected[0]);
            TextSegment p = segment(plain.segments(), expected[0]);
            assertThat(b.region()).as("region of %s", expected[0]).isEqualTo(expected[1]);
            assertThat(b.nearOffer()).as("offer beside %s", expected[0]).isEqualTo(Boolean.parseBoolean(expected[2]));
            assertThat(p.region()).isEqualTo(b.region());
            assertThat(p.nearOffer()).isEqualTo(b.nearOffer());
        }
    }

    private static TextSegment segment(List<TextSegment> segments, String start) {
        return segments.stream().filter(s -> s.text().startsWith(start)).findFirst().orElseThrow(() -> new AssertionError("no segment " + start));
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
