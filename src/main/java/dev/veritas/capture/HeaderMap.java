package dev.veritas.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Response headers: names compared without case, a name may repeat (Set-Cookie, several CSP headers). */
public final class HeaderMap {
    private static final HeaderMap EMPTY = new HeaderMap(Map.of());
    private final Map<String, List<String>> values;

    private HeaderMap(Map<String, List<String>> values) {
        this.values = values;
    }

    public static HeaderMap empty() {
        return EMPTY;
    }

    public static HeaderMap of(Map<String, ? extends List<String>> raw) {
        TreeMap<String, List<String>> m = new TreeMap<>();
        raw.forEach((k, v) -> {
            if (k != null && !k.startsWith(":")) {
                m.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v);
            }
        });
        m.replaceAll((k, v) -> List.copyOf(v));
        return new HeaderMap(Collections.unmodifiableMap(m));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> first(String name) {
        List<String> v = values.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public List<String> all(String name) {
        return values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public boolean has(String name) {
        return values.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Names in lower case, each with its values in order. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderMap h && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    public static final class Builder {
        private final TreeMap<String, List<String>> m = new TreeMap<>();

        public Builder add(String name, String value) {
            m.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
            return this;
        }

        public HeaderMap build() {
            return of(m);
        }
    }
}
