package dev.veritas.checks.observatory;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * @param siteHost         the host that was asked for (the "site"): the subresource-integrity test compares
 *                         scripts with it and the HSTS test looks it up in the preload list; the builder defaults
 *                         it to the page's host
 * @param httpsAvailable   whether the site answered over HTTPS at all (some step of the way to the page was
 *                         HTTPS); the builder defaults it to the page's own scheme
 * @param preloadedHosts   which of the hosts involved (the site, each redirect) are on the HSTS preload list
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
        String siteHost,
        boolean httpsAvailable,
        Set<String> preloadedHosts) {

    public ObservatoryInput {
        Objects.requireNonNull(pageUrl, "pageUrl");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(cookies, "cookies");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(httpProbe, "httpProbe");
        Objects.requireNonNull(corsProbe, "corsProbe");
        Objects.requireNonNull(siteHost, "siteHost");
        cookies = List.copyOf(cookies);
        preloadedHosts = Set.copyOf(preloadedHosts);
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

    /** Whether the site answers on HTTPS at all. */
    public boolean isHttps() {
        return httpsAvailable;
    }

    /** The page's host in lower case, without the port. */
    public String host() {
        return lowerHost(pageUrl);
    }

    /** Whether the site's own host is on the HSTS preload list. */
    public boolean hstsPreloaded() {
        return preloadedHosts.contains(siteHost);
    }

    /** Whether this host is on the HSTS preload list (only the site's and the redirects' hosts are known). */
    public boolean isPreloaded(String host) {
        return preloadedHosts.contains(host.toLowerCase(Locale.ROOT));
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
        private Optional<String> siteHost = Optional.empty();
        private Optional<Boolean> httpsAvailable = Optional.empty();
        private final Set<String> preloadedHosts = new HashSet<>();

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

        /** Whether the site's own host is on the HSTS preload list. */
        public Builder hstsPreloaded(boolean hstsPreloaded) {
            this.hstsPreloaded = hstsPreloaded;
            return this;
        }

        /** Hosts (the site's, the redirects') that are on the HSTS preload list. */
        public Builder preloadedHosts(Set<String> hosts) {
            hosts.forEach(h -> preloadedHosts.add(h.toLowerCase(Locale.ROOT)));
            return this;
        }

        public Builder siteHost(String host) {
            this.siteHost = Optional.of(host.toLowerCase(Locale.ROOT));
            return this;
        }

        public Builder httpsAvailable(boolean httpsAvailable) {
            this.httpsAvailable = Optional.of(httpsAvailable);
            return this;
        }

        public ObservatoryInput build() {
            List<String> cookieLines = cookies.orElseGet(() -> headers.values("Set-Cookie"));
            String site = siteHost.orElseGet(() -> lowerHost(pageUrl));
            Set<String> preloaded = new HashSet<>(preloadedHosts);
            if (hstsPreloaded) {
                preloaded.add(site);
            }
            return new ObservatoryInput(pageUrl, status, headers, cookieLines, body, httpProbe, corsProbe,
                    certificateValid, site, httpsAvailable.orElseGet(() -> "https".equalsIgnoreCase(pageUrl.getScheme())), preloaded);
        }
    }
}
