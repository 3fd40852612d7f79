package dev.veritas.hosts;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The host of a URL as a browser reads it: the host parser of the WHATWG URL Standard, which Chromium implements.
 * Every part of Veritas that decides where a URL leads — the URL guard, the guarded proxy, the submitted target, the
 * plain-HTTP fetcher, the registrable-domain rules — reads hosts here, so none can disagree with the browser.
 *
 * <p>The JDK does disagree: {@code InetAddress} reads {@code 0177.0.0.1} as 177.0.0.1 where a browser reads octal
 * 127.0.0.1, and refuses {@code 0x7f.1} and {@code 127.1}, which a browser reads as 127.0.0.1; {@code java.net.URI}
 * gives no host at all for some of them. A host whose last label is a number is an IPv4 address to a browser, in
 * decimal, octal ({@code 0} prefix) or hex ({@code 0x} prefix), in one to four parts; if it does not parse as one,
 * the URL is invalid rather than a name to look up.
 */
public sealed interface UrlHost permits UrlHost.Ip, UrlHost.Domain, UrlHost.Invalid {

    /** The canonical host without brackets: "127.0.0.1", "2001:db8::1", "example.com"; for an invalid host, what was given. */
    String text();

    /** The host as written in a URL: IPv6 addresses in brackets. */
    default String authority() {
        return text();
    }

    /** An IP address literal. */
    record Ip(InetAddress address) implements UrlHost {
        @Override
        public String text() {
            return address instanceof Inet4Address ? address.getHostAddress() : WhatwgHost.ipv6Text(address.getAddress());
        }

        @Override
        public String authority() {
            return address instanceof Inet4Address ? text() : "[" + text() + "]";
        }
    }

    /** A domain name, in lower-case ASCII (Punycode for international names). */
    record Domain(String name) implements UrlHost {
        @Override
        public String text() {
            return name;
        }
    }

    /** A host a browser would refuse, so the URL is invalid; {@code reason} says why. */
    record Invalid(String input, String reason) implements UrlHost {
        @Override
        public String text() {
            return input;
        }
    }

    /**
     * Reads a host as it appears in a URL's authority: a name, an IPv4 address in any form a browser accepts,
     * or an IPv6 address in brackets. Percent-escapes are decoded and international names converted, as a browser
     * does before it decides whether the host is a number.
     */
    static UrlHost parse(String host) {
        if (host == null || host.isEmpty()) {
            return new Invalid(host == null ? "" : host, "the host is empty");
        }
        if (host.startsWith("[")) {
            if (!host.endsWith("]")) {
                return new Invalid(host, "an IPv6 address must end with ]");
            }
            return WhatwgHost.Ipv6.parse(host.substring(1, host.length() - 1)).<UrlHost>map(b -> new Ip(v6(b)))
                    .orElseGet(() -> new Invalid(host, "it is not a valid IPv6 address"));
        }
        Optional<String> decoded = WhatwgHost.percentDecode(host);
        if (decoded.isEmpty()) {
            return new Invalid(host, "it has a malformed percent-escape");
        }
        String ascii = decoded.get();
        if (!ascii.chars().allMatch(c -> c < 0x80)) {
            // Also maps full-width digits and dots to ASCII, as a browser does before looking for a number.
            try {
                ascii = IDN.toASCII(ascii, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return new Invalid(host, "it is not a valid international name (" + e.getMessage() + ")");
            }
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        if (ascii.isEmpty()) {
            return new Invalid(host, "the host is empty");
        }
        if (ascii.indexOf(':') >= 0 || ascii.indexOf('[') >= 0 || ascii.indexOf(']') >= 0) {
            return new Invalid(host, "an IPv6 address must be written in brackets");
        }
        if (endsInNumber(ascii)) {
            return WhatwgHost.Ipv4.parse(ascii).<UrlHost>map(n -> new Ip(v4(n)))
                    .orElseGet(() -> new Invalid(host, "it ends in a number, so a browser reads it as an IPv4 address, and it is not a valid one"));
        }
        return new Domain(ascii);
    }

    /**
     * {@link #parse} for a host written outside a URL — a Host header, a --host flag, an address's text — where an
     * IPv6 address may come without its brackets.
     */
    static UrlHost parseBareOrBracketed(String host) {
        return parse(host != null && host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host);
    }

    /**
     * The host of a URL, also where {@code java.net.URI} found none (it leaves {@code http://0x7f.1/} as a
     * "registry-based" authority); empty when the URL has no authority. User information is not part of the host.
     */
    static Optional<UrlHost> of(URI uri) {
        if (uri == null) {
            return Optional.empty();
        }
        if (uri.getHost() != null) {
            return Optional.of(parse(uri.getHost()));
        }
        return rawHost(uri).map(UrlHost::parse);
    }

    /** The port of a URL's authority (-1 when none is given), also where {@code java.net.URI} found no host. */
    static int portOf(URI uri) {
        if (uri.getHost() != null || uri.getRawAuthority() == null) {
            return uri.getPort();
        }
        String hostPort = withoutUserInfo(uri.getRawAuthority());
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || colon < hostPort.lastIndexOf(']')) {
            return -1;
        }
        String digits = hostPort.substring(colon + 1);
        if (digits.isEmpty()) {
            return -1;
        }
        if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Integer.MAX_VALUE; // not a port: callers refuse it as out of range
        }
        return Integer.parseInt(digits);
    }

