package dev.veritas.eval.pages;

import static dev.veritas.eval.pages.TestCorpus.BRAND_FREE_HOST;
import static dev.veritas.eval.pages.TestCorpus.LOOK_ALIKE_HOST;
import static dev.veritas.eval.pages.TestCorpus.PAGE_HOST;
import static dev.veritas.eval.pages.TestCorpus.PAGE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.capture.network.FetchLimits;
import dev.veritas.capture.network.HttpFetcher;
import dev.veritas.capture.TlsFacts;
import dev.veritas.capture.network.TlsProbe;
import dev.veritas.capture.network.TrustConfig;
import dev.veritas.capture.network.UrlGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served corpus as the engine's own clients meet it through a guard built on the server's network: the played
 * names at ports 443 and 80 reach the server, with the run's certificate; nothing else resolves or connects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusServerTest {
    @TempDir
    Path dir;

    private PlayedSites sites;
    private RunCertificates certificates;
    private CorpusServer server;
    private UrlGuard guard;
    private HttpFetcher fetcher;

    @BeforeAll
    void start() {
        sites = PlayedSites.of(PageManifest.read(TestCorpus.manifest()).rows());
        certificates = RunCertificates.forHosts(sites.hosts());
        server = CorpusServer.start(sites, certificates);
        guard = new UrlGuard(true, server.network());
        fetcher = new HttpFetcher(guard, FetchLimits.defaults());
    }

    @AfterAll
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void aKitOverPlainHttpIsServedUnderItsNameAtPort80() throws Exception {
        HttpFetcher.Result r = fetcher.fetch(URI.create("http://" + BRAND_FREE_HOST + "/"), Map.of());

        assertThat(r.error()).isEmpty();
        assertThat(r.status()).hasValue(200);
        assertThat(r.body()).isEqualTo(Files.readAllBytes(TestCorpus.folder().resolve("phish/coin-kit/login.html")));
        assertThat(r.headers().first("Server")).hasValue("Apache");
        assertThat(r.headers().first("Content-Type")).hasValue("text/html; charset=utf-8");
    }

    @Test
    void aKitOverHttpsAnswersAtPort443() {
        HttpFetcher.Result r = fetcher.fetch(URI.create("https://" + LOOK_ALIKE_HOST + "/logo.svg"), Map.of());

        assertThat(r.status()).hasValue(200);
        assertThat(r.headers().first("Content-Type")).hasValue("image/svg+xml");
    }

    @Test
    void aPageOverPlainHttpRedirectsToHttpsWhereItIsServed() {
        HttpFetcher.Result r = fetcher.fetch(URI.create("http://" + PAGE_HOST + PAGE_PATH), Map.of());

        assertThat(r.chain()).hasSize(2);
        assertThat(r.chain().get(0).status()).isEqualTo(301);
        assertThat(r.status()).hasValue(200);
        assertThat(r.headers().first("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    @Test
    void theRunsCertificateIsValidForEveryPlayedNameWithTheRunsCa() throws Exception {
        Path ca = certificates.writeCaPem(dir.resolve("ca.pem"));
        TlsProbe probe = new TlsProbe(TrustConfig.withCa(Optional.of(ca)), Duration.ofSeconds(10), guard);
        TlsProbe withoutTheCa = new TlsProbe(TrustConfig.system(), Duration.ofSeconds(10), guard);

        for (String host : sites.hosts()) {
            TlsFacts facts = probe.probe(host, 443);
            assertThat(facts.valid()).as(host).isTrue();
            assertThat(facts.hostnameMismatch()).as(host).isFalse();
        }
        assertThat(withoutTheCa.probe(PAGE_HOST, 443).valid()).isFalse();
    }

    @Test
    void theCertificateLivesAsLongAsAPublicOneSoNoAuditSaysItExpiresSoon() {
        assertThat(certificates.serverCertificate().getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(60)));
    }

    @Test
    void namesNotPlayedDoNotResolveAndOtherPortsAreClosed() {
        assertThat(guard.check(URI.create("https://example.com/"))).isInstanceOf(UrlGuard.Refused.class);
        assertThat(guard.check(URI.create("http://127.0.0.1:5432/"))).isInstanceOf(UrlGuard.Refused.class);
        assertThat(guard.check(URI.create("http://localhost/"))).isInstanceOf(UrlGuard.Refused.class);

        HttpFetcher.Result otherPort = fetcher.fetch(URI.create("http://" + LOOK_ALIKE_HOST + ":8080/"), Map.of());
        assertThat(otherPort.status()).isNotEqualTo(Optional.of(200));
    }

    @Test
    void anyOtherPortMeetsAListenerThatHangsUp() throws IOException {
        InetAddress played = guard.check(URI.create("http://" + LOOK_ALIKE_HOST + "/")) instanceof UrlGuard.Allowed a
                ? a.addresses().get(0) : null;
        int mapped = server.network().ports().port(played, 8080);

        assertThat(mapped).isNotIn(8080, server.httpPort(), server.httpsPort());
        try (Socket s = new Socket(played, mapped)) {
            s.setSoTimeout(10_000);
            int first;
            try {
                first = s.getInputStream().read();
            } catch (SocketException reset) {
                first = -1;
            }
            assertThat(first).isEqualTo(-1);
        }
    }
}
