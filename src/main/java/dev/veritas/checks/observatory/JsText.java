package dev.veritas.checks.observatory;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * String operations with the semantics of the JavaScript built-ins Observatory relies on. Java's
 * {@code strip()} and {@code split()} differ at the edges (which characters are white space, whether
 * trailing empty pieces survive), and those edges change results.
 */
final class JsText {
    private JsText() {}

    /** White space and line terminators as {@code String.prototype.trim} and the regex {@code \s} know them. */
    static boolean isJsWhitespace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
                    '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isJsWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code s.split(sep)} for a one-character separator: empty pieces, leading and trailing, are kept. */
    static List<String> split(String s, char separator) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == separator) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }

    /** {@code s.split(/\s+/)}: on an already trimmed string this gives the words, or {@code [""]} for "". */
    static List<String> splitWhitespace(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int from = 0;
        while (i < s.length()) {
            if (isJsWhitespace(s.charAt(i))) {
                out.add(s.substring(from, i));
                while (i < s.length() && isJsWhitespace(s.charAt(i))) {
                    i++;
                }
                from = i;
            } else {
                i++;
            }
        }
        out.add(s.substring(from));
        return out;
    }

    /**
     * {@code Number.parseInt(s, 10)}: leading white space, an optional sign, then as many digits as there
     * are; {@code NaN} when there is no digit. A {@code NaN} compares false with everything.
     */
    static double parseInt(String s) {
        int i = 0;
        while (i < s.length() && isJsWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int digitsFrom = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == digitsFrom) {
            return Double.NaN;
        }
        double value = Double.parseDouble(s.substring(digitsFrom, i));
        return negative ? -value : value;
    }

    /** Thrown where JavaScript would throw a {@code URIError}. */
    static final class MalformedUriException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedUriException(String message) {
            super(message);
        }
    }

    /** {@code decodeURIComponent}: percent escapes are UTF-8 bytes; a malformed one throws, '+' stays '+'. */
    static String decodeUriComponent(String s) throws MalformedUriException {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            ByteBuffer bytes = ByteBuffer.allocate(s.length());
            while (i < s.length() && s.charAt(i) == '%') {
                if (i + 3 > s.length()) {
                    throw new MalformedUriException("truncated escape in " + s);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new MalformedUriException("bad escape in " + s);
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 3;
            }
            bytes.flip();
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                CharBuffer chars = decoder.decode(bytes);
                out.append(chars);
            } catch (CharacterCodingException e) {
                throw new MalformedUriException("escapes are not UTF-8 in " + s);
            }
        }
        return out.toString();
    }
}
