package dev.veritas.testing.sites;

import static dev.veritas.testing.sites.TestClients.get;
import static dev.veritas.testing.sites.TestClients.getString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertPathBuilderException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TestSiteServerTest {
    private static final List<String> SECURITY_HEADERS = List.of("Content-Security-Policy",
            "Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
            "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy", "Cross-Origin-Embedder-Policy");

    private static final HttpClient CLIENT = TestClients.trustingCa(TestCa.shared());

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Pages {
        private TestSiteServer honest;
        private TestSiteServer dark;
        private TestSiteServer phishing;
        private TestSiteServer weak;

        @BeforeAll
        void start() {
            honest = TestSiteServer.start(TestSite.HONEST_SHOP);
            dark = TestSiteServer.start(TestSite.DARK_SHOP);
            phishing = TestSiteServer.start(TestSite.PHISHING_CLONE);
            weak = TestSiteServer.start(TestSite.WEAK_HEADERS);
        }

        @AfterAll
        void stop() {
            for (TestSiteServer server : List.of(honest, dark, phishing, weak)) {
                server.close();
            }
        }

        @Test
        void listenersAreOnLoopbackWithDifferentEphemeralPorts() {
            assertThat(honest.httpsPort()).isPositive().isNotEqualTo(honest.httpPort());
            assertThat(honest.httpsPort()).isNotEqualTo(dark.httpsPort());
            assertThat(honest.httpsUrl("/cart")).isEqualTo("https://127.0.0.1:" + honest.httpsPort() + "/cart");
            assertThat(honest.httpUrl("cart")).isEqualTo("http://127.0.0.1:" + honest.httpPort() + "/cart");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/", "/cart", "/checkout", "/privacy", "/terms", "/contact", "/about"})
        void honestShopServesItsPagesOverHttps(String path) throws Exception {
            HttpResponse<String> response = getString(CLIENT, honest.httpsUrl(path));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(response.body()).contains("<meta charset=\"utf-8\">", "Harbor Lane Goods",
                    "hello@harborlanegoods.example", "+1 (207) 555-0143");
        }

        @Test
        void honestShopSendsStrictSecurityHeadersAndASecureCookie() throws Exception {
            HttpHeaders headers = getString(CLIENT, honest.httpsUrl("/")).headers();

            assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                            "form-action 'self'", "base-uri 'none'")
                    .doesNotContain("unsafe"));
            assertThat(headers.firstValue("Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
            assertThat(headers.firstValue("Cross-Origin-Resource-Policy")).hasValue("same-origin");
            assertThat(headers.allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                    .contains("Secure", "HttpOnly", "SameSite=Lax"));
        }

        @Test
        void assetsGetContentTypesByExtension() throws Exception {
            assertThat(contentType(honest.httpsUrl("/css/site.css"))).hasValue("text/css; charset=utf-8");
            assertThat(contentType(honest.httpsUrl("/js/site.js"))).hasValue("text/javascript; charset=utf-8");
            assertThat(contentType(honest.httpsUrl("/favicon.ico"))).hasValue("image/x-icon");
            assertThat(contentType(honest.httpsUrl("/robots.txt"))).hasValue("text/plain; charset=utf-8");
            assertThat(contentType(honest.httpsUrl("/img/logo.svg"))).hasValue("image/svg+xml");
            assertThat(contentType(honest.httpsUrl("/index.html"))).hasValue("text/html; charset=utf-8");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/no-such-page", "/_headers", "/_site.properties", "/README.md",
            "/css/%2e%2e/%2e%2e/dark-shop/_headers", "/%2e%2e/honest-shop/index.html", "/cart/", "/%00"})
        void unknownHiddenAndEscapingPathsGetTheNotFoundPage(String path) throws Exception {
            HttpResponse<String> response = getString(CLIENT, dark.httpsUrl(path));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("Page not found");
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as("site headers go on error pages too").hasValue("nosniff");
        }

        @Test
        void headAndOptionsAreAnsweredAndOtherMethodsRefused() throws Exception {
            HttpResponse<String> head = CLIENT.send(HttpRequest.newBuilder(URI.create(honest.httpsUrl("/about")))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> options = CLIENT.send(HttpRequest.newBuilder(URI.create(honest.httpsUrl("/")))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://elsewhere.example")
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(URI.create(honest.httpsUrl("/contact")))
                    .POST(HttpRequest.BodyPublishers.ofString("name=x")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValueAsLong("Content-Length").orElse(0)).isEqualTo(
                    Files.size(SiteConfig.load(TestSite.HONEST_SHOP).root().resolve("about.html")));
            assertThat(options.statusCode()).isEqualTo(204);
            assertThat(options.headers().firstValue("Access-Control-Allow-Origin")).as("no CORS grant").isEmpty();
            assertThat(post.statusCode()).isEqualTo(405);
        }

        @Test
        void darkShopSendsOnlyNosniff() throws Exception {
            HttpHeaders headers = getString(CLIENT, dark.httpsUrl("/")).headers();

            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(SECURITY_HEADERS.stream().filter(h -> headers.firstValue(h).isPresent()))
                    .containsExactly("X-Content-Type-Options");
        }

        @Test
        void phishingCloneSendsNoSecurityHeadersAndNoCookies() throws Exception {
            HttpHeaders headers = getString(CLIENT, phishing.httpsUrl("/")).headers();

            assertThat(SECURITY_HEADERS.stream().filter(h -> headers.firstValue(h).isPresent())).isEmpty();
            assertThat(headers.allValues("Set-Cookie")).isEmpty();
        }

        @Test
        void weakHeadersSiteSendsNoSecurityHeadersAndInsecureCookies() throws Exception {
            HttpHeaders headers = getString(CLIENT, weak.httpsUrl("/")).headers();

            assertThat(SECURITY_HEADERS.stream().filter(h -> headers.firstValue(h).isPresent())).isEmpty();
            assertThat(headers.allValues("Set-Cookie")).hasSize(2).allSatisfy(cookie -> assertThat(cookie)
                    .doesNotContainIgnoringCase("secure").doesNotContainIgnoringCase("httponly")
                    .doesNotContainIgnoringCase("samesite"));
            assertThat(headers.allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("sessionid="));
        }

        @ParameterizedTest
        @ValueSource(strings = {"honest", "dark"})
        void shopsRedirectPlainHttpToTheSamePathOverHttps(String which) throws Exception {
            TestSiteServer server = which.equals("honest") ? honest : dark;

            HttpResponse<String> response = getString(CLIENT, server.httpUrl("/cart?ref=mail&x=%20y"));

            assertThat(response.statusCode()).isEqualTo(301);
            assertThat(response.headers().firstValue("Location"))
                    .hasValue("https://127.0.0.1:" + server.httpsPort() + "/cart?ref=mail&x=%20y");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no HSTS over HTTP").isEmpty();
            assertThat(server.httpRedirectsToHttps()).isTrue();
        }

        @Test
        void phishingCloneAndWeakHeadersServeThemselvesOverPlainHttp() throws Exception {
            HttpResponse<String> phish = getString(CLIENT, phishing.httpUrl("/"));
            HttpResponse<String> bakery = getString(CLIENT, weak.httpUrl("/menu"));

            assertThat(phish.statusCode()).isEqualTo(200);
            assertThat(phish.body()).contains("<title>Log in to your PayPal account</title>",
                    "action=\"https://paypa1-account-verify.example/collect.php\"", "type=\"password\"");
            assertThat(bakery.statusCode()).isEqualTo(200);
            assertThat(bakery.body()).contains("Country sourdough loaf", "$7.50");
            assertThat(bakery.headers().allValues("Set-Cookie")).hasSize(2);
        }

        @Test
        void requestLogRecordsListenerMethodPathQueryAndHeaders() throws Exception {
            dark.clearRequestLog();
            CLIENT.send(HttpRequest.newBuilder(URI.create(dark.httpsUrl("/pricing?plan=vip")))
                    .header("Origin", "https://probe.example").header("X-Probe", "cors").build(),
                    HttpResponse.BodyHandlers.discarding());
            getString(CLIENT, dark.httpUrl("/about"));

            List<RecordedRequest> log = dark.requestLog();
            assertThat(log).hasSize(2);
            RecordedRequest probe = dark.requestsTo("/pricing").get(0);
            assertThat(probe.scheme()).isEqualTo("https");
            assertThat(probe.method()).isEqualTo("GET");
            assertThat(probe.query()).hasValue("plan=vip");
            assertThat(probe.header("origin")).hasValue("https://probe.example");
            assertThat(probe.header("X-PROBE")).hasValue("cors");
            assertThat(probe.header("Cookie")).isEmpty();
            assertThat(log.get(1).scheme()).isEqualTo("http");
            assertThat(log.get(1).path()).isEqualTo("/about");
            assertThat(log.get(1).query()).isEmpty();
        }

        @Test
        void servesManyConcurrentRequests() {
            List<String> paths = List.of("/", "/cart", "/checkout", "/pricing", "/css/shop.css", "/js/shop.js",
                    "/favicon.ico", "/img/logo.svg");
            List<CompletableFuture<HttpResponse<byte[]>>> responses = IntStream.range(0, 64)
                    .mapToObj(i -> CLIENT.sendAsync(get(dark.httpsUrl(paths.get(i % paths.size()))),
                            HttpResponse.BodyHandlers.ofByteArray()))
                    .toList();

            assertThat(responses).allSatisfy(f -> {
                HttpResponse<byte[]> response = f.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isNotEmpty();
            });
        }

        @Test
        void garbageOnTheSocketDoesNotStopTheServer() throws Exception {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), weak.httpPort())) {
                socket.setSoTimeout(5_000);
                OutputStream out = socket.getOutputStream();
                out.write("THIS IS NOT HTTP\r\n\u0001\u0002\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.getInputStream().readAllBytes();
            }

            assertThat(getString(CLIENT, weak.httpUrl("/")).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Hostile {
        private TestSiteServer server;

        @BeforeAll
        void start() {
            // honest-shop redirects HTTP to HTTPS, which makes it the stricter host: hostile paths must bypass that.
            server = TestSiteServer.start(TestSite.HONEST_SHOP);
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @ParameterizedTest
        @ValueSource(strings = {"https", "http"})
        void loopRedirectsToItself(String scheme) throws Exception {
            String url = url(scheme, "/_hostile/loop");

            HttpResponse<String> response = getString(CLIENT, url);

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValue(url);
        }

        @ParameterizedTest
        @ValueSource(strings = {"https", "http"})
        void twoHopLoopGoesAToBAndBackToA(String scheme) throws Exception {
            HttpResponse<String> a = getString(CLIENT, url(scheme, "/_hostile/loop-a"));
            HttpResponse<String> b = getString(CLIENT, a.headers().firstValue("Location").orElseThrow());

            assertThat(a.statusCode()).isEqualTo(302);
            assertThat(a.headers().firstValue("Location")).hasValue(url(scheme, "/_hostile/loop-b"));
            assertThat(b.statusCode()).isEqualTo(302);
            assertThat(b.headers().firstValue("Location")).hasValue(url(scheme, "/_hostile/loop-a"));
        }

        @Test
        void aClientFollowingTheLoopGivesUpStillOnTheLoop() throws Exception {
            HttpClient following = HttpClient.newBuilder().sslContext(TestCa.shared().clientSslContext())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();

            // The JDK client stops after its redirect limit and hands back the last redirect it got.
            HttpResponse<Void> last = following.send(get(server.httpsUrl("/_hostile/loop-a")),
                    HttpResponse.BodyHandlers.discarding());

            List<String> visited = new ArrayList<>();
            for (Optional<HttpResponse<Void>> r = Optional.of(last); r.isPresent(); r = r.get().previousResponse()) {
                visited.add(r.get().uri().getPath());
            }
            assertThat(last.statusCode()).isEqualTo(302);
            assertThat(visited).hasSizeGreaterThan(3).containsOnly("/_hostile/loop-a", "/_hostile/loop-b");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https", "http"})
        void manyRedirectsMakesSevenHopsBeforeThePage(String scheme) throws Exception {
            List<String> chain = new ArrayList<>();
            HttpResponse<String> response = getString(CLIENT, url(scheme, "/_hostile/many-redirects"));
            while (response.statusCode() == 302 && chain.size() < 20) {
                String next = response.headers().firstValue("Location").orElseThrow();
                chain.add(next);
                response = getString(CLIENT, next);
            }

            assertThat(chain).hasSize(7).doesNotHaveDuplicates()
                    .allSatisfy(location -> assertThat(location).startsWith(url(scheme, "/_hostile/many-redirects/")));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("after 7 redirects");
        }

        @Test
        void downgradeSendsAnHttpsPageToPlainHttpWhichServesIt() throws Exception {
            HttpResponse<String> response = getString(CLIENT, server.httpsUrl("/_hostile/downgrade"));
            String location = response.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> landed = getString(CLIENT, location);

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(location).isEqualTo("http://127.0.0.1:" + server.httpPort() + "/_hostile/downgraded");
            assertThat(landed.statusCode()).as("served over HTTP despite the site's redirect").isEqualTo(200);
            assertThat(landed.body()).contains("redirect from HTTPS to plain HTTP");
        }

        @Test
        void hangNeverAnswersButOtherRequestsStillSucceed() throws Exception {
            HttpRequest hang = HttpRequest.newBuilder(URI.create(server.httpsUrl("/_hostile/hang")))
                    .timeout(Duration.ofMillis(700)).build();

            // Three hanging requests, each still holding its server thread when the next request is made.
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> CLIENT.send(hang, HttpResponse.BodyHandlers.ofString()))
                        .isInstanceOf(HttpTimeoutException.class);
            }
            CompletableFuture<HttpResponse<String>> stillHanging = CLIENT.sendAsync(
                    HttpRequest.newBuilder(URI.create(server.httpUrl("/_hostile/hang"))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(getString(CLIENT, server.httpsUrl("/about")).statusCode()).isEqualTo(200);
            assertThat(getString(CLIENT, server.httpUrl("/_hostile/downgraded")).statusCode()).isEqualTo(200);
            assertThat(server.requestsTo("/_hostile/hang")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(stillHanging).isNotDone();
            stillHanging.cancel(true);
        }

        @Test
        void hugeStreamsFiftyMebibytesOfHtml() throws Exception {
            HttpResponse<InputStream> response = CLIENT.send(get(server.httpsUrl("/_hostile/huge")),
                    HttpResponse.BodyHandlers.ofInputStream());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(50L * 1024 * 1024);
            long total = 0;
            byte[] first = null;
            byte[] last = new byte[0];
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; total += n) {
                    if (first == null) {
                        first = Arrays.copyOf(buffer, n);
                    }
                    last = Arrays.copyOf(buffer, n);
                }
            }
            assertThat(total).isEqualTo(50L * 1024 * 1024);
            assertThat(new String(first, StandardCharsets.US_ASCII)).startsWith("<!doctype html>");
            assertThat(new String(last, StandardCharsets.US_ASCII)).endsWith("</body></html>\n");
        }

        @Test
        void aClientLeavingHugeHalfwayDoesNotHurtTheServer() throws Exception {
            HttpResponse<InputStream> response = CLIENT.send(get(server.httpUrl("/_hostile/huge")),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                assertThat(in.readNBytes(1 << 20)).hasSize(1 << 20);
            }

            assertThat(getString(CLIENT, server.httpUrl("/_hostile/malformed")).statusCode()).isEqualTo(200);
        }

        @Test
        void binaryIsRandomBytesOnceAsOctetStreamAndOnceMislabelledAsHtml() throws Exception {
            HttpResponse<byte[]> binary = CLIENT.send(get(server.httpsUrl("/_hostile/binary")),
                    HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> mislabelled = CLIENT.send(get(server.httpsUrl("/_hostile/binary-as-html")),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(binary.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(mislabelled.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(binary.body()).hasSize(4 * 1024 * 1024).isEqualTo(mislabelled.body());
            long zeros = IntStream.range(0, 65_536).filter(i -> binary.body()[i] == 0).count();
            long high = IntStream.range(0, 65_536).filter(i -> binary.body()[i] < 0).count();
            assertThat(zeros).as("random, so some NUL bytes").isBetween(100L, 500L);
            assertThat(high).as("random, so half the bytes are not ASCII").isBetween(30_000L, 35_500L);
        }

        @Test
        void malformedIsBrokenHtmlWithANulByte() throws Exception {
            HttpResponse<String> response = getString(CLIENT, server.httpsUrl("/_hostile/malformed"));
            String body = response.body();

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(body).contains("\0", "&notanentity;", "&#xZZZ;", "<b>bold <i>crossed</b>");
            assertThat(body.indexOf("</html>")).as("an early </html>").isLessThan(body.indexOf("<h1>Content after"));
            assertThat(body.indexOf("<form", body.indexOf("<form") + 1))
                    .as("a form inside a form, before the first closes")
                    .isLessThan(body.indexOf("</form>"));
        }

        @Test
        void slowSendsOneByteASecond() throws Exception {
            HttpResponse<InputStream> response = CLIENT.send(get(server.httpsUrl("/_hostile/slow")),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                int first = in.read();
                long afterFirst = System.nanoTime();
                byte[] next = in.readNBytes(2);
                long elapsed = System.nanoTime() - afterFirst;

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat((char) first + new String(next, StandardCharsets.US_ASCII)).isEqualTo("<!d");
                assertThat(Duration.ofNanos(elapsed)).as("two more bytes take about two seconds")
                        .isGreaterThan(Duration.ofMillis(1500));
            }
        }

        @Test
        void unknownHostilePathIsNotFound() throws Exception {
            assertThat(getString(CLIENT, server.httpsUrl("/_hostile/many-redirects/9")).statusCode()).isEqualTo(404);
            assertThat(getString(CLIENT, server.httpsUrl("/_hostile/nothing")).statusCode()).isEqualTo(404);
        }

        private String url(String scheme, String path) {
            return scheme.equals("https") ? server.httpsUrl(path) : server.httpUrl(path);
        }
    }

    @Nested
    class Closing {
        @Test
        void closeReturnsPromptlyWithAHangingAndASlowRequestInFlight() throws Exception {
            TestSiteServer server = TestSiteServer.start(TestSite.DARK_SHOP);
            CompletableFuture<HttpResponse<String>> hanging = CLIENT.sendAsync(
                    HttpRequest.newBuilder(URI.create(server.httpsUrl("/_hostile/hang"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> slow = CLIENT.sendAsync(
                    HttpRequest.newBuilder(URI.create(server.httpUrl("/_hostile/slow"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(server.awaitRequest("/_hostile/hang", Duration.ofSeconds(10))).isTrue();
            assertThat(server.awaitRequest("/_hostile/slow", Duration.ofSeconds(10))).isTrue();

            long start = System.nanoTime();
            server.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as("close() with requests in flight").isLessThan(Duration.ofSeconds(3));
            assertThatThrownBy(() -> hanging.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IOException.class);
            assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThat(server.caPem()).as("the CA file is removed").doesNotExist();
            server.close(); // a second close does nothing
        }

        @Test
        void awaitRequestGivesUpAfterItsTimeout() throws Exception {
            try (TestSiteServer server = TestSiteServer.start(TestSite.WEAK_HEADERS)) {
                assertThat(server.awaitRequest("/never", Duration.ofMillis(50))).isFalse();
                getString(CLIENT, server.httpUrl("/"));
                assertThat(server.awaitRequest("/", Duration.ofMillis(50))).isTrue();
            }
        }
    }

    @Nested
    class Certificates {
        @Test
        void validCertificateIsTrustedThroughTheCaPem() throws Exception {
            try (TestSiteServer server = TestSiteServer.start(TestSite.HONEST_SHOP, CertVariant.VALID)) {
                assertThat(server.caPem()).exists().content().isEqualTo(server.ca().caPem());
                assertThat(getString(TestClients.trustingCa(server.ca()), server.httpsUrl("/")).statusCode())
                        .isEqualTo(200);
                assertThat(presentedChain(server)).containsExactly(server.ca().leafCertificate(CertVariant.VALID),
                        server.ca().caCertificate());
            }
        }

        @Test
        void validCertificateIsNotTrustedByTheJdkDefaults() throws Exception {
            try (TestSiteServer server = TestSiteServer.start(TestSite.HONEST_SHOP)) {
                HttpClient defaults = HttpClient.newBuilder().build();
                assertThatThrownBy(() -> defaults.send(get(server.httpsUrl("/")), HttpResponse.BodyHandlers.discarding()))
                        .isInstanceOf(SSLHandshakeException.class);
            }
        }

        @Test
        void expiredCertificateFailsAsExpired() {
            assertHandshakeFails(CertVariant.EXPIRED, CertificateExpiredException.class, Optional.empty());
        }

        @Test
        void selfSignedCertificateFailsPathBuilding() {
            assertHandshakeFails(CertVariant.SELF_SIGNED, CertPathBuilderException.class, Optional.empty());
        }

        @Test
        void wrongHostCertificateFailsHostnameVerification() {
            assertHandshakeFails(CertVariant.WRONG_HOST, CertificateException.class, Optional.of("127.0.0.1"));
        }

        @ParameterizedTest
        @EnumSource(value = CertVariant.class, names = "VALID", mode = EnumSource.Mode.EXCLUDE)
        void brokenLeavesArePresentedWithoutTheCaSoChromiumsSpkiListDoesNotMatchThem(CertVariant variant)
                throws Exception {
            try (TestSiteServer server = TestSiteServer.start(TestSite.HONEST_SHOP, variant)) {
                assertThat(presentedChain(server)).containsExactly(server.ca().leafCertificate(variant));
                assertThat(server.certificate()).isEqualTo(variant);
                assertThat(variant.trustedByTestCaClients()).isFalse();
                assertThat(getString(CLIENT, server.httpUrl("/")).statusCode())
                        .as("plain HTTP is unaffected").isEqualTo(301);
            }
        }

        private void assertHandshakeFails(CertVariant variant, Class<? extends Throwable> cause,
                Optional<String> message) {
            try (TestSiteServer server = TestSiteServer.start(TestSite.HONEST_SHOP, variant)) {
                HttpClient client = TestClients.trustingCa(server.ca());
                assertThatThrownBy(() -> client.send(get(server.httpsUrl("/")), HttpResponse.BodyHandlers.discarding()))
                        .isInstanceOf(SSLHandshakeException.class)
                        .satisfies(e -> assertThat(causes(e)).anySatisfy(c -> {
                            assertThat(c).isInstanceOf(cause);
                            message.ifPresent(m -> assertThat(c.getMessage()).contains(m));
                        }));
            }
        }

        private static List<Throwable> causes(Throwable e) {
            List<Throwable> chain = new ArrayList<>();
            for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
                chain.add(t);
            }
            return chain;
        }

        /** The certificates the HTTPS listener sends, read with a client that accepts anything. */
        private static List<Certificate> presentedChain(TestSiteServer server) throws Exception {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAnything()}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.httpsPort())) {
                socket.setSoTimeout(5_000);
                socket.startHandshake();
                return List.of(socket.getSession().getPeerCertificates());
            }
        }

        /** Only for reading what a server presents; never for a real connection. */
        private static final class AcceptAnything implements X509TrustManager {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }
    }

    private static Optional<String> contentType(String url) throws Exception {
        HttpResponse<byte[]> response = CLIENT.send(get(url), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.headers().firstValue("Content-Type");
    }
}
