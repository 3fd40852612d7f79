package dev.veritas.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.checks.SecurityHeadersCheck;
import dev.veritas.checks.observatory.ObservatoryOutcome;
import dev.veritas.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Consumer;
class HarReaderTest {
    private static final String STARTED = "2025-06-02T10:00:00.000Z";
    private static final long STARTED_EPOCH = Instant.parse(STARTED).getEpochSecond();
    private static final String PAGE = "<!doctype html><html><head><title>Harbor Lane</title></head><body><p>Welcome</p>"
            + "<a href='/privacy'>Privacy</a></body></html>";

    @TempDir
    Path dir;

    // ---- writing HAR files ----

    /** One exchange of a HAR file, built up with named steps. */
    private static final class Entry {
        final ObjectNode node = Json.object();

        Entry(String url, int status) {
            node.put("startedDateTime", STARTED);
            ObjectNode req = node.putObject("request");
            req.put("method", "GET").put("url", url);
            req.putArray("headers");
            ObjectNode res = node.putObject("response");
            res.put("status", status);
            res.putArray("headers");
            res.put("redirectURL", "");
            res.putObject("content").put("mimeType", "").put("text", "");
        }

        Entry header(String name, String value) {
            ((ArrayNode) node.path("response").path("headers")).addObject().put("name", name).put("value", value);
            return this;
        }

        Entry requestHeader(String name, String value) {
            ((ArrayNode) node.path("request").path("headers")).addObject().put("name", name).put("value", value);
            return this;
        }

        Entry html(String body) {
            ((ObjectNode) node.path("response").path("content")).put("mimeType", "text/html").put("text", body);
            return header("Content-Type", "text/html; charset=utf-8");
        }

        Entry base64Html(String body) {
            ((ObjectNode) node.path("response").path("content")).put("mimeType", "text/html").put("encoding", "base64")
                    .put("text", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
            return header("Content-Type", "text/html");
        }

        Entry content(String mimeType, String text) {
            ((ObjectNode) node.path("response").path("content")).put("mimeType", mimeType).put("text", text);
            return this;
        }

        Entry redirect(String location) {
            return header("Location", location);
        }

        ObjectNode security() {
            return node.putObject("_securityDetails");
        }
    }

    private Path har(Entry... entries) throws IOException {
        ObjectNode root = Json.object();
        ObjectNode log = root.putObject("log");
        log.put("version", "1.2");
        ArrayNode list = log.putArray("entries");
        for (Entry e : entries) {
            list.add(e.node);
        }
        return write(Json.MAPPER.writeValueAsString(root));
    }

    private Path write(String text) throws IOException {
        Path f = Files.createTempFile(dir, "capture", ".har");
        Files.writeString(f, text);
        return f;
    }

    private static Entry entry(String url, int status) {
        return new Entry(url, status);
    }

    // ---- reading ----

    @Test
    void aSinglePageBecomesASiteCaptureFromAHar() throws IOException {
        SiteCapture c = HarReader.read(har(entry("https://www.harborlane.com/", 200).html(PAGE).header("X-Frame-Options", "DENY")));

        assertThat(c.source()).isEqualTo(CaptureSource.HAR);
        assertThat(c.target()).isEqualTo(URI.create("https://www.harborlane.com/"));
        assertThat(c.startedAt()).isEqualTo(Instant.parse(STARTED));
        assertThat(c.notes()).singleElement().asString().contains("HAR file");
        assertThat(c.httpProbe()).isEmpty();
        assertThat(c.corsProbe()).isEmpty();
        PageCapture p = c.pages().get(0);
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.title()).isEqualTo("Harbor Lane");
        assertThat(p.headers().first("x-frame-options")).contains("DENY");
        assertThat(p.segments()).extracting(TextSegment::text).contains("Welcome");
        assertThat(p.links()).extracting(l -> l.href().toString()).containsExactly("https://www.harborlane.com/privacy");
    }

    @Test
    void redirectsFormAChainEndingAtThePage() throws IOException {
        SiteCapture c = HarReader.read(har(
                entry("https://harborlane.com/", 301).redirect("https://www.harborlane.com/"),
                entry("https://www.harborlane.com/style.css", 200).content("text/css", "p{}"),
                entry("https://www.harborlane.com/", 302).redirect("/home"),
                entry("https://www.harborlane.com/home", 200).html(PAGE)));

        assertThat(c.pages()).singleElement().satisfies(p -> {
            assertThat(p.requestedUrl()).isEqualTo(URI.create("https://harborlane.com/"));
            assertThat(p.finalUrl()).isEqualTo(URI.create("https://www.harborlane.com/home"));
            assertThat(p.redirects()).extracting(h -> h.url().toString() + " " + h.status()).containsExactly(
                    "https://harborlane.com/ 301", "https://www.harborlane.com/ 302", "https://www.harborlane.com/home 200");
            assertThat(p.redirects().get(1).location()).contains("/home");
        });
        assertThat(c.target()).isEqualTo(URI.create("https://harborlane.com/"));
    }

