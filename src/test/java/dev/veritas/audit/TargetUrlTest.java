package dev.veritas.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetUrlTest {
    @ParameterizedTest
    @CsvSource({
        "example.com, https://example.com/",
        "HTTPS://Example.COM:443/a?b=1#frag, https://example.com/a?b=1",
        "http://example.com:80, http://example.com/",
        "example.com:8443/x, https://example.com:8443/x",
        "https://bücher.example/, https://xn--bcher-kva.example/",
        "https://example.com/a b, https://example.com/a%20b",
        "http://93.184.216.34/, http://93.184.216.34/",
        "http://[2001:db8::1]:8080/, http://[2001:db8::1]:8080/",
        "http://my_host.example.com:8080/a, http://my_host.example.com:8080/a",
    })
    void normalises(String raw, String expected) {
        assertThat(TargetUrl.parse(raw).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/", "http://user:pw@example.com/",
        "http://1.2.3.256/", "http://256.1.1.1/", "http://1.2.3.4.5/", "http://09.1.1.1/", "http://foo.0x4/", "http://[::1%25eth0]/",
        "http://exa$mple.com/",
        "http://a..b/", "http://example.com:0/", "https://"})
    void refusesWithAMessageNamingTheUrl(String raw) {
        assertThatThrownBy(() -> TargetUrl.parse(raw)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url");
    }

    /**
     * An address is stored as the browser reads it (WHATWG URL host parser, as in Chromium), so the stored URL, the
     * URL guard and the browser all mean the same machine: the guard then judges 127.0.0.1, not a spelling of it.
     */
    @ParameterizedTest
    @CsvSource({
        "http://0177.0.0.1/, http://127.0.0.1/",
        "http://0x7f.0.0.1/, http://127.0.0.1/",
        "http://0x7f.1:8080/x?y=1, http://127.0.0.1:8080/x?y=1",
        "http://2130706433/, http://127.0.0.1/",
        "http://127.1/, http://127.0.0.1/",
        "127.1:8443, https://127.0.0.1:8443/",
        "http://%31%32%37.0.0.1/, http://127.0.0.1/",
        "http://0x5d.0xb8.0xd8.0x22/, http://93.184.216.34/",
        "http://[::FFFF:127.0.0.1]/, http://[::ffff:7f00:1]/",
        "http://[0:0:0:0:0:0:0:1]/, http://[::1]/",
    })
    void writesAddressesAsTheBrowserReadsThem(String raw, String expected) {
        assertThat(TargetUrl.parse(raw).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "http://exa mple.com/", "https://[::1/"})
    void anUnparsableUrlSaysWhatAFullAddressLooksLike(String raw) {
        assertThatThrownBy(() -> TargetUrl.parse(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid URL").hasMessageContaining("such as https://example.com/");
    }

    @ParameterizedTest
    @ValueSource(ints = {2049, 10_000})
    void refusesHugeUrls(int length) {
        assertThatThrownBy(() -> TargetUrl.parse("https://example.com/" + "a".repeat(length)))
                .hasMessageContaining("at most 2048");
    }
}
