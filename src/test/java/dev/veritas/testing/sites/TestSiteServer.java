package dev.veritas.testing.sites;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test site served on 127.0.0.1 by two listeners on ephemeral ports: HTTPS with a certificate from
 * {@link TestCa}, and plain HTTP that either redirects to HTTPS or serves the site too (per site, see
 * {@link SiteConfig}). Both also serve the hostile endpoints under {@code /_hostile/} (see {@link HostileEndpoints}).
 *
 * <pre>{@code
 * try (TestSiteServer site = TestSiteServer.start(TestSite.DARK_SHOP)) {
 *     String url = site.httpsUrl("/");          // https://127.0.0.1:<port>/
 *     Path ca = site.caPem();                   // for --trust-ca
 *     String spki = site.ca().caSpkiSha256Base64(); // for Chromium's --ignore-certificate-errors-spki-list
 * }
 * }</pre>
 *
 * Requests run on a pool of daemon threads, one per request in flight, so a request that hangs holds one thread and
 * nothing else; {@link #close()} releases such requests and returns promptly.
 */
public final class TestSiteServer implements AutoCloseable {
    private static final int MAX_REQUESTS_IN_FLIGHT = 256;
    private static final AtomicInteger SERVER_NUMBER = new AtomicInteger();

    private final SiteConfig config;
    private final CertVariant certificate;
    private final TestCa ca;
    private final HttpsServer https;
    private final HttpServer http;
    private final Origins origins;
    private final ThreadPoolExecutor executor;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final RequestLog log = new RequestLog();
    private final Path caPem;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestSiteServer(TestSite site, CertVariant certificate, TestCa ca) throws IOException {
        this.config = SiteConfig.load(site);
        this.certificate = certificate;
        this.ca = ca;
        InetAddress loopback = InetAddress.getByName(Origins.HOST);
        // The listen queue holds as many connections as the site serves requests at once: the kernel completes them
        // even while the single accepting thread waits for a core, so a busy machine delays a connection, never drops it.
        this.https = HttpsServer.create(new InetSocketAddress(loopback, 0), MAX_REQUESTS_IN_FLIGHT);
        this.http = HttpServer.create(new InetSocketAddress(loopback, 0), MAX_REQUESTS_IN_FLIGHT);
        this.origins = new Origins(https.getAddress().getPort(), http.getAddress().getPort());
        this.executor = executor(site);
        this.caPem = ca.writeCaPem(Files.createTempFile("veritas-test-ca-", ".pem"));

        https.setHttpsConfigurator(new HttpsConfigurator(ca.serverSslContext(certificate)));
        HostileEndpoints hostile = new HostileEndpoints(origins, closing);
        https.createContext("/", new SiteHandler("https", config, origins, log, hostile));
        http.createContext("/", new SiteHandler("http", config, origins, log, hostile));
        https.setExecutor(executor);
        http.setExecutor(executor);
        https.start();
        http.start();
    }

    /** Starts {@code site} with a valid certificate from the shared {@link TestCa}. */
    public static TestSiteServer start(TestSite site) {
        return start(site, CertVariant.VALID);
    }

    /** Starts {@code site} presenting the given certificate variant, for transport tests. */
    public static TestSiteServer start(TestSite site, CertVariant certificate) {
        return start(site, certificate, TestCa.shared());
    }

    /** Starts {@code site} with a certificate from the given CA. */
    public static TestSiteServer start(TestSite site, CertVariant certificate, TestCa ca) {
        try {
            return new TestSiteServer(site, certificate, ca);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start test site " + site.folder(), e);
        }
    }

    public TestSite site() {
        return config.site();
    }

    /** The certificate variant the HTTPS listener presents. */
    public CertVariant certificate() {
        return certificate;
    }

    /** The CA behind the certificates; its trust manager, client context and SPKI hash are for test clients. */
    public TestCa ca() {
        return ca;
    }

    public int httpsPort() {
        return origins.httpsPort();
    }

    public int httpPort() {
        return origins.httpPort();
    }

    /** {@code https://127.0.0.1:<httpsPort><path>}; a missing leading slash is added. */
    public String httpsUrl(String path) {
        return Origins.url(origins.https(), path);
    }

    /** {@code http://127.0.0.1:<httpPort><path>}; a missing leading slash is added. */
    public String httpUrl(String path) {
        return Origins.url(origins.http(), path);
    }

    /** A PEM file holding the CA certificate, for Veritas' {@code --trust-ca}; deleted by {@link #close()}. */
    public Path caPem() {
        return caPem;
    }

    /** The headers this site sends on every response (HSTS over HTTPS only). */
    public List<HeaderLine> siteHeaders() {
        return config.headers();
    }

    /** Whether the plain-HTTP listener redirects to HTTPS (outside {@code /_hostile/}). */
    public boolean httpRedirectsToHttps() {
        return config.httpRedirectsToHttps();
    }

    /** Every request received so far on either listener, in arrival order. */
    public List<RecordedRequest> requestLog() {
        return log.snapshot();
    }

    /** The requests received so far for one path, e.g. {@code /cart}. */
    public List<RecordedRequest> requestsTo(String path) {
        return log.snapshot().stream().filter(r -> r.path().equals(path)).toList();
    }

    /**
     * Waits until a request for {@code path} has reached the site (or already had), e.g. until a crawler is stuck on
     * {@code /_hostile/hang} before a test cancels the audit. Returns false if {@code timeout} ran out first.
     */
    public boolean awaitRequest(String path, Duration timeout) throws InterruptedException {
        return log.await(path, timeout);
    }

    /** Forgets the requests received so far, e.g. after a test's own warm-up request. */
    public void clearRequestLog() {
        log.clear();
    }

    /**
     * Stops both listeners, cuts every open connection, releases hanging and trickling requests, and deletes the CA
     * file. Returns promptly even with requests in flight; calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Connections are cut first, so that a released request cannot end its response cleanly: a client waiting on
        // /_hostile/slow must see the connection drop, not a short page.
        https.stop(0);
        http.stop(0);
        closing.countDown();
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(caPem);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }

    private static ThreadPoolExecutor executor(TestSite site) {
        String prefix = "test-site-" + site.folder() + "-" + SERVER_NUMBER.incrementAndGet() + "-";
        AtomicInteger thread = new AtomicInteger();
        // A direct hand-off queue: every request gets a thread at once, so one that hangs never queues others.
        return new ThreadPoolExecutor(0, MAX_REQUESTS_IN_FLIGHT, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread t = new Thread(runnable, prefix + thread.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public String toString() {
        return "TestSiteServer[" + config.site().folder() + ", " + origins.https() + ", " + origins.http() + ", "
                + certificate + "]";
    }
}
