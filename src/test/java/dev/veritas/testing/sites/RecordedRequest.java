package dev.veritas.testing.sites;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request a test site received, as it arrived: which listener, method, path, query and headers. Lets a test see,
 * for instance, which pages an audit crawled or the Origin header of a CORS probe.
 *
 * @param scheme {@code https} or {@code http}: the listener that received it
 * @param path   the decoded path, e.g. {@code /cart}
 * @param query  the raw query without {@code ?}, if any
 * @param headers request headers; names compare case-insensitively
 */
public record RecordedRequest(String scheme, String method, String path, Optional<String> query,
        Map<String, List<String>> headers, Instant receivedAt) {
    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of a request header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
