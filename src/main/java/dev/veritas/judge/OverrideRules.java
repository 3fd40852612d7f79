package dev.veritas.judge;

import dev.veritas.audit.Finding;
import dev.veritas.checks.DarkPatternFinding;
import dev.veritas.checks.FindingKind;
import dev.veritas.checks.FindingKinds;
import dev.veritas.checks.PhishingFinding;
import dev.veritas.checks.ScriptsFinding;
import dev.veritas.checks.TransportFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Facts that cap the score whatever else is true. Caps, not deductions: a phishing page with perfect headers
 * is still a phishing page. Caps are judgement, so they live here, in one table keyed by the checks' finding
 * kinds, and not in the checks.
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
 * lure_page                     35  a bare prize, vote or survey lure: only a form to the next step, no link to anything
 * </pre>
 */
final class OverrideRules {
    private OverrideRules() {}

    record Rule(String name, int cap, String reason) {}

    private static final Rule IMPERSONATION = new Rule("phishing_impersonation", 10,
            "the page poses as a well-known brand on a domain that is not the brand's and asks for a password or card details");
    private static final Rule CROSS_SITE = new Rule("credential_form_cross_site", 25,
            "a form asking for a password or card details sends them to another site");
    private static final Rule INSECURE = new Rule("credential_form_insecure", 30,
            "a form asking for a password or card details sends them without encryption");
    private static final Rule MINER = new Rule("cryptominer", 20, "a page runs a crypto-currency miner in the visitor's browser");
    private static final Rule CERTIFICATE = new Rule("invalid_certificate", 50,
            "the site's certificate is not valid, so its identity cannot be confirmed");
    private static final Rule NO_HTTPS = new Rule("no_https", 60, "the site is served without encryption (plain HTTP)");
    private static final Rule COUNTDOWN = new Rule("fake_countdown", 55,
            "a countdown timer is fake (it restarts, stands still or does not keep time)");
    private static final Rule PHISHING_URL = new Rule("phishing_url", 40,
            "the web address is built like a phishing address and the site asks for a password or card");
    private static final Rule LURE = new Rule("lure_page", 35,
            "the page is a bare prize, vote or survey lure that leads on to another step and says nothing of who runs it");
    private static final String MANY_DARK_PATTERNS = "many_dark_patterns";
    private static final int MANY_DARK_PATTERNS_CAP = 65;
    private static final int MANY_DARK_PATTERNS_KINDS = 4;
    /** A phishing-like address caps the score only when the model is this sure and the site asks for secrets. */
    private static final double CONFIDENT_URL = 0.9;

    /** The findings that cap the score by their kind alone. */
    private static final Map<FindingKind, Rule> CAPS = caps();

    private static Map<FindingKind, Rule> caps() {
        Map<FindingKind, Rule> m = new LinkedHashMap<>();
        m.put(PhishingFinding.BRAND_IMPERSONATION, IMPERSONATION);
        m.put(PhishingFinding.CREDENTIAL_FORM_CROSS_SITE, CROSS_SITE);
        m.put(PhishingFinding.CARD_FORM_CROSS_SITE, CROSS_SITE);
        m.put(PhishingFinding.CREDENTIAL_FORM_INSECURE, INSECURE);
        m.put(ScriptsFinding.CRYPTOMINER, MINER);
        for (TransportFinding t : TransportFinding.values()) {
            if (t.isInvalidCertificate()) {
                m.put(t, CERTIFICATE);
            }
        }
        m.put(TransportFinding.NO_HTTPS, NO_HTTPS);
        m.put(DarkPatternFinding.FAKE_COUNTDOWN, COUNTDOWN);
        m.put(PhishingFinding.LURE_PAGE, LURE);
        return Map.copyOf(m);
    }

    /** Every finding kind a rule here names, for the test that each can be emitted by some check. */
    static Set<FindingKind> kindsNamed() {
        Set<FindingKind> out = new LinkedHashSet<>(CAPS.keySet());
        out.add(PhishingFinding.SUSPICIOUS_URL);
        return out;
    }

    static List<Override> apply(List<Finding> findings) {
        Set<Rule> fired = new LinkedHashSet<>();
        Set<String> darkKinds = new HashSet<>();
        for (Finding f : findings) {
            Optional<FindingKind> kind = FindingKinds.of(f);
            if (kind.isEmpty()) {
                continue;
            }
            Optional.ofNullable(CAPS.get(kind.get())).ifPresent(fired::add);
            if (kind.get() instanceof DarkPatternFinding) {
                darkKinds.add(f.patternType());
            }
            if (kind.get() == PhishingFinding.SUSPICIOUS_URL && f.confidence() >= CONFIDENT_URL
                    && Boolean.TRUE.equals(f.evidence().values().get("asks_for_secrets"))) {
                fired.add(PHISHING_URL);
            }
        }
        List<Override> out = new ArrayList<>();
        for (Rule r : fired) {
            out.add(new Override(r.name(), r.cap(), r.reason()));
        }
        if (darkKinds.size() >= MANY_DARK_PATTERNS_KINDS) {
            out.add(new Override(MANY_DARK_PATTERNS, MANY_DARK_PATTERNS_CAP, darkKinds.size() + " different kinds of dark pattern were found"));
        }
        out.sort(Comparator.comparingInt(Override::cap));
        return out;
    }
}
