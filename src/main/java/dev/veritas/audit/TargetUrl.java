package dev.veritas.audit;

import dev.veritas.hosts.UrlHost;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import java.nio.charset.StandardCharsets;
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
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw new IllegalArgumentException("url must not contain a user name or password");
        }
        int port = UrlHost.portOf(uri);
        if (port == 0 || port > 65535) {
            throw new IllegalArgumentException("url has an invalid port " + (port > 65535 ? portText(uri) : port));
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
                        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
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
            throw new IllegalArgumentException("url is not a valid URL (" + e.getReason().toLowerCase(Locale.ROOT)
                    + "); give a full address such as https://example.com/");
        }
    }

    /**
     * The host as a browser reads it (the one parser all of Veritas shares): an IPv4 address in any spelling the
     * browser accepts (0177.0.0.1, 0x7f.1, 127.1, 2130706433) becomes the plain dotted form, so the URL that is
     * stored, judged by the URL guard and opened by the browser all name the same address.
     */
    private static String hostOf(URI uri) {
        if (uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("url has no host name");
        }
        UrlHost parsed = UrlHost.of(uri).orElseThrow(() -> new IllegalArgumentException("url has no host name"));
        if (parsed.text().isBlank()) {
            throw new IllegalArgumentException("url has no host name");
        }
        if (parsed instanceof UrlHost.Invalid i) {
            throw new IllegalArgumentException("url host " + i.input() + " is not valid: " + i.reason()
                    + (UrlHost.endsInNumber(i.input()) ? "; write an IPv4 address as four numbers from 0 to 255, like 93.184.216.34" : ""));
        }
        return parsed instanceof UrlHost.Ip ip ? ip.text() : domain(parsed.text());
    }

    private static String domain(String name) {
        String ascii = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (ascii.isEmpty() || ascii.length() > MAX_HOST_LENGTH) {
            throw new IllegalArgumentException("url host name must be 1 to " + MAX_HOST_LENGTH + " characters");
        }
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

    private static String portText(URI uri) {
        String authority = uri.getRawAuthority();
        return authority.substring(authority.lastIndexOf(':') + 1);
    }
}
