package dev.veritas.capture.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.testing.sites.TestSite;
import dev.veritas.testing.sites.TestSiteServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import dev.veritas.capture.TlsFacts;

/** The TLS probe connects to the address the URL guard approved, and not at all to one it refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsProbeGuardTest {
    private TestSiteServer site;

    @BeforeAll
    void start() {
        site = TestSiteServer.start(TestSite.HONEST_SHOP);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    /**
     * A name only the guard's resolver knows, answering once with the site's (loopback) address: a probe that
     * resolved the name itself would find no such host; one that uses the approved address reaches the site,
     * and checks the certificate against the name, which the test certificate does not carry.
     */
    @Test
    void handshakesWithTheApprovedAddressAndVerifiesTheName() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AtomicInteger lookups = new AtomicInteger();
        UrlGuard guard = new UrlGuard(false,
                host -> {
                    lookups.incrementAndGet();
                    return host.equals("pinned.example") ? new InetAddress[] {loopback} : InetAddress.getAllByName(host);
                },
                a -> a.equals(loopback));
        TlsProbe probe = new TlsProbe(TrustConfig.withCa(Optional.of(site.caPem())), Duration.ofSeconds(10), guard);

        TlsFacts facts = probe.probe("pinned.example", site.httpsPort());

        assertThat(facts.protocol()).isPresent();
        assertThat(facts.hostnameMismatch()).isTrue();
        assertThat(facts.valid()).isFalse();
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aRefusedHostIsNotContacted() {
        UrlGuard guard = new UrlGuard(false);
        TlsProbe probe = new TlsProbe(TrustConfig.system(), Duration.ofSeconds(10), guard);

        TlsFacts facts = probe.probe("127.0.0.1", site.httpsPort());

        assertThat(facts.protocol()).isEmpty();
        assertThat(facts.problem()).hasValueSatisfying(p -> assertThat(p).contains("loopback"));
    }
}
