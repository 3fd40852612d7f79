package dev.veritas.checks;

import dev.veritas.audit.Severity;

/** The findings {@link PhishingCheck} can emit. */
public enum PhishingFinding implements FindingKind {
    SUSPICIOUS_URL("phishing.suspicious_url", "deceptive_url", Severity.MEDIUM),
    CREDENTIAL_FORM_CROSS_SITE("phishing.credential_form_cross_site", "credential_harvesting", Severity.CRITICAL),
    CARD_FORM_CROSS_SITE("phishing.card_form_cross_site", "credential_harvesting", Severity.CRITICAL),
    CREDENTIAL_FORM_INSECURE("phishing.credential_form_insecure", "insecure_credentials", Severity.CRITICAL),
    CREDENTIAL_FORM_GET("phishing.credential_form_get", "insecure_credentials", Severity.HIGH),
    BRAND_IMPERSONATION("phishing.brand_impersonation", "brand_impersonation", Severity.CRITICAL),
    BRAND_IN_TITLE("phishing.brand_in_title", "brand_impersonation", Severity.LOW),
    /** A prize, vote or survey page that is nothing but a form leading to the next step, with no link to anything. */
    LURE_PAGE("phishing.lure_page", "lure", Severity.HIGH);

    private final String id;
    private final String patternType;
    private final Severity severity;

    PhishingFinding(String id, String patternType, Severity severity) {
        this.id = id;
        this.patternType = patternType;
        this.severity = severity;
    }

    @Override public String id() { return id; }
    @Override public String category() { return PhishingCheck.NAME; }
    @Override public String patternType() { return patternType; }
    @Override public Severity defaultSeverity() { return severity; }
}
