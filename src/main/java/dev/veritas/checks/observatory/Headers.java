package dev.veritas.checks.observatory;

/** Small helpers shared by the header checks. */
final class Headers {
    private Headers() {}

    /** Observatory reads at most this much of a header, as a guard against huge values. */
    static String first256(String value) {
        return value.length() > 256 ? value.substring(0, 256) : value;
    }

    static String first1024(String value) {
        return value.length() > 1024 ? value.substring(0, 1024) : value;
    }
}
