package dev.veritas.hosts;

/**
 * Recognises hosts that are IP numbers, in every spelling a browser accepts: dotted decimal, a single integer
 * ("3232235777"), hexadecimal or octal parts ("0x7f.1"), and IPv6 — read by {@link UrlHost}, as a browser reads them.
 */
final class IpHost {
    private IpHost() {}

    /**
     * True for an IP address, with or without the brackets of IPv6, and for a host that ends in a number but is not
     * a valid address (a browser refuses it rather than look it up, so it is no domain either).
     */
    static boolean isIp(String host) {
        if (host.isEmpty()) {
            return false;
        }
        UrlHost h = UrlHost.parseBareOrBracketed(host);
        return h instanceof UrlHost.Ip || h instanceof UrlHost.Invalid && UrlHost.endsInNumber(host);
    }
}
