package dev.veritas.checks.observatory;

import java.util.Locale;
import java.util.Optional;

/**
 * One {@code Set-Cookie} value parsed the way Observatory's cookie jar parses it: attribute names are
 * case-insensitive, a {@code SameSite} it does not know means none was given, and a value without a
 * {@code name=} pair is not a cookie.
 */
record SetCookie(String name, boolean secure, boolean httpOnly, Optional<String> sameSite,
                 Optional<String> domain, Optional<String> path) {

    static Optional<SetCookie> parse(String header) {
        String text = JsText.trim(header);
        int firstSemicolon = text.indexOf(';');
        String pair = firstSemicolon < 0 ? text : text.substring(0, firstSemicolon);
        pair = cutAtTerminator(pair);
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return Optional.empty();
        }
        String name = JsText.trim(pair.substring(0, equals));
        String value = JsText.trim(pair.substring(equals + 1));
        if (hasControlCharacter(name) || hasControlCharacter(value)) {
            return Optional.empty();
        }

        boolean secure = false;
        boolean httpOnly = false;
        Optional<String> sameSite = Optional.empty();
        Optional<String> domain = Optional.empty();
        Optional<String> path = Optional.empty();
        if (firstSemicolon >= 0) {
            for (String attribute : JsText.split(text.substring(firstSemicolon + 1), ';')) {
                String av = JsText.trim(attribute);
                if (av.isEmpty()) {
                    continue;
                }
                int separator = av.indexOf('=');
                String key = JsText.trim(separator < 0 ? av : av.substring(0, separator)).toLowerCase(Locale.ROOT);
                String attributeValue = separator < 0 ? "" : JsText.trim(av.substring(separator + 1));
                switch (key) {
                    case "secure" -> secure = true;
                    case "httponly" -> httpOnly = true;
                    // A value the jar does not know leaves the cookie without SameSite, even after a valid one.
                    case "samesite" -> sameSite = switch (attributeValue.toLowerCase(Locale.ROOT)) {
                        case "strict", "lax", "none" -> Optional.of(attributeValue.toLowerCase(Locale.ROOT));
                        default -> Optional.empty();
                    };
                    case "domain" -> {
                        String d = attributeValue.startsWith(".") ? attributeValue.substring(1) : attributeValue;
                        if (!d.isEmpty()) {
                            domain = Optional.of(d.toLowerCase(Locale.ROOT));
                        }
                    }
                    case "path" -> path = attributeValue.startsWith("/") ? Optional.of(attributeValue) : Optional.empty();
                    default -> { }
                }
            }
        }
        return Optional.of(new SetCookie(name, secure, httpOnly, sameSite, domain, path));
    }

    /** A raw {@code SameSite} attribute that is empty or none of Strict, Lax or None. */
    static boolean hasInvalidSameSite(String header) {
        for (String part : JsText.split(JsText.trim(header), ';')) {
            var pieces = JsText.split(JsText.trim(part), '=');
            if (JsText.trim(pieces.get(0)).toLowerCase(Locale.ROOT).equals("samesite")) {
                if (pieces.size() < 2 || pieces.get(1).isEmpty()) {
                    return true;
                }
                String value = JsText.trim(pieces.get(1)).toLowerCase(Locale.ROOT);
                if (!value.equals("lax") && !value.equals("strict") && !value.equals("none")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String cutAtTerminator(String pair) {
        for (int i = 0; i < pair.length(); i++) {
            char c = pair.charAt(i);
            if (c == '\n' || c == '\r' || c == '\0') {
                return pair.substring(0, i);
            }
        }
        return pair;
    }

    private static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x1F) {
                return true;
            }
        }
        return false;
    }
}
