package dev.veritas.web;

/**
 * Recognises hosts that are IP numbers, in every spelling a browser accepts: dotted decimal,
 * a single integer ("3232235777"), hexadecimal or octal parts ("0x7f.1"), and IPv6.
 */
final class IpHost {
    private IpHost() {}

    static boolean isIp(String host) {
        if (host.isEmpty()) {
            return false;
        }
        if (host.indexOf(':') >= 0) {
            return isIpv6(host);
        }
        // A browser treats a host whose last label is numeric as an IPv4 address (WHATWG URL).
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return false;
        }
        for (String p : parts) {
            if (!isNumber(p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String p) {
        if (p.isEmpty() || p.length() > 12) {
            return false;
        }
        if (p.startsWith("0x") || p.startsWith("0X")) {
            if (p.length() == 2) {
                return true;
            }
            for (int i = 2; i < p.length(); i++) {
                if (Character.digit(p.charAt(i), 16) < 0) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String host) {
        int colons = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == ':') {
                colons++;
            } else if (!(Character.digit(c, 16) >= 0 || c == '.' || c == '%')) {
                // '%' starts a zone id; anything else is not an address
                return host.indexOf('%') >= 0 && i > host.indexOf('%');
            }
        }
        return colons >= 2 && colons <= 7;
    }
}
