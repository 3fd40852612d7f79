package dev.veritas.judge;

import dev.veritas.audit.Finding;
import dev.veritas.audit.Recommendation;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Recommendations for the reader, each resting on the findings that call for it. Most urgent first. */
final class Advisor {
    private Advisor() {}

    static List<Recommendation> recommend(String host, RiskLevel risk, List<Finding> findings) {
        List<Recommendation> out = new ArrayList<>();
        if (risk == RiskLevel.LIKELY_FRAUDULENT || risk == RiskLevel.HIGH_RISK) {
            // The critical findings are the reason; when the signals alone made the site high-risk, the worst findings there are.
            List<String> reasons = ids(findings, f -> f.severity() == Severity.CRITICAL);
            if (reasons.isEmpty()) {
                Severity worst = findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.LOW);
                reasons = ids(findings, f -> f.severity() == worst);
            }
            out.add(rec(Severity.CRITICAL, "Do not enter passwords, card numbers or personal details on " + host + ".", reasons));
        }
        first(findings, "phishing.brand_impersonation").ifPresent(f -> out.add(rec(Severity.CRITICAL,
                "If you meant to visit " + f.evidence().values().getOrDefault("brand", "the real brand") + ", type its address yourself instead of following a link; "
                        + "if you already entered a password here, change it now.", List.of(f.checkId()))));
        addIf(out, findings, "phishing.credential_form_cross_site", Severity.CRITICAL,
                "Do not log in here: the login form sends your password to a different site.");
        addIf(out, findings, "phishing.card_form_cross_site", Severity.CRITICAL,
                "Do not pay here: the card form sends your card details to a different site.");
        addIf(out, findings, "phishing.credential_form_insecure", Severity.CRITICAL,
                "Do not send a password or card details through this site: they would travel unencrypted.");
        addIf(out, findings, "scripts.cryptominer", Severity.HIGH, "Close this site: it uses your computer to mine crypto-currency.");
        if (findings.stream().anyMatch(f -> f.checkId().startsWith("transport.certificate_") && !f.checkId().equals("transport.certificate_expiring"))) {
            out.add(rec(Severity.HIGH, "Do not log in or pay: the site's certificate is not valid, so you cannot be sure who you are talking to.",
                    ids(findings, f -> f.checkId().startsWith("transport.certificate_"))));
        }
        addIf(out, findings, "transport.no_https", Severity.HIGH, "Do not send personal information: the site does not use encryption (no HTTPS).");
        first(findings, "dark_patterns.fake_countdown").ifPresent(f -> out.add(rec(Severity.MEDIUM,
                "Ignore the countdown: it is not a real deadline. Take the time you need and compare prices elsewhere.", List.of(f.checkId()))));
        List<String> pressure = ids(findings, f -> f.patternType().equals("low_stock_message") || f.patternType().equals("activity_notification")
                || f.patternType().equals("high_demand_message") || f.patternType().equals("limited_time_message"));
        if (!pressure.isEmpty()) {
            out.add(rec(Severity.MEDIUM, "Treat “only a few left”, “people are viewing this” and “ends soon” messages as sales pressure, not facts.", pressure));
        }
        List<Finding> ticked = findings.stream().filter(f -> f.checkId().equals("dark_patterns.preselected_option")).toList();
        if (!ticked.isEmpty()) {
            out.add(rec(Severity.MEDIUM, "Before you pay, untick the options the shop ticked for you: "
                    + String.join("; ", ticked.stream().map(f -> "“" + f.evidence().text().orElse(f.title()) + "”").distinct().limit(3).toList()) + ".",
                    List.of("dark_patterns.preselected_option")));
        }
        List<String> declines = ids(findings, f -> f.checkId().equals("dark_patterns.hidden_decline") || f.patternType().equals("confirmshaming"));
        if (!declines.isEmpty()) {
            out.add(rec(Severity.LOW, "Look for the small “no thanks” option: you can always decline, whatever the wording says.", declines));
        }
        List<String> cancel = ids(findings, f -> f.patternType().equals("hard_to_cancel") || f.patternType().equals("hidden_subscription"));
        if (!cancel.isEmpty()) {
            out.add(rec(Severity.MEDIUM, "Before subscribing, find out exactly how to cancel; this site makes it harder than signing up.", cancel));
        }
        List<String> opaque = ids(findings, f -> f.checkId().equals("transparency.no_contact") || f.checkId().equals("transparency.no_privacy_policy"));
        if (!opaque.isEmpty()) {
            out.add(rec(Severity.MEDIUM, "Find out who runs the site before buying: it gives no contact details or privacy policy.", opaque));
        }
        List<String> headers = ids(findings, f -> f.checkId().startsWith("headers.") && f.severity().compareTo(Severity.MEDIUM) >= 0);
        if (!headers.isEmpty()) {
            out.add(rec(Severity.LOW, "For the site's owner: switch on the missing browser protections (" + headerNames(findings)
                    + "); the HTTP Observatory section of this report says how.", headers));
        }
        if (out.isEmpty()) {
            out.add(rec(Severity.LOW, "No immediate concerns. As always, check the address bar before entering sensitive information.", List.of()));
        }
        out.sort(Comparator.comparing(Recommendation::priority).reversed()); // stable: same priority keeps the order above
        return out;
    }

    private static String headerNames(List<Finding> findings) {
        Set<String> names = new LinkedHashSet<>();
        for (Finding f : findings) {
            if (f.checkId().startsWith("headers.") && f.severity().compareTo(Severity.MEDIUM) >= 0) {
                names.add(f.checkId().substring("headers.".length()));
            }
        }
        return String.join(", ", names.stream().limit(5).toList());
    }

    private static void addIf(List<Recommendation> out, List<Finding> findings, String id, Severity priority, String text) {
        if (findings.stream().anyMatch(f -> f.checkId().equals(id))) {
            out.add(rec(priority, text, List.of(id)));
        }
    }

    private static java.util.Optional<Finding> first(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.checkId().equals(id)).findFirst();
    }

    private static List<String> ids(List<Finding> findings, Predicate<Finding> p) {
        return findings.stream().filter(p).map(Finding::checkId).distinct().toList();
    }

    private static Recommendation rec(Severity priority, String text, List<String> basedOn) {
        return new Recommendation(priority, text, basedOn);
    }

}
