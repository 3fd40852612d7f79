package dev.veritas.checks.observatory;

import java.util.Objects;

/**
 * A request sent with an {@code Origin} header (Observatory sends a preflight {@code OPTIONS}) and the
 * headers of its response: enough to tell whether the site reflects any origin with credentials.
 */
public record CorsProbe(String origin, HttpHeaders responseHeaders) {
    public CorsProbe {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(responseHeaders, "responseHeaders");
    }
}
