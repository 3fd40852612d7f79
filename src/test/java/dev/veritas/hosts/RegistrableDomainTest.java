package dev.veritas.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrableDomainTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            www.example.com              | example.com
            a.b.c.example.com            | example.com
            news.bbc.co.uk               | bbc.co.uk
            shop.example.com.au          | example.com.au
            portal.univ.ac.in            | univ.ac.in
            WWW.EXAMPLE.ORG.             | example.org
            someone.blogspot.com         | someone.blogspot.com
            paypal-login.github.io       | paypal-login.github.io
            x.y.r.appspot.com            | x.y.r.appspot.com
            t.co                         | t.co
            a.b.pvt.k12.ma.us            | b.pvt.k12.ma.us
            www.city.kawasaki.jp         | city.kawasaki.jp
            shop.example.kawasaki.jp     | shop.example.kawasaki.jp
            myapp.azurewebsites.net      | myapp.azurewebsites.net
            x.example.unknowntld         | example.unknowntld
            example.com..                | example.com
            www.bücher.de                | bücher.de
            www.xn--bcher-kva.de         | xn--bcher-kva.de
            bad_label!.example.co.uk     | example.co.uk
            """)
    void findsTheRegistrableDomain(String host, String expected) {
        assertThat(RegistrableDomain.registrableOf(host)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"192.0.2.1", "::1", "2001:db8::1", "[2001:db8::1]", "0x7f.1", "3232235777", "localhost", "co.uk", "com", "''",
        "github.io", "pvt.k12.ma.us", "."})
    void hasNoRegistrableDomain(String host) {
        assertThat(RegistrableDomain.registrableOf(host)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is on shared hosting: {1}")
    @CsvSource({"alice.github.io, true", "myapp.azurewebsites.net, true", "someone.blogspot.com, true", "news.bbc.co.uk, false",
        "www.example.com, false", "192.0.2.1, false", "github.io, false"})
    void sharedHostingIsTheListsPrivateSection(String host, boolean shared) {
        // the platform's own address is not a page hosted on it
        assertThat(RegistrableDomain.of(host).onSharedHosting()).isEqualTo(shared);
    }

    @ParameterizedTest(name = "{0} -> {1} under the ICANN section")
    @CsvSource({"alice.github.io, github.io", "www.example.co.uk, example.co.uk", "myapp.azurewebsites.net, azurewebsites.net"})
    void theIcannSectionAloneIgnoresPlatforms(String host, String expected) {
        assertThat(RegistrableDomain.icannRegistrableOf(host)).contains(expected);
    }

    @Test
    void ipNumbersAreRecognised() {
        assertThat(RegistrableDomain.of("192.0.2.1").ip()).isTrue();
        assertThat(RegistrableDomain.of("3232235777").ip()).isTrue();
        assertThat(RegistrableDomain.of("2001:db8::1").ip()).isTrue();
        assertThat(RegistrableDomain.of("1.example.com").ip()).isFalse();
    }

    @Test
    void splitsSubdomainAndSuffix() {
        RegistrableDomain rd = RegistrableDomain.of("login.secure.bank.co.uk");
        assertThat(rd.suffix()).isEqualTo("co.uk");
        assertThat(rd.subdomain()).isEqualTo("login.secure");
        assertThat(rd.label()).isEqualTo("bank");
        assertThat(rd.tld()).isEqualTo("uk");
    }

    @Test
    void sameSiteComparesRegistrants() {
        assertThat(RegistrableDomain.sameSite("www.example.com", "pay.example.com")).isTrue();
        assertThat(RegistrableDomain.sameSite("example.com", "example.com.evil.net")).isFalse();
        assertThat(RegistrableDomain.sameSite("alice.github.io", "bob.github.io")).isFalse();
    }
}
