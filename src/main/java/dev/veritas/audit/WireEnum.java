package dev.veritas.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import java.util.HashMap;
import java.util.Map;
/** Enums whose wire form (JSON, database, URLs) is their lower-case name, e.g. {@code standard_audit}. */
public interface WireEnum {
    String name();

    default String wire() {
        return Names.WIRE.get(getClass().isEnum() ? getClass() : getClass().getSuperclass()).get(name());
    }

    /** Parses a wire value, with an error naming the field and the accepted values. */
    @SuppressWarnings("unchecked")
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required (one of " + accepted(type) + ")");
        }
        Object e = Names.BY_WIRE.get(type).get(value.trim().toLowerCase(Locale.ROOT));
        if (e != null) {
            return (E) e;
        }
        throw new IllegalArgumentException(field + " must be one of " + accepted(type) + " (got '" + shorten(value) + "')");
    }

    /** Wire names computed once per enum: stores read and write them for every row. */
    final class Names {
        private Names() {}

        static final ClassValue<Map<String, String>> WIRE = new ClassValue<>() {
            @Override
            protected Map<String, String> computeValue(Class<?> type) {
                Map<String, String> m = new HashMap<>();
                for (Object c : type.getEnumConstants()) {
                    String n = ((Enum<?>) c).name();
                    m.put(n, n.toLowerCase(Locale.ROOT));
                }
                return m;
            }
        };

        static final ClassValue<Map<String, Object>> BY_WIRE = new ClassValue<>() {
            @Override
            protected Map<String, Object> computeValue(Class<?> type) {
                Map<String, Object> m = new HashMap<>();
                for (Object c : type.getEnumConstants()) {
                    m.put(((Enum<?>) c).name().toLowerCase(Locale.ROOT), c);
                }
                return m;
            }
        };
    }

    static <E extends Enum<E> & WireEnum> String accepted(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", "));
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
