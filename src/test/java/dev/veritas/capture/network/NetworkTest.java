package dev.veritas.capture.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.veritas.testing.sites.TestSite;
import dev.veritas.testing.sites.TestSiteServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import dev.veritas.capture.TlsFacts;

/**
 * A {@link Network} decides names and ports for every connection an audit makes: a name only it knows, at the
 * default ports of its URL, reaches servers listening on other ports, through the guarded proxy and the TLS probe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkTest {
    private static final String NAME = "played.example";

    private TestSiteServer tlsSite;
    private HttpServer plainSite;
    private UrlGuard guard;

    @BeforeAll
    void start() throws IOException {
        tlsSite = TestSiteServer.start(TestSite.HONEST_SHOP);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        plainSite = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        plainSite.createContext("/", ex -> {
            byte[] body = ("played at " + ex.getRequestHeaders().getFirst("Host")).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        plainSite.start();
        Network network = new Network(
                host -> {
                    if (host.equals(NAME)) {
                        return new InetAddress[] {loopback};
                    }
                    throw new UnknownHostException(host);
                },
                (address, port) -> switch (port) {
                    case 80 -> plainSite.getAddress().getPort();
                    case 443 -> tlsSite.httpsPort();
                    default -> port;
                },
                false);
        guard = new UrlGuard(true, network);
    }

    @AfterAll
    void stop() {
        tlsSite.close();
        plainSite.stop(0);
    }

    @Test
    void plainHttpAtPort80ReachesTheMappedPortUnderTheName() {
        try (HttpFetcher fetcher = new HttpFetcher(guard, FetchLimits.defaults())) {
            HttpFetcher.Result r = fetcher.fetch(URI.create("http://" + NAME + "/"), Map.of());

            assertThat(r.error()).isEmpty();
            assertThat(r.status()).hasValue(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("played at " + NAME);
        }
    }

    @Test
    void theTlsProbeAtPort443ReachesTheMappedPortAndChecksTheName() {
        TlsProbe probe = new TlsProbe(TrustConfig.withCa(Optional.of(tlsSite.caPem())), Duration.ofSeconds(10), guard);

        TlsFacts facts = probe.probe(NAME, 443);

        assertThat(facts.protocol()).isPresent();
        assertThat(facts.hostnameMismatch()).isTrue(); // the test certificate names 127.0.0.1, not the played name
    }

    @Test
    void namesTheNetworkDoesNotKnowDoNotResolve() {
        assertThat(guard.check(URI.create("https://example.com/"))).isInstanceOf(UrlGuard.Refused.class);
        assertThat(guard.check(URI.create("http://127.0.0.1/"))).isInstanceOf(UrlGuard.Refused.class);
    }

    @Test
    void theSystemNetworkKeepsThePortTheUrlNames() throws IOException {
        InetAddress a = InetAddress.getByName("127.0.0.1");

        assertThat(new UrlGuard(false).destination(a, 443)).isEqualTo(new InetSocketAddress(a, 443));
    }
}
