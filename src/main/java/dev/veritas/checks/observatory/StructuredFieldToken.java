package dev.veritas.checks.observatory;

import java.util.Optional;

/**
 * Reads a structured-field Item (RFC 8941 §4.2.3) and returns its token, ignoring parameters such as
 * {@code report-to="endpoint"}. COOP and COEP are defined as such an Item whose bare value is a token,
 * so a quoted string, a list (two header lines joined by a comma) or trailing garbage is not a valid policy.
 */
final class StructuredFieldToken {
    private final String input;
    private int pos;

    private StructuredFieldToken(String input) {
        this.input = input;
    }

    /** The token of a valid Item, or empty when the value is not a valid Item with a token. */
    static Optional<String> parse(String fieldValue) {
        StructuredFieldToken parser = new StructuredFieldToken(trimOws(fieldValue));
        try {
            String token = parser.token();
            parser.parameters();
            if (parser.pos != parser.input.length()) {
                return Optional.empty();
            }
            return Optional.of(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String trimOws(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }

    private boolean more() {
        return pos < input.length();
    }

    private char peek() {
        return input.charAt(pos);
    }

    private String token() {
        if (!more() || !(isAlpha(peek()) || peek() == '*')) {
            throw new IllegalArgumentException("not a token");
        }
        int start = pos++;
        while (more() && (isTchar(peek()) || peek() == ':' || peek() == '/')) {
            pos++;
        }
        return input.substring(start, pos);
    }

    private void parameters() {
        while (more() && peek() == ';') {
            pos++;
            while (more() && peek() == ' ') {
                pos++;
            }
            key();
            if (more() && peek() == '=') {
                pos++;
                bareItem();
            }
        }
    }

    private void key() {
        if (!more() || !(isLcAlpha(peek()) || peek() == '*')) {
            throw new IllegalArgumentException("not a key");
        }
        pos++;
        while (more() && (isLcAlpha(peek()) || isDigit(peek()) || "_-.*".indexOf(peek()) >= 0)) {
            pos++;
        }
    }

    private void bareItem() {
        if (!more()) {
            throw new IllegalArgumentException("missing value");
        }
        char c = peek();
        if (c == '-' || isDigit(c)) {
            number();
        } else if (c == '"') {
            string();
        } else if (c == '*' || isAlpha(c)) {
            token();
        } else if (c == ':') {
            byteSequence();
        } else if (c == '?') {
            bool();
        } else {
            throw new IllegalArgumentException("unknown item");
        }
    }

    private void number() {
        if (peek() == '-') {
            pos++;
        }
        int digits = 0;
        boolean decimal = false;
        int fraction = 0;
        if (!more() || !isDigit(peek())) {
            throw new IllegalArgumentException("bad number");
        }
        while (more()) {
            char c = peek();
            if (isDigit(c)) {
                digits++;
                if (decimal) {
                    fraction++;
                }
            } else if (c == '.' && !decimal) {
                if (digits > 12) {
                    throw new IllegalArgumentException("bad decimal");
                }
                decimal = true;
            } else {
                break;
            }
            pos++;
            if (!decimal && digits > 15 || decimal && digits > 16) {
                throw new IllegalArgumentException("number too long");
            }
        }
        if (decimal && (fraction == 0 || fraction > 3)) {
            throw new IllegalArgumentException("bad decimal");
        }
    }

    private void string() {
        pos++;
        while (more()) {
            char c = input.charAt(pos++);
            if (c == '\\') {
                if (!more() || (peek() != '"' && peek() != '\\')) {
                    throw new IllegalArgumentException("bad escape");
                }
                pos++;
            } else if (c == '"') {
                return;
            } else if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("bad character in string");
            }
        }
        throw new IllegalArgumentException("unterminated string");
    }

    private void byteSequence() {
        pos++;
        while (more() && peek() != ':') {
            char c = peek();
            if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=')) {
                throw new IllegalArgumentException("bad byte sequence");
            }
            pos++;
        }
        if (!more()) {
            throw new IllegalArgumentException("unterminated byte sequence");
        }
        pos++;
    }

    private void bool() {
        pos++;
        if (!more() || (peek() != '0' && peek() != '1')) {
            throw new IllegalArgumentException("bad boolean");
        }
        pos++;
    }

    private static boolean isAlpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isLcAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isTchar(char c) {
        return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
