package dev.veritas.audit;

import java.util.Map;
import java.util.Optional;

/**
 * What a finding was seen on: the text segment, where it was (a CSS selector), and any measured values
 * (for a timer, the readings at each moment).
 */
public record Evidence(Optional<String> text, Optional<String> selector, Map<String, Object> values) {
    public static final int MAX_TEXT = 2000;

    public Evidence {
        Require.present("evidence.text", text);
        Require.present("evidence.selector", selector);
        values = Require.map("evidence.values", values);
        text = text.map(t -> t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "…" : t);
    }

    public static Evidence none() {
        return new Evidence(Optional.empty(), Optional.empty(), Map.of());
    }

    public static Evidence text(String text) {
        return new Evidence(Optional.ofNullable(text), Optional.empty(), Map.of());
    }

    public static Evidence of(String text, String selector, Map<String, Object> values) {
        return new Evidence(Optional.ofNullable(text), Optional.ofNullable(selector), values == null ? Map.of() : values);
    }
}
