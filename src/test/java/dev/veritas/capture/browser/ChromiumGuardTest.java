package dev.veritas.capture.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.Requirements;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import dev.veritas.capture.Deadline;
import dev.veritas.capture.PageCapturer;
import dev.veritas.capture.network.TrustConfig;
import dev.veritas.capture.network.UrlGuard;
import dev.veritas.capture.CaptureSettings;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.PageCaptureException;

/**
 * The URL guard holds for everything Chromium fetches, not only the address typed in: a "public" site (on
 * 127.0.0.1, which this guard treats as public) that redirects, navigates by script, or embeds resources
 * pointing at an "internal" address (127.0.0.2) must never make a connection to it.
 */
@NeedsChromium
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChromiumGuardTest {
    private static final InetAddress PUBLIC = loopback(1);
    private static final InetAddress INTERNAL = loopback(2);

    private Chromium chromium;
    private HttpServer site;
    private ServerSocket internal;
    private final AtomicInteger internalConnections = new AtomicInteger();
    private final UrlGuard guard = new UrlGuard(false, InetAddress::getAllByName, a -> a.equals(PUBLIC));

    @BeforeAll
    void start() throws IOException {
        chromium = Chromium.launch(Requirements.chromium(), TrustConfig.system());
        internal = new ServerSocket(0, 50, INTERNAL);
        Thread t = new Thread(this::internalServer, "internal-server");
        t.setDaemon(true);
        t.start();
        String secret = "http://" + INTERNAL.getHostAddress() + ":" + internal.getLocalPort();
        site = HttpServer.create(new InetSocketAddress(PUBLIC, 0), 0);
        site.createContext("/", ex -> page(ex, "<h1>Shop</h1>"));
        site.createContext("/redirect", ex -> redirect(ex, secret + "/latest/meta-data/"));
        site.createContext("/redirect-https", ex -> redirect(ex, "https://" + INTERNAL.getHostAddress() + ":" + internal.getLocalPort() + "/"));
        site.createContext("/hop", ex -> redirect(ex, "/redirect"));
        site.createContext("/embeds", ex -> page(ex, "<h1>Gallery</h1><img src='" + secret + "/img.png'>"
                + "<iframe src='" + secret + "/frame'></iframe><script>fetch('" + secret + "/api').catch(() => {});"
                + "new WebSocket('ws://" + INTERNAL.getHostAddress() + ":" + internal.getLocalPort() + "/ws');</script>"));
        site.createContext("/script-navigation", ex -> page(ex, "<h1>Moving</h1><script>location.href = '" + secret + "/admin';</script>"));
        site.start();
    }

    @AfterAll
    void stop() throws IOException {
        if (site != null) {
            site.stop(0);
        }
        if (internal != null) {
            internal.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aRedirectToAnInternalAddressIsRefusedAndNamedInTheError() {
        for (String path : List.of("/redirect", "/hop", "/redirect-https")) {
            try (ChromiumPageCapturer capturer = capturer()) {
                assertThatThrownBy(() -> capture(capturer, path)).isInstanceOf(PageCaptureException.class)
                        .hasMessageContaining("which Veritas refused").hasMessageContaining(INTERNAL.getHostAddress())
                        .hasMessageContaining("loopback");
            }
        }
        assertThat(internalConnections).hasValue(0);
    }

    @Test
    void embeddedResourcesAndScriptNavigationsNeverReachTheInternalAddress() {
        try (ChromiumPageCapturer capturer = capturer()) {
            PageCapture page = capture(capturer, "/embeds");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.requests()).filteredOn(r -> INTERNAL.getHostAddress().equals(r.url().getHost()))
                    .isNotEmpty().allSatisfy(r -> assertThat(r.blocked()).as("%s marked blocked", r.url()).isTrue());
            try {
                capture(capturer, "/script-navigation");
            } catch (PageCaptureException e) {
                // the page navigates itself away while being captured; either way nothing may reach the internal address
            }
        }
        assertThat(internalConnections).hasValue(0);
    }

    @Test
    void theGuardedProxyStillLetsTheAllowedSiteThrough() {
        try (ChromiumPageCapturer capturer = capturer()) {
            PageCapture page = capture(capturer, "/");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html()).contains("<h1>Shop</h1>");
        }
    }

    private ChromiumPageCapturer capturer() {
        return new ChromiumPageCapturer(chromium, guard, CaptureSettings.defaults().withLaterDelay(Duration.ofMillis(200)));
    }

    private PageCapture capture(ChromiumPageCapturer capturer, String path) {
        URI url = URI.create("http://" + PUBLIC.getHostAddress() + ":" + site.getAddress().getPort() + path);
        return capturer.capture(url, new PageCapturer.PageOptions(PageCapturer.Watch.IF_TIME_DEPENDENT, 0, Deadline.in(Duration.ofSeconds(30))), (l, u, m, w, h, b) -> 0);
    }

    private void internalServer() {
        while (!internal.isClosed()) {
            try (Socket s = internal.accept()) {
                internalConnections.incrementAndGet();
                s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nSECRET".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // closed at the end of the test
            }
        }
    }

    private static void page(HttpExchange ex, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html><head><title>t</title></head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
