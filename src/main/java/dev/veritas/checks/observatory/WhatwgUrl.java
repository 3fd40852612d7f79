package dev.veritas.checks.observatory;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Whether the URL parser of browsers and Node (WHATWG URL) accepts an {@code http://} or {@code https://} URL.
 * The Observatory parses the address of every absolute script with it, and a refusal stops its whole analysis,
 * so Veritas must know which addresses it refuses: an empty host, a host with a forbidden character, a port that
 * is not a number up to 65535, a name ending in a number that is not an IPv4 address ({@code a.1.2.300}), or a
 * name that does not convert to ASCII.
 */
final class WhatwgUrl {
    private static final String FORBIDDEN_IN_DOMAIN = " #%/:<>?@[\\]^|";

    private WhatwgUrl() {}

    /** {@code url} starts with {@code http://} or {@code https://}. */
    static boolean acceptsSpecial(String url) {
        String s = removeTabsAndNewlines(url);
        int colon = s.indexOf(':');
        int i = colon + 1;
        while (i < s.length() && (s.charAt(i) == '/' || s.charAt(i) == '\\')) {
            i++;
        }
        int end = i;
        while (end < s.length() && "/\\?#".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        String authority = s.substring(i, end);
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        String host;
        String port = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return false;
            }
            host = hostPort.substring(0, close + 1);
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return false;
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int portColon = hostPort.indexOf(':');
            host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
            port = portColon < 0 ? "" : hostPort.substring(portColon + 1);
        }
        return validPort(port) && validHost(host);
    }

    private static String removeTabsAndNewlines(String s) {
        return s.replace("\t", "").replace("\n", "").replace("\r", "");
    }

    private static boolean validPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        for (int i = 0; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        String digits = port.replaceFirst("^0+(?=.)", "");
        return digits.length() <= 5 && Integer.parseInt(digits) <= 65535;
    }

    private static boolean validHost(String host) {
        if (host.isEmpty()) {
            return false;
        }
        if (host.startsWith("[")) {
            return host.endsWith("]") && host.length() > 2 && host.substring(1, host.length() - 1).chars()
                    .allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        String domain;
        try {
            domain = percentDecode(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (ascii.isEmpty()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c <= 0x1F || c == 0x7F || FORBIDDEN_IN_DOMAIN.indexOf(c) >= 0) {
                return false;
            }
        }
        return !endsInANumber(ascii) || validIpv4(ascii);
    }

    private static List<String> labels(String host) {
        List<String> parts = JsText.split(host, '.');
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts = parts.subList(0, parts.size() - 1);
        }
        return parts;
    }

    private static boolean endsInANumber(String host) {
        List<String> parts = labels(host);
        String last = parts.get(parts.size() - 1);
        if (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        return number(last) >= 0;
    }

    private static boolean validIpv4(String host) {
        List<String> parts = labels(host);
        if (parts.size() > 4) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            long n = number(parts.get(i));
            if (n < 0) {
                return false;
            }
            if (i < parts.size() - 1 && n > 255) {
                return false;
            }
            if (i == parts.size() - 1 && n >= 1L << (8 * (5 - parts.size()))) {
                return false;
            }
        }
        return true;
    }

    /** An IPv4 part: decimal, 0x hexadecimal or 0-led octal; -1 when it is none of them. */
    private static long number(String part) {
        if (part.isEmpty()) {
            return -1;
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
            if (digits.isEmpty()) {
                return 0;
            }
        } else if (part.length() >= 2 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0) {
                return -1;
            }
            value = Math.min(value * radix + d, 1L << 40);
        }
        return value;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && Character.digit(bytes[i + 1], 16) >= 0 && Character.digit(bytes[i + 2], 16) >= 0) {
                out[n++] = (byte) (Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out[n++] = bytes[i];
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
