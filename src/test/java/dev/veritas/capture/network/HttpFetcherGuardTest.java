package dev.veritas.capture.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
/** The no-browser fetcher checks every redirect hop: a "public" site (127.0.0.1 here) cannot send it to an internal address. */
class HttpFetcherGuardTest {
    private static final InetAddress PUBLIC = address(1);
    private static final InetAddress INTERNAL = address(2);

    private HttpServer site;
    private ServerSocket internal;
    private final AtomicInteger internalConnections = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        internal = new ServerSocket(0, 50, INTERNAL);
        Thread t = new Thread(() -> {
            while (!internal.isClosed()) {
                try (Socket s = internal.accept()) {
                    internalConnections.incrementAndGet();
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }
        });
        t.setDaemon(true);
        t.start();
        site = HttpServer.create(new InetSocketAddress(PUBLIC, 0), 0);
        site.createContext("/hello", ex -> {
            byte[] body = "public site".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        // The same two places, with the host spelt in hex as a hostile redirect may spell it (0x7f.0.0.2 is 127.0.0.2).
        site.createContext("/hex-internal", ex -> {
            ex.getResponseHeaders().set("Location", "http://0x7f.0.0.2:" + internal.getLocalPort() + "/latest/meta-data/");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        site.createContext("/hex-public", ex -> {
            ex.getResponseHeaders().set("Location", "http://0x7f.0.0.1:" + site.getAddress().getPort() + "/hello");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        site.createContext("/", ex -> {
            ex.getResponseHeaders().set("Location", "http://" + INTERNAL.getHostAddress() + ":" + internal.getLocalPort() + "/latest/meta-data/");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        site.start();
    }

    @AfterEach
    void stop() throws IOException {
        site.stop(0);
        internal.close();
    }

    @Test
    void aRedirectToAnInternalAddressIsRefusedBeforeAnyConnection() {
        UrlGuard guard = new UrlGuard(false, InetAddress::getAllByName, a -> a.equals(PUBLIC));
        HttpFetcher.Result r;
        try (HttpFetcher fetcher = new HttpFetcher(guard, FetchLimits.defaults())) {
            r = fetcher.fetch(URI.create("http://" + PUBLIC.getHostAddress() + ":" + site.getAddress().getPort() + "/"), Map.of());
        }

        assertThat(r.ok()).isFalse();
        assertThat(r.chain()).hasSize(1);
        assertThat(r.error()).hasValueSatisfying(e -> assertThat(e).contains(INTERNAL.getHostAddress()).contains("loopback"));
        assertThat(internalConnections).hasValue(0);
    }

    @Test
    void aRedirectToAnInternalAddressSpeltInHexIsRefusedAsThatAddress() {
        UrlGuard guard = new UrlGuard(false, InetAddress::getAllByName, a -> a.equals(PUBLIC));
        HttpFetcher.Result r;
        try (HttpFetcher fetcher = new HttpFetcher(guard, FetchLimits.defaults())) {
            r = fetcher.fetch(URI.create("http://" + PUBLIC.getHostAddress() + ":" + site.getAddress().getPort() + "/hex-internal"), Map.of());
        }

        assertThat(r.ok()).isFalse();
        assertThat(r.error()).hasValueSatisfying(e -> assertThat(e).contains("refusing to fetch 127.0.0.2").contains("loopback"));
        assertThat(internalConnections).hasValue(0);
    }

    /** A browser follows a redirect to 0x7f.0.0.1 to 127.0.0.1, and so does the fetcher, naming the hop as the browser would. */
    @Test
    void aRedirectToAnAddressSpeltInHexIsFollowedToThatAddress() {
        UrlGuard guard = new UrlGuard(false, InetAddress::getAllByName, a -> a.equals(PUBLIC));
        HttpFetcher.Result r;
        try (HttpFetcher fetcher = new HttpFetcher(guard, FetchLimits.defaults())) {
            r = fetcher.fetch(URI.create("http://" + PUBLIC.getHostAddress() + ":" + site.getAddress().getPort() + "/hex-public"), Map.of());
        }

        assertThat(r.error()).isEmpty();
        assertThat(r.status()).hasValue(200);
        assertThat(r.finalUrl()).hasToString("http://127.0.0.1:" + site.getAddress().getPort() + "/hello");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("public site");
    }

    /**
     * DNS rebinding: a name that answers with a public address when the guard checks it and an internal one
     * afterwards. The fetcher must connect to the address the guard approved and never resolve the name itself
     * (the system resolver does not even know this name, so a fetcher that resolved it would fail here).
     */
    @Test
    void aNameIsResolvedOnceByTheGuardAndTheConnectionGoesToTheApprovedAddress() {
        AtomicInteger lookups = new AtomicInteger();
        UrlGuard guard = new UrlGuard(false,
                host -> host.equals("rebind.example")
                        ? new InetAddress[] {lookups.getAndIncrement() == 0 ? PUBLIC : INTERNAL}
                        : InetAddress.getAllByName(host),
                a -> a.equals(PUBLIC));
        try (HttpFetcher fetcher = new HttpFetcher(guard, FetchLimits.defaults())) {
            HttpFetcher.Result r = fetcher.fetch(URI.create("http://rebind.example:" + site.getAddress().getPort() + "/hello"), Map.of());

            assertThat(r.error()).isEmpty();
            assertThat(r.status()).hasValue(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("public site");
        }
        assertThat(internalConnections).hasValue(0);
        assertThat(lookups).hasValue(1);
    }

    private static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
