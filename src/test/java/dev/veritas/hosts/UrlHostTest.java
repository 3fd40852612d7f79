package dev.veritas.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hosts read as the WHATWG URL Standard reads them, which is what Chromium does; the cases follow the standard's
 * own test data (web-platform-tests url/resources/urltestdata.json).
 */
class UrlHostTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1            | 127.0.0.1",
        "0177.0.0.1           | 127.0.0.1",
        "0x7f.1               | 127.0.0.1",
        "0X7F.0.0.1           | 127.0.0.1",
        "2130706433           | 127.0.0.1",
        "127.1                | 127.0.0.1",
        "0x7f000001           | 127.0.0.1",
        "017700000001         | 127.0.0.1",
        "127.0.0.1.           | 127.0.0.1",
        "0x.0x.0              | 0.0.0.0",
        "0                    | 0.0.0.0",
        "192.0x00A80001       | 192.168.0.1",
        "0xc0.0250.01         | 192.168.0.1",
        "4294967295           | 255.255.255.255",
        "10.0.258             | 10.0.1.2",
        "%31%32%37.0.0.1      | 127.0.0.1",
        "０Ｘｃ０．０２５０．０１   | 192.168.0.1",
        "１２７．０．０．１        | 127.0.0.1",
    })
    void readsIpv4AddressesInEveryFormABrowserAccepts(String host, String address) {
        UrlHost h = UrlHost.parse(host);

        assertThat(h).isInstanceOf(UrlHost.Ip.class);
        assertThat(h.text()).isEqualTo(address);
        assertThat(h.authority()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967296", "0x100000000", "256.0.0.1", "1.2.3.256", "1.256.3.4", "1.2.3.4.5", "09.1.1.1", "1.2.3.09",
        "foo.0x4", "foo.09", "1..2.3", "99999999999999999999999", "0x7g.1", "1.2.3.4.5."})
    void aHostThatEndsInANumberButIsNoAddressIsInvalidNotAName(String host) {
        assertThat(UrlHost.parse(host)).isInstanceOf(UrlHost.Invalid.class);
        assertThat(UrlHost.endsInNumber(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "1.example.com", "0x7f.1.example", "xn--bcher-kva.example", "1.2.3.4..", "localhost", "a1"})
    void otherHostsAreNames(String host) {
        assertThat(UrlHost.parse(host)).isInstanceOf(UrlHost.Domain.class);
        assertThat(UrlHost.endsInNumber(host)).isFalse();
    }

    @Test
    void namesAreLowerCaseAscii() {
        assertThat(UrlHost.parse("WWW.Example.COM").text()).isEqualTo("www.example.com");
        assertThat(UrlHost.parse("bücher.example").text()).isEqualTo("xn--bcher-kva.example");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "[::1]                   | ::1",
        "[0:0:0:0:0:0:0:1]       | ::1",
        "[::]                    | ::",
        "[2001:DB8::1]           | 2001:db8::1",
        "[1:0::]                 | 1::",
        "[::ffff:127.0.0.1]      | ::ffff:7f00:1",
        "[::127.0.0.1]           | ::7f00:1",
        "[0:1:0:0:1:0:0:0]       | 0:1:0:0:1::",
        "[1:0:0:2:0:0:3:4]       | 1::2:0:0:3:4",
        "[1:2:3:4:5:6:7:8]       | 1:2:3:4:5:6:7:8",
        "[2002:7f00:1::]         | 2002:7f00:1::",
        "[64:ff9b::10.0.0.1]     | 64:ff9b::a00:1",
    })
    void readsIpv6AddressesAndWritesThemCompressed(String host, String text) {
        UrlHost h = UrlHost.parse(host);

        assertThat(h).isInstanceOfSatisfying(UrlHost.Ip.class, ip -> assertThat(ip.address()).isInstanceOf(Inet6Address.class));
        assertThat(h.text()).isEqualTo(text);
        assertThat(h.authority()).isEqualTo("[" + text + "]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::1%eth0]", "[fe80::1%25eth0]", "[::ffff:127.0.0.01]", "[::1.2.3]", "[::1.2.3.4.5]", "[:1]", "[1:::2]",
        "[1::2::3]", "[1:2:3:4:5:6:7:8:9]", "[1:2:3:4:5:6:7]", "[]", "[::1", "[12345::]", "[::256.0.0.1]", "[g::1]", "::1"})
    void refusesWhatIsNoIpv6Address(String host) {
        assertThat(UrlHost.parse(host)).isInstanceOf(UrlHost.Invalid.class);
    }

    @Test
    void findsTheHostWhereJavaUriFoundNone() {
        URI uri = URI.create("http://user@0x7f.1:8080/a?b=1#c");
        assertThat(uri.getHost()).isNull();

        assertThat(UrlHost.of(uri)).hasValueSatisfying(h -> assertThat(h.text()).isEqualTo("127.0.0.1"));
        assertThat(UrlHost.portOf(uri)).isEqualTo(8080);
        assertThat(UrlHost.canonical(uri)).hasToString("http://user@127.0.0.1:8080/a?b=1#c");
        assertThat(UrlHost.canonical(URI.create("https://[0:0::1]/"))).hasToString("https://[::1]/");
        assertThat(UrlHost.canonical(URI.create("https://example.com/x"))).hasToString("https://example.com/x");
        assertThat(UrlHost.of(URI.create("mailto:a@example.com"))).isEmpty();
    }

    @Test
    void anInvalidHostCannotBeMadeCanonical() {
        assertThatThrownBy(() -> UrlHost.canonical(URI.create("http://1.2.3.256/"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.2.3.256").hasMessageContaining("IPv4");
    }

    @Test
    void registrableDomainsTreatEveryAddressSpellingAsAnAddress() {
        for (String ip : new String[] {"0x7f.1", "0177.0.0.1", "127.0.0.1.", "[::1]", "::ffff:7f00:1"}) {
            assertThat(RegistrableDomain.isIpAddress(ip)).as(ip).isTrue();
        }
        assertThat(RegistrableDomain.isIpAddress("0x7f.1.example")).isFalse();
    }
}
