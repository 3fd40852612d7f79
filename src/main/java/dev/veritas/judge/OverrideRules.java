package dev.veritas.judge;

import dev.veritas.audit.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Facts that cap the score whatever else is true. Caps, not deductions: a phishing page with perfect headers
 * is still a phishing page.
 *
 * <pre>
 * rule                         cap  when
 * phishing_impersonation        10  the page poses as a known brand and asks for a password or card
 * credential_form_cross_site    25  a password or card form submits to another site
 * credential_form_insecure      30  a password or card form travels over plain HTTP
 * cryptominer                   20  a page mines crypto-currency in the visitor's browser
 * invalid_certificate           50  the certificate is invalid (expired, self-signed, wrong host, untrusted)
 * no_https                      60  the site is served over plain HTTP
 * fake_countdown                55  a countdown restarts on reload, stands still or runs wrongly
 * many_dark_patterns            65  four or more kinds of dark pattern
 * phishing_url                  40  the address itself looks like a phishing address (high confidence)
 * </pre>
 */
final class OverrideRules {
    private OverrideRules() {}

    static List<Override> apply(List<Finding> findings) {
        Set<String> ids = new HashSet<>();
        Set<String> darkKinds = new HashSet<>();
        boolean confidentPhishingUrl = false;
        for (Finding f : findings) {
            ids.add(f.checkId());
            if (f.checkId().startsWith("dark_patterns.")) {
                darkKinds.add(f.patternType());
            }
            if (f.checkId().equals("phishing.suspicious_url") && f.confidence() >= 0.9
                    && Boolean.TRUE.equals(f.evidence().values().get("asks_for_secrets"))) {
                confidentPhishingUrl = true;
            }
        }
        List<Override> out = new ArrayList<>();
        if (ids.contains("phishing.brand_impersonation")) {
            out.add(new Override("phishing_impersonation", 10, "the page poses as a well-known brand on a domain that is not the brand's and asks for a password or card details"));
        }
        if (ids.contains("phishing.credential_form_cross_site") || ids.contains("phishing.card_form_cross_site")) {
            out.add(new Override("credential_form_cross_site", 25, "a form asking for a password or card details sends them to another site"));
        }
        if (ids.contains("phishing.credential_form_insecure")) {
            out.add(new Override("credential_form_insecure", 30, "a form asking for a password or card details sends them without encryption"));
        }
        if (ids.contains("scripts.cryptominer")) {
            out.add(new Override("cryptominer", 20, "a page runs a crypto-currency miner in the visitor's browser"));
        }
        if (ids.stream().anyMatch(id -> id.startsWith("transport.certificate_") && !id.equals("transport.certificate_expiring"))) {
            out.add(new Override("invalid_certificate", 50, "the site's certificate is not valid, so its identity cannot be confirmed"));
        }
        if (ids.contains("transport.no_https")) {
            out.add(new Override("no_https", 60, "the site is served without encryption (plain HTTP)"));
        }
        if (ids.contains("dark_patterns.fake_countdown")) {
            out.add(new Override("fake_countdown", 55, "a countdown timer is fake (it restarts, stands still or does not keep time)"));
        }
        if (darkKinds.size() >= 4) {
            out.add(new Override("many_dark_patterns", 65, darkKinds.size() + " different kinds of dark pattern were found"));
        }
        if (confidentPhishingUrl) {
            out.add(new Override("phishing_url", 40, "the web address is built like a phishing address and the site asks for a password or card"));
        }
        out.sort((a, b) -> Integer.compare(a.cap(), b.cap()));
        return out;
    }
}
