package dev.veritas.capture.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The URL guard with a resolver that knows a few names and reads IP literals itself: no DNS is ever asked. */
class UrlGuardTest {
    private final Map<String, InetAddress[]> names = new HashMap<>();
    private final List<String> asked = new ArrayList<>();

    private final UrlGuard.Resolver resolver = host -> {
        asked.add(host);
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)}; // a literal: parsed, never looked up
        }
        InetAddress[] a = names.get(host);
        if (a == null) {
            throw new UnknownHostException(host);
        }
        return a;
    };

    private UrlGuard guard() {
        return new UrlGuard(false, resolver);
    }

    private void name(String host, String... addresses) throws UnknownHostException {
        InetAddress[] a = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            a[i] = InetAddress.getByName(addresses[i]);
        }
        names.put(host, a);
    }

    private static String refusal(UrlGuard.Decision d) {
        assertThat(d).isInstanceOf(UrlGuard.Refused.class);
        return ((UrlGuard.Refused) d).reason();
    }

    private String refusal(String url) {
        return refusal(guard().check(URI.create(url)));
    }

    // ---- schemes and hosts ----

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.example.com/", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,hi",
            "gopher://example.com/", "ws://example.com/"})
    void onlyHttpAndHttpsAreAllowed(String url) {
        assertThat(refusal(url)).startsWith("only http and https URLs can be audited");
        assertThat(asked).isEmpty();
    }

    @Test
    void aUrlWithoutSchemeOrUrlAtAllIsRefused() {
        assertThat(refusal("//example.com/")).contains("(got no scheme)");
        assertThat(refusal(guard().check(null))).isEqualTo("no URL given");
    }

    @Test
    void aUrlWithoutHostIsRefused() {
        assertThat(refusal("http:///path")).isEqualTo("the URL has no host name");
    }

    @Test
    void aNameJavaCannotParseIsStillAName() throws UnknownHostException {
        // java.net.URI finds no host in an underscore name; a browser does, so the guard judges it like any name.
        name("my_host.example.com", "93.184.216.34");

        assertThat(guard().check(URI.create("https://my_host.example.com/"))).isInstanceOf(UrlGuard.Allowed.class);
    }

    // ---- IP addresses as a browser reads them ----

    /** A browser reads all of these as the address on the right (WHATWG URL host parser, as in Chromium). */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "http://0177.0.0.1/             | 127.0.0.1  | this machine (loopback)",
            "http://0x7f.1/                 | 127.0.0.1  | this machine (loopback)",
            "http://0x7F000001:8080/        | 127.0.0.1  | this machine (loopback)",
            "http://2130706433/             | 127.0.0.1  | this machine (loopback)",
            "http://127.1/                  | 127.0.0.1  | this machine (loopback)",
            "http://127.0.0.1./             | 127.0.0.1  | this machine (loopback)",
            "http://%31%32%37.0.0.1/        | 127.0.0.1  | this machine (loopback)",
            "http://012.0.0.1/              | 10.0.0.1   | a private network address",
            "http://0xa9.0xfe.0xa9.0xfe/    | 169.254.169.254 | a cloud metadata address",
            "http://0300.0250.1.1/          | 192.168.1.1 | a private network address",
            "http://0/                      | 0.0.0.0    | an unspecified address (0.0.0.0)"})
    void everySpellingOfAnAddressIsJudgedAsTheAddressABrowserReads(String url, String address, String what) {
        assertThat(refusal(url)).isEqualTo("refusing to fetch " + address + ": it is " + what
                + "; to audit sites on your own network, start Veritas with --allow-private (or VERITAS_ALLOW_PRIVATE=true)");
        assertThat(asked).as("an address is never given to the resolver").isEmpty();
    }

    @Test
    void anOctalSpellingLeadsWhereTheBrowserGoesNotWhereJavaWouldGo() {
        // Java reads 0177.0.0.1 as 177.0.0.1, a public address; the browser connects to 127.0.0.1.
        UrlGuard loopbackIsPublic = new UrlGuard(false, resolver, InetAddress::isLoopbackAddress);

        UrlGuard.Decision d = loopbackIsPublic.check(URI.create("http://0177.0.0.1:8080/"));

        assertThat(d).isInstanceOfSatisfying(UrlGuard.Allowed.class, a -> assertThat(a.addresses()).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1"));
    }

    @Test
    void aPublicAddressInHexIsAllowedAsThatAddress() {
        assertThat(guard().check(URI.create("http://0x5d.0xb8.0xd8.0x22/"))).isInstanceOfSatisfying(UrlGuard.Allowed.class,
                a -> assertThat(a.addresses()).extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://1.2.3.256/", "http://256.0.0.1/", "http://1.2.3.4.5/", "http://09.0.0.1/", "http://4294967296/",
            "http://foo.0x4/", "http://[::ffff:0177.0.0.1]/"})
    void aHostThatEndsInANumberButIsNoAddressIsRefusedNotLookedUp(String url) {
        assertThat(refusal(url)).contains("is not valid");
        assertThat(asked).isEmpty();
    }

    // ---- IPv6 addresses that carry an IPv4 address ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://[2002:7f00:1::]/                     | a 6to4 address (2002::/16) that leads to 127.0.0.1, this machine (loopback)",
            "http://[2002:a9fe:a9fe::1]/                 | a 6to4 address (2002::/16) that leads to 169.254.169.254, a cloud metadata address",
            "http://[2002:c0a8:101:1::1]/                | a 6to4 address (2002::/16) that leads to 192.168.1.1, a private network address",
            "http://[2002:6440:1::]/                     | a 6to4 address (2002::/16) that leads to 100.64.0.1, a carrier-grade shared address",
            "http://[2001:0:a00:1::ffff:ffff]/           | a Teredo address (2001::/32) whose server is 10.0.0.1, a private network address",
            "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/ | a Teredo address (2001::/32) whose client is 127.0.0.1, this machine (loopback)",
            "http://[2001:0:4136:e378:8000:63bf:3f57:fefe]/ | a Teredo address (2001::/32) whose client is 192.168.1.1, a private network address",
            "http://[64:ff9b::127.0.0.1]/                | this machine (loopback)",
            "http://[64:ff9b::10.0.0.1]/                 | a private network address",
            "http://[64:ff9b:1::a00:1]/                  | a local-use NAT64 address (64:ff9b:1::/48)",
            "http://[100::1]/                            | a discard-only address (100::/64)"})
    void ipv6AddressesThatLeadToANonPublicIpv4AddressAreRefused(String url, String what) {
        assertThat(refusal(url)).contains("it is " + what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[2002:5db8:d822::1]/", "http://[2001:0:4136:e378:8000:63bf:a247:27dd]/", "http://[64:ff9b::5db8:d822]/"})
    void ipv6AddressesThatLeadToAPublicIpv4AddressAreAllowed(String url) {
        assertThat(guard().check(URI.create(url))).isInstanceOf(UrlGuard.Allowed.class);
    }

    @Test
    void aNameResolvingTo6to4AroundLoopbackIsRefused() throws UnknownHostException {
        name("relay.example.com", "2002:7f00:1::1");

        assertThat(refusal("https://relay.example.com/")).contains("relay.example.com (").contains("6to4").contains("loopback");
    }

    @Test
    void aPublicAddressIsAllowedWithItsAddresses() throws UnknownHostException {
        name("www.harborlane.com", "93.184.216.34", "2606:2800:220:1::1");

        UrlGuard.Decision d = guard().check(URI.create("HTTPS://www.harborlane.com/shop"));

        assertThat(d).isInstanceOfSatisfying(UrlGuard.Allowed.class, a -> assertThat(a.addresses()).extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34", "2606:2800:220:1:0:0:0:1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/", "http://172.32.0.1/", "http://100.63.255.255/", "http://100.128.0.1/",
            "http://[2606:4700::1111]/", "https://8.8.8.8:8443/x"})
    void publicAddressLiteralsAreAllowed(String url) {
        assertThat(guard().check(URI.create(url))).isInstanceOf(UrlGuard.Allowed.class);
    }

    // ---- addresses that are not public ----

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1/                | this machine (loopback)",
            "http://127.8.9.10:8080/          | this machine (loopback)",
            "http://[::1]/                    | this machine (loopback)",
            "http://10.0.0.1/                 | a private network address",
            "http://172.16.0.1/               | a private network address",
            "http://172.31.255.254/           | a private network address",
            "http://192.168.1.1/              | a private network address",
            "http://[fd00::1]/                | a private (unique local) address",
            "http://[fc00::1]/                | a private (unique local) address",
            "http://169.254.1.1/              | a link-local address",
            "http://[fe80::1]/                | a link-local address",
            "http://169.254.169.254/latest/   | a cloud metadata address",
            "http://100.64.0.1/               | a carrier-grade shared address (100.64.0.0/10)",
            "http://100.127.255.254/          | a carrier-grade shared address (100.64.0.0/10)",
            "http://0.0.0.0/                  | an unspecified address (0.0.0.0)",
            "http://0.1.2.3/                  | a reserved address (0.0.0.0/8)",
            "http://192.0.0.8/                | a reserved address (192.0.0.0/24)",
            "http://192.0.2.10/               | a documentation address",
            "http://198.51.100.7/             | a documentation address",
            "http://203.0.113.9/              | a documentation address",
            "http://[2001:db8::1]/            | a documentation address",
            "http://198.18.0.1/               | a benchmarking address (198.18.0.0/15)",
            "http://224.0.0.1/                | a multicast address",
            "http://240.0.0.1/                | a reserved address (240.0.0.0/4)",
            "http://255.255.255.255/          | a reserved address (240.0.0.0/4)"})
    void nonPublicAddressesAreRefusedWithWhatTheyAre(String url, String what) {
        String reason = refusal(url);

        assertThat(reason).contains("it is " + what).contains("--allow-private").contains("VERITAS_ALLOW_PRIVATE=true");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://[::ffff:127.0.0.1]/     | loopback",
            "http://[::ffff:10.1.2.3]/      | a private network address",
            "http://[::ffff:169.254.169.254]/ | a cloud metadata address",
            "http://[64:ff9b::7f00:1]/      | loopback",
            "http://[64:ff9b::a9fe:a9fe]/   | a cloud metadata address",
            "http://[::10.1.2.3]/           | a private network address"})
    void ipv4AddressesInsideIpv6AreJudgedAsIpv4(String url, String what) {
        assertThat(refusal(url)).contains(what);
    }

    @Test
    void anIpv4MappedIpv6AddressFromTheResolverIsJudgedAsIpv4() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        names.put("sneaky.example.com", new InetAddress[] {Inet6Address.getByAddress(null, mapped, -1)});

        assertThat(refusal("http://sneaky.example.com/")).contains("sneaky.example.com (").contains("loopback");
    }

    @Test
    void aNameResolvingToAPrivateAddressIsRefused() throws UnknownHostException {
        name("intranet.example.com", "10.20.30.40");

        assertThat(refusal("https://intranet.example.com/")).contains("intranet.example.com (10.20.30.40)").contains("private network");
    }

    @Test
    void oneNonPublicAddressAmongSeveralIsEnoughToRefuse() throws UnknownHostException {
        name("mixed.example.com", "93.184.216.34", "127.0.0.1");

        assertThat(refusal("https://mixed.example.com/")).contains("loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost/", "http://LOCALHOST:8080/", "http://app.localhost/", "http://db.internal/",
            "http://metadata.google.internal/computeMetadata/v1/", "http://printer.local/"})
    void localNamesAreRefusedWithoutAskingDns(String url) {
        assertThat(refusal(url)).contains("it is a local name");
        assertThat(asked).isEmpty();
    }

    // ---- resolution problems ----

    @Test
    void aNameThatDoesNotResolveIsRefused() {
        assertThat(refusal("https://no-such-host.example.com/")).isEqualTo("the host name no-such-host.example.com does not resolve (DNS); check the spelling");
    }

    @Test
    void aNameWithoutAddressesIsRefused() {
        names.put("empty.example.com", new InetAddress[0]);

        assertThat(refusal("https://empty.example.com/")).isEqualTo("the host name empty.example.com has no addresses");
    }

    @Test
    void aResolverThatMayNotResolveRefuses() {
        UrlGuard g = new UrlGuard(false, host -> {
            throw new SecurityException("lookups are not permitted");
        });

        assertThat(refusal(g.check(URI.create("https://www.harborlane.com/")))).contains("could not be resolved: lookups are not permitted");
    }

    // ---- allowing private targets ----

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/", "http://192.168.1.1/", "http://[fd00::1]/", "http://169.254.169.254/"})
    void allowPrivateLetsPrivateAddressesThrough(String url) {
        UrlGuard g = new UrlGuard(true, resolver);

        assertThat(g.allowsPrivate()).isTrue();
        assertThat(g.check(URI.create(url))).isInstanceOf(UrlGuard.Allowed.class);
    }

    @Test
    void allowPrivateLetsLocalNamesThroughToTheResolver() throws UnknownHostException {
        name("localhost", "127.0.0.1");

        assertThat(new UrlGuard(true, resolver).check(URI.create("http://localhost:8080/"))).isInstanceOf(UrlGuard.Allowed.class);
        assertThat(asked).containsExactly("localhost");
    }

    @Test
    void allowPrivateStillRefusesOtherSchemes() {
        assertThat(new UrlGuard(true, resolver).check(URI.create("file:///etc/passwd"))).isInstanceOf(UrlGuard.Refused.class);
    }

    // ---- require and caching ----

    @Test
    void requireThrowsTheReason() {
        assertThatThrownBy(() -> guard().require(URI.create("http://127.0.0.1/"))).isInstanceOf(UrlRefusedException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void requireLetsAnAllowedUrlPass() throws UnknownHostException {
        name("www.harborlane.com", "93.184.216.34");

        guard().require(URI.create("https://www.harborlane.com/"));
    }

    @Test
    void aHostIsResolvedOnceForManyUrls() throws UnknownHostException {
        name("www.harborlane.com", "93.184.216.34");
        UrlGuard g = guard();

        g.check(URI.create("https://www.harborlane.com/a"));
        g.check(URI.create("http://WWW.HARBORLANE.COM/b"));

        assertThat(asked).containsExactly("www.harborlane.com");
    }

    @Test
    void addressClassificationIsAvailableToChecks() throws UnknownHostException {
        assertThat(UrlGuard.isPublicAddress(InetAddress.getByName("93.184.216.34"))).isTrue();
        assertThat(UrlGuard.isPublicAddress(InetAddress.getByName("100.64.0.1"))).isFalse();
        assertThat(UrlGuard.isLocalName("nas.local")).isTrue();
        assertThat(UrlGuard.isLocalName("www.harborlane.com")).isFalse();
    }
}