    @Test
    void theRedirectUrlFieldCountsWhenThereIsNoLocationHeader() throws IOException {
        Entry hop = entry("https://harborlane.com/", 301);
        ((ObjectNode) hop.node.path("response")).put("redirectURL", "https://www.harborlane.com/");

        SiteCapture c = HarReader.read(har(hop, entry("https://www.harborlane.com/", 200).html(PAGE)));

        assertThat(c.pages()).singleElement().satisfies(p -> assertThat(p.redirects()).hasSize(2));
    }

    @Test
    void theFirstPlainHttpChainBecomesTheHttpProbe() throws IOException {
        SiteCapture c = HarReader.read(har(
                entry("https://www.harborlane.com/", 200).html(PAGE),
                entry("http://www.harborlane.com/", 301).redirect("https://www.harborlane.com/"),
                entry("https://www.harborlane.com/", 200).html(PAGE),
                entry("http://harborlane.com/", 301).redirect("http://www.harborlane.com/x"),
                entry("http://www.harborlane.com/x", 200).html(PAGE)));

        SiteCapture.HttpProbe probe = c.httpProbe().orElseThrow();
        assertThat(probe.url()).isEqualTo(URI.create("http://www.harborlane.com/"));
        assertThat(probe.reachable()).isTrue();
        assertThat(probe.error()).isEmpty();
        assertThat(probe.chain()).extracting(h -> h.url().toString())
                .containsExactly("http://www.harborlane.com/", "https://www.harborlane.com/");
        assertThat(c.target()).isEqualTo(URI.create("https://www.harborlane.com/"));
    }

    @Test
    void aRequestWithAnOriginHeaderIsTheCorsProbeAndNoPage() throws IOException {
        SiteCapture c = HarReader.read(har(
                entry("https://www.harborlane.com/", 200).requestHeader("Origin", "https://veritas-cors-probe.example")
                        .header("Access-Control-Allow-Origin", "https://veritas-cors-probe.example")
                        .header("Access-Control-Allow-Credentials", "true").html(PAGE),
                entry("https://www.harborlane.com/", 200).html(PAGE)));

        assertThat(c.corsProbe()).hasValueSatisfying(p -> {
            assertThat(p.origin()).isEqualTo("https://veritas-cors-probe.example");
            assertThat(p.headers().first("access-control-allow-origin")).contains("https://veritas-cors-probe.example");
            assertThat(p.headers().first("access-control-allow-credentials")).contains("true");
        });
        assertThat(c.pages()).singleElement().satisfies(p -> assertThat(p.headers().has("access-control-allow-origin")).isFalse());
    }

    @Test
    void base64ContentIsDecoded() throws IOException {
        SiteCapture c = HarReader.read(har(entry("https://www.harborlane.com/", 200).base64Html(PAGE.replace("Welcome", "Wilkommen — ü"))));

        assertThat(c.pages().get(0).segments()).extracting(TextSegment::text).contains("Wilkommen — ü");
    }

    @Test
    void everyHtmlResponseIsAPageAndOtherResponsesAreNot() throws IOException {
        SiteCapture c = HarReader.read(har(
                entry("https://www.harborlane.com/app.js", 200).content("application/javascript", "var a;"),
                entry("https://www.harborlane.com/", 200).html(PAGE),
                entry("https://www.harborlane.com/missing", 404).html(PAGE),
                entry("https://www.harborlane.com/about", 200).html(PAGE.replace("Harbor Lane", "About"))));

        assertThat(c.pages()).extracting(p -> p.finalUrl().getPath()).containsExactly("/", "/about");
        assertThat(c.target()).isEqualTo(URI.create("https://www.harborlane.com/"));
    }

    // ---- certificates ----

    private SiteCapture withSecurity(Consumer<ObjectNode> details) throws IOException {
        Entry e = entry("https://www.harborlane.com/", 200).html(PAGE);
        details.accept(e.security());
        return HarReader.read(har(e));
    }

    private static TlsFacts tlsOf(SiteCapture c) {
        return c.tlsFor(URI.create("https://www.harborlane.com/")).orElseThrow();
    }

