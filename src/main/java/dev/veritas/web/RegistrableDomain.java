package dev.veritas.web;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The registrable domain of a host ("example.co.uk" for "www.shop.example.co.uk"): the part a
 * person or company buys, and so the only part that says who runs a site.
 *
 * <p>Veritas ships no copy of the full public-suffix list. A small rule covers most of it: under a
 * two-letter country code, a generic second level (com, co, org, ac, gov, ...) is part of the
 * suffix, so "x.com.au" and "x.ac.in" resolve correctly. Platforms that hand out free subdomains
 * ({@link #SHARED_HOSTING}) count as suffixes too, because each subdomain there belongs to a
 * different person: "paypal.github.io" is not PayPal's.
 *
 * @param host        the host the parts were taken from (lower case)
 * @param suffix      the public suffix ("co.uk", "com", "github.io"), or "" for IP numbers
 * @param domain      the registrable domain, empty for IP numbers, bare suffixes and one-label hosts
 * @param subdomain   the labels left of the registrable domain ("www.shop"), or ""
 * @param ip          whether the host is an IP number rather than a name
 */
public record RegistrableDomain(String host, String suffix, Optional<String> domain, String subdomain, boolean ip) {

    /** Second-level labels that, under a country code, are part of the public suffix. */
    private static final Set<String> GENERIC_SECOND_LEVELS = Set.of(
            "com", "co", "net", "org", "edu", "gov", "gob", "gouv", "go", "ac", "or", "ne", "mil",
            "nic", "sch", "ltd", "plc", "info", "biz", "nom", "int", "firm", "gen", "ind", "nhs",
            "police", "blogspot", "asso", "qc", "bc", "ab", "nsw", "vic", "qld");

    /**
     * Platforms where anyone can publish under a free subdomain. Treating them as suffixes keeps
     * one user's page from borrowing the platform's reputation, and lets Veritas say "hosted on".
     */
    public static final Set<String> SHARED_HOSTING = Set.of(
            "blogspot.com", "wordpress.com", "tumblr.com", "weebly.com", "wixsite.com", "wix.com",
            "github.io", "gitlab.io", "bitbucket.io", "web.app", "firebaseapp.com", "appspot.com",
            "r.appspot.com", "herokuapp.com", "netlify.app", "netlify.com", "vercel.app", "pages.dev",
            "workers.dev", "glitch.me", "repl.co", "replit.app", "onrender.com", "fly.dev", "surge.sh",
            "000webhostapp.com", "azurewebsites.net", "web.core.windows.net", "cloudfront.net",
            "s3.amazonaws.com", "amazonaws.com", "sharepoint.com", "myshopify.com", "square.site",
            "webflow.io", "carrd.co", "yolasite.com", "jimdosite.com", "jimdofree.com", "business.site",
            "godaddysites.com", "codesandbox.io", "csb.app", "webcindario.com", "my-free.website",
            "myfreesites.net", "blogfa.com", "mihanblog.com", "livejournal.com", "over-blog.com",
            "simplesite.com", "webnode.com", "jimdo.com", "ning.com", "squarespace.com", "hs-sites.com",
            "notion.site", "framer.website", "gitbook.io", "readthedocs.io", "ghost.io", "substack.com",
            "ngrok.io", "ngrok-free.app", "ddns.net", "duckdns.org", "no-ip.org",
            "no-ip.biz", "hopto.org", "zapto.org", "sytes.net", "servehttp.com", "myftp.biz",
            "dynu.net", "freehosting.com", "byethost.com", "epizy.com", "rf.gd", "atwebpages.com",
            "hol.es", "esy.es", "16mb.com", "96.lt", "co.nf", "altervista.org", "ucoz.ru", "ucoz.net",
            "narod.ru", "tripod.com", "angelfire.com", "biz.nf", "mybluehost.me", "wcomhost.com",
            "site123.me", "strikingly.com", "mystrikingly.com", "webs.com", "mozello.com",
            "forms.app", "typeform.com", "formstack.com", "ipfs.io",
            "dweb.link", "translate.goog", "backblazeb2.com", "storage.googleapis.com",
            "firebasestorage.googleapis.com", "googleusercontent.com", "cprapid.com", "temp.domains");

    public static RegistrableDomain of(String host) {
        String h = host == null ? "" : stripDots(host.toLowerCase(Locale.ROOT));
        if (h.isEmpty()) {
            return new RegistrableDomain("", "", Optional.empty(), "", false);
        }
        if (IpHost.isIp(h)) {
            return new RegistrableDomain(h, "", Optional.empty(), "", true);
        }
        String suffix = suffixOf(h);
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

    public boolean onSharedHosting() {
        return SHARED_HOSTING.contains(suffix);
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

    private static String suffixOf(String h) {
        // Longest shared-hosting suffix first: "x.r.appspot.com" belongs to r.appspot.com.
        String best = null;
        int from = 0;
        while (from < h.length()) {
            String tail = h.substring(from);
            if (SHARED_HOSTING.contains(tail) && !tail.equals(h)) {
                best = tail;
                break;
            }
            int next = h.indexOf('.', from);
            if (next < 0) {
                break;
            }
            from = next + 1;
        }
        if (best != null) {
            return best;
        }
        int last = h.lastIndexOf('.');
        if (last < 0) {
            return h;
        }
        String tld = h.substring(last + 1);
        int prev = h.lastIndexOf('.', last - 1);
        String second = h.substring(prev + 1, last);
        if (tld.length() == 2 && prev >= 0 && GENERIC_SECOND_LEVELS.contains(second)) {
            return second + "." + tld;
        }
        if (tld.length() == 2 && prev < 0 && GENERIC_SECOND_LEVELS.contains(second)) {
            return second + "." + tld;  // the host is itself a bare suffix like "co.uk"
        }
        return tld;
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
