package dev.veritas.capture;

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
        HttpFetcher fetcher = new HttpFetcher(guard, FetchLimits.defaults());

        HttpFetcher.Result r = fetcher.fetch(URI.create("http://" + PUBLIC.getHostAddress() + ":" + site.getAddress().getPort() + "/"), Map.of());

        assertThat(r.ok()).isFalse();
        assertThat(r.chain()).hasSize(1);
        assertThat(r.error()).hasValueSatisfying(e -> assertThat(e).contains(INTERNAL.getHostAddress()).contains("loopback"));
        assertThat(internalConnections).hasValue(0);
    }

    private static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