    @Test
    void httpsWithoutSecurityDetailsCountsAsValid() throws IOException {
        SiteCapture c = HarReader.read(har(entry("https://www.harborlane.com/", 200).html(PAGE)));

        TlsFacts t = tlsOf(c);
        assertThat(t.valid()).isTrue();
        assertThat(t.problem()).isEmpty();
        assertThat(t.port()).isEqualTo(443);
    }

    @Test
    void currentDetailsForTheHostAreValid() throws IOException {
        TlsFacts t = tlsOf(withSecurity(sd -> {
            sd.put("protocol", "TLS 1.3").put("subjectName", "www.harborlane.com").put("issuer", "R3")
                    .put("validFrom", STARTED_EPOCH - 86_400).put("validTo", STARTED_EPOCH + 86_400 * 60);
            sd.putArray("sanList").add("harborlane.com").add("*.harborlane.com");
        }));

        assertThat(t.valid()).isTrue();
        assertThat(t.issuer()).contains("R3");
        assertThat(t.protocol()).contains("TLS 1.3");
        assertThat(t.notAfter()).contains(Instant.ofEpochSecond(STARTED_EPOCH + 86_400 * 60));
        assertThat(t.subjectAltNames()).containsExactly("harborlane.com", "*.harborlane.com");
    }

    @Test
    void aCertificateExpiredWhenTheHarWasRecordedIsInvalid() throws IOException {
        TlsFacts t = tlsOf(withSecurity(sd -> sd.put("validFrom", STARTED_EPOCH - 86_400 * 400).put("validTo", STARTED_EPOCH - 86_400)));

        assertThat(t.valid()).isFalse();
        assertThat(t.expired()).isTrue();
        assertThat(t.problem()).contains("the certificate has expired");
    }

    @Test
    void aCertificateNotYetValidCountsAsExpired() throws IOException {
        TlsFacts t = tlsOf(withSecurity(sd -> sd.put("validFrom", STARTED_EPOCH + 86_400).put("validTo", STARTED_EPOCH + 86_400 * 90)));

        assertThat(t.valid()).isFalse();
        assertThat(t.expired()).isTrue();
    }

    @Test
    void aCertificateForAnotherHostIsInvalid() throws IOException {
        TlsFacts t = tlsOf(withSecurity(sd -> sd.putArray("sanList").add("other.example").add("*.other.example")));

        assertThat(t.valid()).isFalse();
        assertThat(t.hostnameMismatch()).isTrue();
        assertThat(t.expired()).isFalse();
        assertThat(t.problem()).contains("the certificate is for another host name");
    }

    @Test
    void anExplicitCertificateErrorIsTheProblem() throws IOException {
        TlsFacts t = tlsOf(withSecurity(sd -> sd.put("certificateError", "net::ERR_CERT_AUTHORITY_INVALID")));

        assertThat(t.valid()).isFalse();
        assertThat(t.problem()).contains("net::ERR_CERT_AUTHORITY_INVALID");
    }

    @Test
    void aCertificateMarkedInvalidIsInvalid() throws IOException {
        TlsFacts t = tlsOf(withSecurity(sd -> sd.put("certificateValid", false)));

        assertThat(t.valid()).isFalse();
        assertThat(t.problem()).contains("the capture marks the certificate as invalid");
    }

    @Test
    void aSelfSignedCertificateIsOneIssuedByItsSubject() throws IOException {
        TlsFacts t = tlsOf(withSecurity(sd -> sd.put("subjectName", "www.harborlane.com").put("issuer", "www.harborlane.com")
                .put("certificateError", "self-signed")));

        assertThat(t.selfSigned()).isTrue();
    }

    @Test
    void securityDetailsInsideTheResponseAreReadToo() throws IOException {
        Entry e = entry("https://www.harborlane.com/", 200).html(PAGE);
        ((ObjectNode) e.node.path("response")).putObject("_securityDetails").put("validTo", STARTED_EPOCH - 10);

        assertThat(tlsOf(HarReader.read(har(e))).expired()).isTrue();
    }

    @Test
    void plainHttpHasNoCertificate() throws IOException {
        SiteCapture c = HarReader.read(har(entry("http://www.harborlane.com/", 200).html(PAGE)));

        assertThat(c.tls()).isEmpty();
    }

    // ---- broken HARs ----

    private void assertBroken(Path file, String... messageParts) {
        assertThatThrownBy(() -> HarReader.read(file)).isInstanceOf(HarReader.HarException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(messageParts));
    }

    @Test
    void notJson() throws IOException {
        assertBroken(write("{\"log\": {\"entries\": [\n  {\"request\": }"), "is not a HAR file", "not valid JSON", "line 2");
    }

