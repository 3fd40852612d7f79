package dev.veritas.checks.observatory;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** One response in the redirect chain: the URL that was requested, its status, and its Location header if any. */
public record RedirectHop(URI url, int status, Optional<String> location) {
    public RedirectHop {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(location, "location");
        if (url.getScheme() == null || ObservatoryInput.lowerHost(url).isEmpty()) {
            throw new IllegalArgumentException("redirect hop needs an absolute URL with a host (got " + url + ")");
        }
    }

    public static RedirectHop of(String url, int status) {
        return new RedirectHop(URI.create(url), status, Optional.empty());
    }

    public static RedirectHop of(String url, int status, String location) {
        return new RedirectHop(URI.create(url), status, Optional.of(location));
    }

    boolean isHttps() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    boolean isHttp() {
        return "http".equalsIgnoreCase(url.getScheme());
    }

    String hostname() {
        return ObservatoryInput.lowerHost(url);
    }
}
