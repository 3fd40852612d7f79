package dev.veritas.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The registrable domain ("eTLD+1") of a host, which Observatory uses to tell a site's own scripts from
 * foreign ones. Veritas ships no public suffix list, so this knows the common two-label public suffixes
 * (co.uk, com.au, …) and otherwise takes the last two labels, which is what the list's default rule does
 * for any suffix it does not name. IP addresses and single-label hosts have no registrable domain.
 */
public final class RegistrableDomain {
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    private static final Set<String> TWO_LABEL_SUFFIXES = Set.of(
            "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "nhs.uk", "sch.uk", "police.uk",
            "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
            "co.nz", "net.nz", "org.nz", "ac.nz", "govt.nz", "school.nz", "geek.nz", "gen.nz",
            "co.jp", "ne.jp", "or.jp", "ac.jp", "ad.jp", "ed.jp", "go.jp", "gr.jp", "lg.jp",
            "com.br", "net.br", "org.br", "gov.br", "edu.br",
            "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn",
            "co.in", "net.in", "org.in", "firm.in", "gen.in", "ind.in", "ac.in", "edu.in", "res.in", "gov.in",
            "co.za", "org.za", "gov.za", "ac.za", "net.za", "web.za",
            "com.mx", "org.mx", "gob.mx", "edu.mx", "net.mx",
            "com.ar", "com.tr", "org.tr", "gov.tr", "edu.tr", "net.tr",
            "com.sg", "edu.sg", "gov.sg", "org.sg", "net.sg",
            "com.hk", "org.hk", "gov.hk", "edu.hk", "net.hk",
            "co.kr", "or.kr", "go.kr", "ac.kr", "ne.kr",
            "com.tw", "org.tw", "gov.tw", "edu.tw", "net.tw",
            "co.il", "org.il", "gov.il", "ac.il", "net.il",
            "com.my", "gov.my", "edu.my", "org.my", "net.my",
            "co.id", "or.id", "go.id", "ac.id", "web.id",
            "com.ua", "gov.ua", "org.ua", "net.ua", "edu.ua",
            "com.pl", "net.pl", "org.pl", "gov.pl",
            "com.es", "org.es", "gob.es",
            "co.th", "ac.th", "go.th", "in.th", "or.th",
            "com.pe", "com.co", "com.vn", "com.ph", "com.pk", "com.eg", "com.sa", "com.ng", "com.gr", "com.cy");

    private RegistrableDomain() {}

    public static Optional<String> of(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty() || h.contains(":") || h.startsWith("[") || IPV4.matcher(h).matches()) {
            return Optional.empty();
        }
        String[] labels = h.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
        int suffixLabels = TWO_LABEL_SUFFIXES.contains(lastTwo) ? 2 : 1;
        if (labels.length <= suffixLabels) {
            return Optional.empty();
        }
        return Optional.of(String.join(".", Arrays.copyOfRange(labels, labels.length - suffixLabels - 1, labels.length)));
    }

    /** Whether the host is itself a public suffix (cookies may not be set for one). */
    public static boolean isPublicSuffix(String host) {
        return !isIpAddress(host) && of(host).isEmpty();
    }

    public static boolean isIpAddress(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.contains(":") || h.startsWith("[") || IPV4.matcher(h).matches();
    }

    /**
     * Whether two URLs belong to the same site: the same registrable domain, or, for IP addresses and
     * single-label hosts, the same host. Ports and schemes do not matter here.
     */
    public static boolean sameSite(URI a, URI b) {
        if (a == null || b == null || a.getHost() == null || b.getHost() == null) {
            return false;
        }
        String ha = a.getHost().toLowerCase(Locale.ROOT);
        String hb = b.getHost().toLowerCase(Locale.ROOT);
        Optional<String> da = of(ha);
        Optional<String> db = of(hb);
        return da.isPresent() && db.isPresent() ? da.equals(db) : ha.equals(hb);
    }

    /** The registrable domain, or the host itself when it has none (IP addresses). */
    public static String siteOf(String host) {
        return of(host).orElse(host.toLowerCase(Locale.ROOT));
    }
}
