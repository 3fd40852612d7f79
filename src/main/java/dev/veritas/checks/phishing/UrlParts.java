package dev.veritas.checks.phishing;

import java.net.IDN;
import java.util.Locale;

import java.util.Set;
/**
 * An address split the way a browser would split it, without ever throwing.
 *
 * <p>{@code java.net.URI} rejects much of what phishing links look like (spaces, raw Unicode,
 * stray percent signs) and {@code java.net.URL} may touch the network, so Veritas parses by hand:
 * every input, however broken, yields some parts to score.
 *
 * @param raw          the input as given (never null; empty for a null input)
 * @param scheme       lower-case scheme, "http" when the address had none
 * @param hasScheme    whether the input named a scheme itself
 * @param userinfo     everything before the last '@' of the authority, or ""
 * @param host         lower-case host without brackets or trailing dots, as written (may be Unicode)
 * @param asciiHost    the host in its ASCII (punycode) form, or the host itself when it cannot be converted
 * @param unicodeHost  the host with punycode labels decoded, as a reader would see it
 * @param port         the port digits, or ""
 * @param path         the path, starting with '/' when present, or ""
 * @param query        the query without '?', or ""
 * @param fragment     the fragment without '#', or ""
 */
public record UrlParts(String raw, String scheme, boolean hasScheme, String userinfo, String host,
                       String asciiHost, String unicodeHost, String port, String path, String query,
                       String fragment) {

    /** Schemes that never carry an authority part; "javascript:alert(1)" has no host. */
    private static final Set<String> OPAQUE_SCHEMES =
            Set.of("data", "javascript", "vbscript", "mailto", "about", "blob", "tel");

    /** Host names longer than DNS allows are not converted: they cannot resolve anyway. */
    private static final int MAX_DNS_NAME = 253;

    public static UrlParts parse(String input) {
        String raw = input == null ? "" : input;
        // Browsers drop tabs and line breaks anywhere in an address and trim surrounding blanks.
        String s = stripNoise(raw);

        String scheme = "http";
        boolean hasScheme = false;
        int colon = schemeEnd(s);
        if (colon > 0) {
            String candidate = s.substring(0, colon).toLowerCase(Locale.ROOT);
            String rest = s.substring(colon + 1);
            if (OPAQUE_SCHEMES.contains(candidate)) {
                return new UrlParts(raw, candidate, true, "", "", "", "", "", rest, "", "");
            }
            if (startsWithSlashes(rest) || candidate.equals("http") || candidate.equals("https")) {
                scheme = candidate;
                hasScheme = true;
                s = rest;
            }
        }
        s = skipSlashes(s);

        int authorityEnd = indexOfAny(s, "/\\?#", 0);
        String authority = authorityEnd < 0 ? s : s.substring(0, authorityEnd);
        String rest = authorityEnd < 0 ? "" : s.substring(authorityEnd);

        int at = authority.lastIndexOf('@');
        String userinfo = at < 0 ? "" : authority.substring(0, at);
        String hostPort = at < 0 ? authority : authority.substring(at + 1);

        String host;
        String port = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = close < 0 ? hostPort.substring(1) : hostPort.substring(1, close);
            if (close >= 0 && hostPort.startsWith(":", close + 1)) {
                port = digitsOnly(hostPort.substring(close + 2));
            }
        } else {
            int portColon = hostPort.lastIndexOf(':');
            if (portColon >= 0) {
                port = digitsOnly(hostPort.substring(portColon + 1));
                host = hostPort.substring(0, portColon);
            } else {
                host = hostPort;
            }
        }
        host = normaliseHost(host);

        String fragment = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String path = rest.replace('\\', '/');

        String ascii = toAscii(host);
        String unicode = toUnicode(host);
        return new UrlParts(raw, scheme, hasScheme, userinfo, host, ascii, unicode, port, path, query, fragment);
    }

    /** Path, query and fragment together: the part after the host that the site owner controls. */
    public String afterHost() {
        StringBuilder b = new StringBuilder(path);
        if (!query.isEmpty()) {
            b.append('?').append(query);
        }
        if (!fragment.isEmpty()) {
            b.append('#').append(fragment);
        }
        return b.toString();
    }

    public boolean isOpaque() {
        return OPAQUE_SCHEMES.contains(scheme);
    }

    private static String stripNoise(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                b.append(c);
            }
        }
        return b.toString().strip();
    }

    /** Index of the ':' that ends a syntactically valid scheme, or -1. */
    private static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return -1;
        }
        int limit = Math.min(s.length(), 32);
        for (int i = 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean startsWithSlashes(String s) {
        return s.startsWith("//") || s.startsWith("\\\\") || s.startsWith("/\\") || s.startsWith("\\/");
    }

    private static String skipSlashes(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '/' || s.charAt(i) == '\\')) {
            i++;
        }
        return s.substring(i);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String digitsOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return "";
            }
        }
        return s.length() > 10 ? s.substring(0, 10) : s;
    }

    private static String normaliseHost(String host) {
        // Ideographic and full-width full stops act as dots in internationalised names.
        String h = host.replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.')
                .toLowerCase(Locale.ROOT);
        int end = h.length();
        while (end > 0 && h.charAt(end - 1) == '.') {
            end--;
        }
        return h.substring(0, end);
    }

    private static String toAscii(String host) {
        if (isAscii(host) || host.length() > MAX_DNS_NAME) {
            return host;
        }
        try {
            return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
            return host;
        }
    }

    private static String toUnicode(String host) {
        if (!host.contains("xn--") || host.length() > MAX_DNS_NAME) {
            return host;
        }
        try {
            return IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
            return host;
        }
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
