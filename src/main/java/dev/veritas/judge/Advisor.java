package dev.veritas.judge;

import dev.veritas.audit.Finding;
import dev.veritas.audit.Recommendation;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Severity;
import dev.veritas.checks.DarkPatternFinding;
import dev.veritas.checks.FindingKind;
import dev.veritas.checks.FindingKinds;
import dev.veritas.checks.PhishingFinding;
import dev.veritas.checks.ScriptsFinding;
import dev.veritas.checks.SecurityHeaderFindings;
import dev.veritas.checks.TransparencyFinding;
import dev.veritas.checks.TransportFinding;
import dev.veritas.checks.darkpatterns.PatternType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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
        first(findings, PhishingFinding.BRAND_IMPERSONATION).ifPresent(f -> out.add(rec(Severity.CRITICAL,
                "If you meant to visit " + f.evidence().values().getOrDefault("brand", "the real brand") + ", type its address yourself instead of following a link; "
                        + "if you already entered a password here, change it now.", List.of(f.checkId()))));
        addIf(out, findings, PhishingFinding.LURE_PAGE, Severity.HIGH,
                "Do not answer this prize, vote or survey page, and never enter a password or card details on the pages it leads to.");
        addIf(out, findings, PhishingFinding.CREDENTIAL_FORM_CROSS_SITE, Severity.CRITICAL,
                "Do not log in here: the login form sends your password to a different site.");
        addIf(out, findings, PhishingFinding.CARD_FORM_CROSS_SITE, Severity.CRITICAL,
                "Do not pay here: the card form sends your card details to a different site.");
        addIf(out, findings, PhishingFinding.CREDENTIAL_FORM_INSECURE, Severity.CRITICAL,
                "Do not send a password or card details through this site: they would travel unencrypted.");
        addIf(out, findings, ScriptsFinding.CRYPTOMINER, Severity.HIGH, "Close this site: it uses your computer to mine crypto-currency.");
        if (findings.stream().anyMatch(f -> kindOf(f).filter(k -> k instanceof TransportFinding t && t.isInvalidCertificate()).isPresent())) {
            out.add(rec(Severity.HIGH, "Do not log in or pay: the site's certificate is not valid, so you cannot be sure who you are talking to.",
                    ids(findings, f -> kindOf(f).filter(k -> k instanceof TransportFinding t
                            && (t.isInvalidCertificate() || t == TransportFinding.CERTIFICATE_EXPIRING)).isPresent())));
        }
        addIf(out, findings, TransportFinding.NO_HTTPS, Severity.HIGH, "Do not send personal information: the site does not use encryption (no HTTPS).");
        first(findings, DarkPatternFinding.FAKE_COUNTDOWN).ifPresent(f -> out.add(rec(Severity.MEDIUM,
                "Ignore the countdown: it is not a real deadline. Take the time you need and compare prices elsewhere.", List.of(f.checkId()))));
        List<String> pressure = ids(findings, f -> isDarkPattern(f, PatternType.LOW_STOCK_MESSAGE, PatternType.ACTIVITY_NOTIFICATION,
                PatternType.HIGH_DEMAND_MESSAGE, PatternType.LIMITED_TIME_MESSAGE));
        if (!pressure.isEmpty()) {
            out.add(rec(Severity.MEDIUM, "Treat “only a few left”, “people are viewing this” and “ends soon” messages as sales pressure, not facts.", pressure));
        }
        List<Finding> ticked = findings.stream().filter(DarkPatternFinding.PRESELECTED_OPTION::isKindOf).toList();
        if (!ticked.isEmpty()) {
            out.add(rec(Severity.MEDIUM, "Before you pay, untick the options the shop ticked for you: "
                    + String.join("; ", ticked.stream().map(f -> "“" + f.evidence().text().orElse(f.title()) + "”").distinct().limit(3).toList()) + ".",
                    List.of(DarkPatternFinding.PRESELECTED_OPTION.id())));
        }
        List<String> declines = ids(findings, f -> DarkPatternFinding.HIDDEN_DECLINE.isKindOf(f) || isDarkPattern(f, PatternType.CONFIRMSHAMING));
        if (!declines.isEmpty()) {
            out.add(rec(Severity.LOW, "Look for the small “no thanks” option: you can always decline, whatever the wording says.", declines));
        }
        List<String> cancel = ids(findings, f -> isDarkPattern(f, PatternType.HARD_TO_CANCEL, PatternType.HIDDEN_SUBSCRIPTION));
        if (!cancel.isEmpty()) {
            out.add(rec(Severity.MEDIUM, "Before subscribing, find out exactly how to cancel; this site makes it harder than signing up.", cancel));
        }
        List<String> opaque = ids(findings, f -> TransparencyFinding.NO_CONTACT.isKindOf(f) || TransparencyFinding.NO_PRIVACY_POLICY.isKindOf(f));
        if (!opaque.isEmpty()) {
            out.add(rec(Severity.MEDIUM, "Find out who runs the site before buying: it gives no contact details or privacy policy.", opaque));
        }
        List<String> headers = ids(findings, f -> isHeaderFinding(f) && f.severity().compareTo(Severity.MEDIUM) >= 0);
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
            if (isHeaderFinding(f) && f.severity().compareTo(Severity.MEDIUM) >= 0) {
                names.add(((SecurityHeaderFindings.Kind) kindOf(f).orElseThrow()).testName());
            }
        }
        return String.join(", ", names.stream().limit(5).toList());
    }

    private static void addIf(List<Recommendation> out, List<Finding> findings, FindingKind kind, Severity priority, String text) {
        if (findings.stream().anyMatch(kind::isKindOf)) {
            out.add(rec(priority, text, List.of(kind.id())));
        }
    }

    private static Optional<Finding> first(List<Finding> findings, FindingKind kind) {
        return findings.stream().filter(kind::isKindOf).findFirst();
    }

    private static Optional<FindingKind> kindOf(Finding f) {
        return FindingKinds.of(f);
    }

    /** A dark-pattern finding (from text, the DOM or time) of one of these pattern types. */
    private static boolean isDarkPattern(Finding f, PatternType... types) {
        return kindOf(f).filter(k -> k instanceof DarkPatternFinding).isPresent()
                && Arrays.stream(types).anyMatch(t -> t.wire().equals(f.patternType()));
    }

    private static boolean isHeaderFinding(Finding f) {
        return kindOf(f).filter(k -> k instanceof SecurityHeaderFindings.Kind).isPresent();
    }

    /** Every finding kind a recommendation here names, for the test that each can be emitted by some check. */
    static Set<FindingKind> kindsNamed() {
        Set<FindingKind> out = new LinkedHashSet<>(List.of(PhishingFinding.BRAND_IMPERSONATION, PhishingFinding.LURE_PAGE,
                PhishingFinding.CREDENTIAL_FORM_CROSS_SITE,
                PhishingFinding.CARD_FORM_CROSS_SITE, PhishingFinding.CREDENTIAL_FORM_INSECURE, ScriptsFinding.CRYPTOMINER,
                TransportFinding.NO_HTTPS, TransportFinding.CERTIFICATE_EXPIRING, DarkPatternFinding.FAKE_COUNTDOWN,
                DarkPatternFinding.PRESELECTED_OPTION, DarkPatternFinding.HIDDEN_DECLINE, TransparencyFinding.NO_CONTACT,
                TransparencyFinding.NO_PRIVACY_POLICY));
        for (TransportFinding t : TransportFinding.values()) {
            if (t.isInvalidCertificate()) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> ids(List<Finding> findings, Predicate<Finding> p) {
        return findings.stream().filter(p).map(Finding::checkId).distinct().toList();
    }

    private static Recommendation rec(Severity priority, String text, List<String> basedOn) {
        return new Recommendation(priority, text, basedOn);
    }

}
