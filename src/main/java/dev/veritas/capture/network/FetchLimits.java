package dev.veritas.capture.network;

import java.time.Duration;

/** Limits of one fetch: how long to wait, how much to read, how many redirects to follow. */
public record FetchLimits(Duration connectTimeout, Duration responseTimeout, long maxBodyBytes, int maxRedirects) {
    public static FetchLimits defaults() {
        return new FetchLimits(Duration.ofSeconds(10), Duration.ofSeconds(20), 5L * 1024 * 1024, 10);
    }

    public FetchLimits withResponseTimeout(Duration d) {
        return new FetchLimits(connectTimeout, d, maxBodyBytes, maxRedirects);
    }
}
