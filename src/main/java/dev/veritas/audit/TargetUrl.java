package dev.veritas.audit;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A URL a user asked to audit, normalised: http or https, a host, no fragment, no credentials.
 * Whether the host may be fetched (private networks) is the URL guard's decision, not this one's.
 */
public record TargetUrl(URI uri) {
    public static final int MAX_LENGTH = 2048;
    private static final int MAX_HOST_LENGTH = 253;

    public TargetUrl {
        Require.present("url", uri);
    }

    public String host() {
        return uri.getHost();
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    /** Parses what a person typed: {@code example.com} means {@code https://example.com/}. */
    public static TargetUrl parse(String raw) {
        Require.present("url", raw);
        String text = raw.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("url must not be blank");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("url must be at most " + MAX_LENGTH + " characters (got " + text.length() + ")");
        }
        if (!text.contains("://") && !text.contains(":")) {
            text = "https://" + text;
        } else if (!text.contains("://") && text.matches("^[^/:]+:\\d+(/.*)?$")) {
            text = "https://" + text; // host:port without a scheme
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            uri = parseLenient(text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url must start with http:// or https:// (got scheme '" + scheme + "')");
        }
        String host = hostOf(uri);
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url must not contain a user name or password");
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw new IllegalArgumentException("url has an invalid port " + port);
        }
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder sb = new StringBuilder(scheme).append("://");
        sb.append(host.contains(":") ? "[" + host + "]" : host);
        if (port != -1) {
            sb.append(':').append(port);
        }
        sb.append(path);
        if (uri.getRawQuery() != null) {
            sb.append('?').append(uri.getRawQuery());
        }
        return new TargetUrl(URI.create(sb.toString()));
    }

    private static URI parseLenient(String text) {
        // Browsers accept spaces and some unescaped characters in paths; escape them instead of refusing.
        try {
            int schemeEnd = text.indexOf("://");
            int pathStart = text.indexOf('/', schemeEnd + 3);
            if (schemeEnd > 0 && pathStart > 0) {
                String base = text.substring(0, pathStart);
                String rest = text.substring(pathStart);
                int hash = rest.indexOf('#');
                if (hash >= 0) {
                    rest = rest.substring(0, hash);
                }
                StringBuilder escaped = new StringBuilder();
                for (char c : rest.toCharArray()) {
                    if (c <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                            || c == '{' || c == '|' || c == '}' || c >= 0x7f) {
                        for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                            escaped.append('%').append(String.format("%02X", b & 0xff));
                        }
                    } else {
                        escaped.append(c);
                    }
                }
                return new URI(base + escaped);
            }
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL (" + e.getReason().toLowerCase(java.util.Locale.ROOT)
                    + "); give a full address such as https://example.com/");
        }
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null) {
            // java.net.URI leaves internationalised or underscore hosts unparsed; convert them ourselves.
            String authority = uri.getRawAuthority();
            if (authority.contains("@")) {
                throw new IllegalArgumentException("url must not contain a user name or password");
            }
            host = authority.replaceFirst(":\\d+$", "");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("url has no host name");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1).toLowerCase(Locale.ROOT);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url has an invalid host name: " + e.getMessage());
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.isEmpty() || ascii.length() > MAX_HOST_LENGTH) {
            throw new IllegalArgumentException("url host name must be 1 to " + MAX_HOST_LENGTH + " characters");
        }
        requireCanonicalIpv4(ascii);
        for (String label : ascii.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                throw new IllegalArgumentException("url host name has an empty label or one longer than 63 characters");
            }
            if (!label.matches("[a-z0-9_-]+")) {
                throw new IllegalArgumentException("url host name contains characters a host name cannot have");
            }
        }
        return ascii;
    }

    /**
     * A host whose last label is a number is an IPv4 address to a browser, which also reads octal (0177.0.0.1),
     * hex (0x7f.1) and short (127.1, 2130706433) forms. Java reads some of those differently, so the URL guard and
     * the browser could disagree on where a URL leads: only the plain dotted form is accepted.
     */
    private static void requireCanonicalIpv4(String host) {
        String[] labels = host.split("\\.", -1);
        String last = labels[labels.length - 1];
        if (!last.matches("[0-9]+|0x[0-9a-f]*")) {
            return;
        }
        boolean canonical = labels.length == 4;
        for (String l : labels) {
            canonical &= l.matches("0|[1-9][0-9]{0,2}") && Integer.parseInt(l) <= 255;
        }
        if (!canonical) {
            throw new IllegalArgumentException("url host " + host + " looks like an IP address written in an unusual form; "
                    + "write it as four decimal numbers, like 93.184.216.34");
        }
    }
}
