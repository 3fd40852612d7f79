package dev.veritas.checks.observatory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Response header fields as received: names compare case-insensitively, a name may repeat (several
 * {@code Set-Cookie} or {@code Content-Security-Policy} lines), and the order of lines is kept.
 */
public final class HttpHeaders {
    /**
     * Fields whose repeats Observatory's HTTP client throws away, keeping the first line; every other
     * repeated field reaches the tests as one value joined with {@code ", "} (RFC 9110 §5.3).
     */
    private static final Set<String> FIRST_LINE_ONLY = Set.of(
            "age", "authorization", "content-length", "content-type", "etag", "expires", "from", "host",
            "if-modified-since", "if-unmodified-since", "last-modified", "location", "max-forwards",
            "proxy-authorization", "referer", "retry-after", "server", "user-agent");

    private static final HttpHeaders EMPTY = new HttpHeaders(List.of());

    private final List<Field> fields;

    /** One header line. */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isBlank()) {
                throw new IllegalArgumentException("header name must not be blank");
            }
        }
    }

    private HttpHeaders(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public static HttpHeaders empty() {
        return EMPTY;
    }

    /** Headers from alternating names and values: {@code of("Content-Type", "text/html", "Set-Cookie", "a=b")}. */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers need a value for every name (got " + namesAndValues.length + " strings)");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /**
     * Headers from a map of name to the values of its lines, e.g. what an HTTP client returns or a HAR holds.
     * The white space around each value is not part of it (RFC 9110 §5.5), as any HTTP client reads it.
     */
    public static HttpHeaders fromMultimap(Map<String, List<String>> map) {
        Builder builder = builder();
        map.forEach((name, values) -> values.forEach(value -> builder.add(name, stripOws(value))));
        return builder.build();
    }

    private static String stripOws(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Field> fields() {
        return fields;
    }

    /** The values of every line with this name, in the order received. */
    public List<String> values(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (Field field : fields) {
            if (field.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                out.add(field.value());
            }
        }
        return Collections.unmodifiableList(out);
    }

    public boolean has(String name) {
        return !values(name).isEmpty();
    }

    /**
     * The field value as Observatory's tests see it: the first line for fields that may not repeat,
     * otherwise every line joined with {@code ", "}. Empty when the field is absent.
     */
    public Optional<String> combined(String name) {
        List<String> values = values(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (FIRST_LINE_ONLY.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of(values.get(0));
        }
        return Optional.of(String.join(", ", values));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpHeaders that && fields.equals(that.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "HttpHeaders" + fields;
    }

    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();

        private Builder() {}

        public Builder add(String name, String value) {
            fields.add(new Field(name, value));
            return this;
        }

        public Builder addAll(HttpHeaders headers) {
            fields.addAll(headers.fields);
            return this;
        }

        public HttpHeaders build() {
            return fields.isEmpty() ? EMPTY : new HttpHeaders(fields);
        }
    }
}
