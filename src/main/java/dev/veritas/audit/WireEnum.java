package dev.veritas.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums whose wire form (JSON, database, URLs) is their lower-case name, e.g. {@code standard_audit}. */
public interface WireEnum {
    String name();

    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire value, with an error naming the field and the accepted values. */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required (one of " + accepted(type) + ")");
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.wire().equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + accepted(type) + " (got '" + shorten(value) + "')");
    }

    static <E extends Enum<E> & WireEnum> String accepted(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", "));
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
