package dev.veritas.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Field validation for records: every message names the field so a bad value is easy to trace. */
public final class Require {
    private Require() {}

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static String text(String field, String value) {
        present(field, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    public static String text(String field, String value, int maxLength) {
        text(field, value);
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters (got " + value.length() + ")");
        }
        return value;
    }

    public static double unitInterval(String field, double value) {
        if (Double.isNaN(value) || value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException(field + " must be between 0 and 1 (got " + value + ")");
        }
        return value;
    }

    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + " (got " + value + ")");
        }
        return value;
    }

    public static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative (got " + value + ")");
        }
        return value;
    }

    /** A null item is bad input like any other (IllegalArgumentException, so an API answers 400, not 500). */
    public static <T> List<T> list(String field, List<T> value) {
        present(field, value);
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                throw new IllegalArgumentException(field + " must not contain null (item " + i + ")");
            }
        }
        return List.copyOf(value);
    }

    public static <K, V> Map<K, V> map(String field, Map<K, V> value) {
        present(field, value);
        return Map.copyOf(value);
    }

    public static void notEmpty(String field, Collection<?> value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
    }
}
