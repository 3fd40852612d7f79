package dev.veritas.checks.observatory;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Observatory tests look at, independent of how it was captured.
 *
 * @param pageUrl          the URL that was requested for the graded page (Observatory uses the requested
 *                         {@code https://host/}); its scheme decides whether HTTPS was available, its host is
 *                         the "site" for subresource integrity and the HSTS preload answer
 * @param status           status code of the final response
 * @param headers          headers of the final response
 * @param cookies          raw {@code Set-Cookie} values seen while loading the page (every response of the
 *                         session); the builder defaults them to the final response's {@code Set-Cookie} lines
 * @param body             the response body as text; empty when the body could not be read or decoded, which
 *                         a response claiming to be HTML is graded as {@code html-not-parseable}
 * @param httpProbe        what plain {@code http://} did
 * @param corsProbe        the response to a request carrying an {@code Origin} header, if one was made
 * @param certificateValid whether the HTTPS certificate chain verified
 * @param hstsPreloaded    whether the page's host is on the HSTS preload list; Veritas ships no preload list,
 *                         so pass {@code false} unless you know better
 */
public record ObservatoryInput(
        URI pageUrl,
        int status,
        HttpHeaders headers,
        List<String> cookies,
        Optional<String> body,
        HttpProbe httpProbe,
        Optional<CorsProbe> corsProbe,
        boolean certificateValid,
        boolean hstsPreloaded) {

    public ObservatoryInput {
        Objects.requireNonNull(pageUrl, "pageUrl");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(cookies, "cookies");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(httpProbe, "httpProbe");
        Objects.requireNonNull(corsProbe, "corsProbe");
        cookies = List.copyOf(cookies);
        String scheme = pageUrl.getScheme() == null ? "" : pageUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || lowerHost(pageUrl).isEmpty()) {
            throw new IllegalArgumentException("pageUrl must be an http:// or https:// URL with a host (got " + pageUrl + ")");
        }
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a three-digit HTTP status (got " + status + ")");
        }
    }

    public static Builder builder(String pageUrl) {
        return new Builder(URI.create(pageUrl));
    }

    public static Builder builder(URI pageUrl) {
        return new Builder(pageUrl);
    }

    /** Whether the page itself was fetched over HTTPS, i.e. the site answers on HTTPS at all. */
    public boolean isHttps() {
        return "https".equalsIgnoreCase(pageUrl.getScheme());
    }

    /** The page's host in lower case, without the port. */
    public String host() {
        return lowerHost(pageUrl);
    }

    /**
     * The host of a URL in lower case, without the port. Java's URI leaves the host empty for names it does not
     * accept as host names (a last label starting with a digit, an underscore), which browsers accept; the
     * authority still holds the name then.
     */
    static String lowerHost(URI uri) {
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null) {
            String authority = uri.getRawAuthority();
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = authority.startsWith("[") ? authority.indexOf(':', Math.max(authority.indexOf(']'), 0)) : authority.indexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
        }
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    public static final class Builder {
        private final URI pageUrl;
        private int status = 200;
        private HttpHeaders headers = HttpHeaders.empty();
        private Optional<List<String>> cookies = Optional.empty();
        private Optional<String> body = Optional.of("");
        private HttpProbe httpProbe = HttpProbe.noHttpListener();
        private Optional<CorsProbe> corsProbe = Optional.empty();
        private boolean certificateValid = true;
        private boolean hstsPreloaded;

        private Builder(URI pageUrl) {
            this.pageUrl = Objects.requireNonNull(pageUrl, "pageUrl");
        }

        public Builder status(int status) {
            this.status = status;
            return this;
        }

        public Builder headers(HttpHeaders headers) {
            this.headers = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /** Every {@code Set-Cookie} value seen in the session; defaults to the final response's own lines. */
        public Builder cookies(List<String> cookies) {
            this.cookies = Optional.of(List.copyOf(cookies));
            return this;
        }

        public Builder body(String body) {
            this.body = Optional.of(body);
            return this;
        }

        /** The body could not be read or decoded. */
        public Builder unreadableBody() {
            this.body = Optional.empty();
            return this;
        }

        public Builder httpProbe(HttpProbe httpProbe) {
            this.httpProbe = Objects.requireNonNull(httpProbe, "httpProbe");
            return this;
        }

        public Builder corsProbe(CorsProbe corsProbe) {
            this.corsProbe = Optional.of(corsProbe);
            return this;
        }

        public Builder certificateValid(boolean certificateValid) {
            this.certificateValid = certificateValid;
            return this;
        }

        public Builder hstsPreloaded(boolean hstsPreloaded) {
            this.hstsPreloaded = hstsPreloaded;
            return this;
        }

        public ObservatoryInput build() {
            List<String> cookieLines = cookies.orElseGet(() -> headers.values("Set-Cookie"));
            return new ObservatoryInput(pageUrl, status, headers, cookieLines, body, httpProbe, corsProbe,
                    certificateValid, hstsPreloaded);
        }
    }
}