    /**
     * The URL with its host written as a browser would (127.0.0.1 for 0x7f.1, compressed IPv6, lower case);
     * unchanged when it has no host. Throws {@link IllegalArgumentException} with the reason when the host is invalid.
     */
    static URI canonical(URI uri) {
        Optional<UrlHost> host = of(uri);
        if (host.isEmpty()) {
            return uri;
        }
        if (host.get() instanceof Invalid i) {
            throw new IllegalArgumentException("the host " + i.input() + " is not valid: " + i.reason());
        }
        String authority = host.get().authority();
        if (authority.equals(uri.getHost())) {
            return uri;
        }
        int port = portOf(uri);
        StringBuilder sb = new StringBuilder(uri.getScheme()).append("://");
        String rawAuthority = uri.getRawAuthority();
        int at = rawAuthority.lastIndexOf('@');
        if (at >= 0) {
            sb.append(rawAuthority, 0, at + 1);
        }
        sb.append(authority);
        if (port != -1) {
            sb.append(':').append(port);
        }
        sb.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            sb.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            sb.append('#').append(uri.getRawFragment());
        }
        try {
            return new URI(sb.toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the URL is not valid: " + e.getReason(), e);
        }
    }

    /**
     * The WHATWG "ends in a number" test: whether a browser treats the (ASCII, lower-case) host as an IPv4
     * address — its last label, ignoring one trailing dot, is all digits or a number with a 0x prefix.
     */
    static boolean endsInNumber(String host) {
        String[] parts = host.split("\\.", -1);
        int last = parts.length - 1;
        if (parts[last].isEmpty()) {
            if (parts.length == 1) {
                return false;
            }
            last--;
        }
        String part = parts[last];
        if (!part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        return WhatwgHost.Ipv4.number(part) >= 0;
    }

    private static Optional<String> rawHost(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return Optional.empty();
        }
        String hostPort = withoutUserInfo(authority);
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && colon > hostPort.lastIndexOf(']')) {
            hostPort = hostPort.substring(0, colon);
        }
        return Optional.of(hostPort);
    }

    private static String withoutUserInfo(String authority) {
        int at = authority.lastIndexOf('@');
        return at < 0 ? authority : authority.substring(at + 1);
    }

    private static InetAddress v4(long n) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    private static InetAddress v6(byte[] b) {
        try {
            // Inet6Address even for ::ffff:a.b.c.d, which InetAddress.getByAddress would turn into IPv4.
            return Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // sixteen bytes are always an address
        }
    }
}