    @Test
    void anHtmlPageSavedAsHar() throws IOException {
        assertBroken(write("<!doctype html><html></html>"), "not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"log\": {}}", "{\"log\": {\"entries\": {}}}", "[]", "42", "null"})
    void noLogEntries(String json) throws IOException {
        assertBroken(write(json), "it has no log.entries list");
    }

    @Test
    void emptyEntries() throws IOException {
        assertBroken(write("{\"log\": {\"entries\": []}}"), "holds no requests", "log.entries is empty");
    }

    @Test
    void anEntryWithoutUrl() throws IOException {
        Entry noUrl = entry("https://x.example/", 200).html(PAGE);
        ((ObjectNode) noUrl.node.path("request")).remove("url");

        assertBroken(har(entry("https://www.harborlane.com/", 200).html(PAGE), noUrl), "entry 2 is broken", "request.url is missing");
    }

    @Test
    void anEntryThatIsNoObject() throws IOException {
        assertBroken(write("{\"log\": {\"entries\": [42]}}"), "entry 1 is broken", "request.url is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.example/x.html", "data:text/html,hello", "chrome-extension://abc/page.html", "/relative/page"})
    void anEntryWithANonHttpUrl(String url) throws IOException {
        assertBroken(har(entry(url, 200).html(PAGE)), "entry 1 is broken", "not an http(s) URL", url);
    }

    @Test
    void anEntryWithAnUnparseableUrl() throws IOException {
        assertBroken(har(entry("https://www.harborlane.com/a<b>", 200).html(PAGE)), "entry 1 is broken");
    }

    @Test
    void anEntryWithoutStatus() throws IOException {
        Entry e = entry("https://www.harborlane.com/", 200).html(PAGE);
        ((ObjectNode) e.node.path("response")).remove("status");

        assertBroken(har(e), "entry 1 is broken", "response.status is missing");
    }

    @Test
    void badBase64() throws IOException {
        Entry e = entry("https://www.harborlane.com/", 200).html(PAGE);
        ((ObjectNode) e.node.path("response").path("content")).put("encoding", "base64").put("text", "this is not base64!");

        assertBroken(har(e), "entry 1 is broken", "says base64 but is not");
    }

    @Test
    void aPageSavedWithoutItsContent() throws IOException {
        Entry page = entry("https://www.harborlane.com/", 200).content("text/html", "");
        ObjectNode content = (ObjectNode) page.node.path("response").path("content");
        content.remove("text");
        content.put("size", 5120);

        assertBroken(har(page, entry("https://www.harborlane.com/app.js", 200).content("application/javascript", "var a;")),
                "has no HTML page among its 2 requests", "save the HAR with content");
    }

    @Test
    void withoutAnyHtmlPageTheVisitedAddressIsThePageWhateverItServes() throws IOException {
        SiteCapture c = HarReader.read(har(entry("https://api.harborlane.com/", 200).content("application/json", "{\"ok\": true}")
                .header("Content-Type", "application/json")));

        assertThat(c.firstPage()).get().extracting(PageCapture::finalUrl).isEqualTo(URI.create("https://api.harborlane.com/"));
        assertThat(c.firstPageSource()).contains("{\"ok\": true}");
        ObservatoryOutcome.Graded graded = (ObservatoryOutcome.Graded) SecurityHeadersCheck.observatory(c).orElseThrow();
        assertThat(graded.report().test("subresource-integrity").result()).isEqualTo("sri-not-implemented-response-not-html");
    }

    @Test
    void aPlainHttpPageWithoutRedirectIsWhatPlainHttpDoes() throws IOException {
        SiteCapture c = HarReader.read(har(entry("http://www.harborlane.com/", 200).html(PAGE)));

        assertThat(c.httpProbe()).get().satisfies(p -> assertThat(p.chain()).hasSize(1));
        ObservatoryOutcome.Graded graded = (ObservatoryOutcome.Graded) SecurityHeadersCheck.observatory(c).orElseThrow();
        assertThat(graded.report().test("redirection").result()).isEqualTo("redirection-missing");
        assertThat(graded.report().test("strict-transport-security").result()).isEqualTo("hsts-not-implemented-no-https");
    }

    @Test
    void anEmptyFile() throws IOException {
        assertBroken(write(""), "is empty");
    }

    @Test
    void aDirectory() {
        assertBroken(dir, "does not exist or is not a file");
    }

    @Test
    void aMissingFile() {
        assertBroken(dir.resolve("nothing-here.har"), "does not exist or is not a file");
    }

    @Test
    void theMessageNamesTheFile() throws IOException {
        Path f = write("{}");

        assertBroken(f, f.toString());
    }
}
