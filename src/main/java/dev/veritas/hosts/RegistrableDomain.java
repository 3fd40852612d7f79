package dev.veritas.hosts;

import com.google.common.net.InternetDomainName;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The registrable domain of a host ("example.co.uk" for "www.shop.example.co.uk"): the part a
 * person or company buys, and so the only part that says who runs a site.
 *
 * <p>Suffixes come from the Public Suffix List as Guava ships it ({@link InternetDomainName}), both
 * sections: the ICANN section ("com", "co.uk", "pvt.k12.ma.us") and the private section, where platforms
 * that hand out subdomains to anyone ("github.io", "azurewebsites.net", "blogspot.com") list themselves.
 * A subdomain on such a platform belongs to whoever claimed it, so "paypal.github.io" is not PayPal's and
 * {@link #onSharedHosting()} says "hosted on". A host under no listed suffix falls under the list's
 * default rule: its last label is the suffix.
 *
 * @param host        the host the parts were taken from (lower case, without trailing dots)
 * @param suffix      the public suffix ("co.uk", "com", "github.io"), or "" for IP numbers
 * @param domain      the registrable domain, empty for IP numbers, bare suffixes and one-label hosts
 * @param subdomain   the labels left of the registrable domain ("www.shop"), or ""
 * @param ip          whether the host is an IP number rather than a name
 */
public record RegistrableDomain(String host, String suffix, Optional<String> domain, String subdomain, boolean ip) {

    public static RegistrableDomain of(String host) {
        return split(host, true);
    }

    /**
     * The registrable domain under the ICANN section only, as tools that ignore the private section see it
     * ("github.io" for "alice.github.io"). The Observatory's subresource-integrity test compares sites this way.
     */
    public static Optional<String> icannRegistrableOf(String host) {
        return split(host, false).domain();
    }

    private static RegistrableDomain split(String host, boolean withPrivateSection) {
        String h = host == null ? "" : stripDots(host.toLowerCase(Locale.ROOT));
        if (h.isEmpty()) {
            return new RegistrableDomain("", "", Optional.empty(), "", false);
        }
        if (IpHost.isIp(h) || h.startsWith("[") && h.endsWith("]")) {
            return new RegistrableDomain(h, "", Optional.empty(), "", true);
        }
        String suffix = suffixOf(h, withPrivateSection);
        if (h.equals(suffix) || h.length() <= suffix.length() + 1) {
            return new RegistrableDomain(h, suffix, Optional.empty(), "", false);
        }
        String beforeSuffix = h.substring(0, h.length() - suffix.length() - 1);
        int dot = beforeSuffix.lastIndexOf('.');
        String label = dot < 0 ? beforeSuffix : beforeSuffix.substring(dot + 1);
        String sub = dot < 0 ? "" : beforeSuffix.substring(0, dot);
        if (label.isEmpty()) {
            return new RegistrableDomain(h, suffix, Optional.empty(), sub, false);
        }
        return new RegistrableDomain(h, suffix, Optional.of(label + "." + suffix), sub, false);
    }

    /** The registrable domain of a host, e.g. "bbc.co.uk" for "news.bbc.co.uk". */
    public static Optional<String> registrableOf(String host) {
        return of(host).domain();
    }

    /** The leftmost label of the registrable domain ("example" in "example.co.uk"), or "". */
    public String label() {
        return domain.map(d -> d.substring(0, d.length() - suffix.length() - 1)).orElse("");
    }

    /** The last label of the host ("uk" for "bbc.co.uk"), or "" for IP numbers. */
    public String tld() {
        if (ip || suffix.isEmpty()) {
            return "";
        }
        int dot = suffix.lastIndexOf('.');
        return dot < 0 ? suffix : suffix.substring(dot + 1);
    }

    /** Whether the suffix comes from the list's private section: a platform where anyone can claim a subdomain. */
    public boolean onSharedHosting() {
        if (ip || domain.isEmpty() || suffix.isEmpty() || !InternetDomainName.isValid(suffix)) {
            return false;
        }
        InternetDomainName name = InternetDomainName.from(suffix);
        return name.isPublicSuffix() && !name.isRegistrySuffix();
    }

    /** Whether two hosts are run by the same registrant, as far as the address can tell. */
    public static boolean sameSite(String hostA, String hostB) {
        RegistrableDomain a = of(hostA);
        RegistrableDomain b = of(hostB);
        if (a.domain.isPresent() && b.domain.isPresent()) {
            return a.domain.get().equals(b.domain.get());
        }
        return !a.host.isEmpty() && a.host.equals(b.host);
    }

    /** Whether two URLs belong to the same site (ports and schemes aside). */
    public static boolean sameSite(URI a, URI b) {
        return a != null && b != null && a.getHost() != null && b.getHost() != null && sameSite(a.getHost(), b.getHost());
    }

    /** The registrable domain, or the host itself when it has none (IP numbers, one-label hosts). */
    public static String siteOf(String host) {
        return registrableOf(host).orElse(host == null ? "" : host.toLowerCase(Locale.ROOT));
    }

    /** Whether the host is itself a public suffix ("co.uk", "github.io"): cookies may not be set for one. */
    public static boolean isPublicSuffix(String host) {
        RegistrableDomain d = of(host);
        return !d.ip() && !d.host().isEmpty() && d.domain().isEmpty();
    }

    public static boolean isIpAddress(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return IpHost.isIp(h);
    }

    /** The longest listed suffix of the host, or its last label when none is listed (the list's default rule). */
    private static String suffixOf(String h, boolean withPrivateSection) {
        // A label the list's syntax refuses (say "a_b!") says nothing about the suffix: judge the valid tail.
        String valid = h;
        while (!InternetDomainName.isValid(valid) && valid.indexOf('.') >= 0) {
            valid = valid.substring(valid.indexOf('.') + 1);
        }
        if (InternetDomainName.isValid(valid)) {
            InternetDomainName name = InternetDomainName.from(valid);
            if (withPrivateSection ? name.hasPublicSuffix() : name.hasRegistrySuffix()) {
                return (withPrivateSection ? name.publicSuffix() : name.registrySuffix()).toString();
            }
        }
        int last = h.lastIndexOf('.');
        return last < 0 ? h : h.substring(last + 1);
    }

    private static String stripDots(String h) {
        int start = 0;
        int end = h.length();
        while (start < end && h.charAt(start) == '.') {
            start++;
        }
        while (end > start && h.charAt(end - 1) == '.') {
            end--;
        }
        return h.substring(start, end);
    }
}
