package dev.veritas.checks;

import dev.veritas.audit.Severity;

/** The findings {@link TransportCheck} can emit. */
public enum TransportFinding implements FindingKind {
    NO_HTTPS("transport.no_https", "no_https", Severity.HIGH),
    CERTIFICATE_EXPIRED("transport.certificate_expired", "certificate_expired", Severity.CRITICAL),
    CERTIFICATE_WRONG_HOST("transport.certificate_wrong_host", "certificate_wrong_host", Severity.CRITICAL),
    CERTIFICATE_SELF_SIGNED("transport.certificate_self_signed", "certificate_self_signed", Severity.CRITICAL),
    CERTIFICATE_UNTRUSTED("transport.certificate_untrusted", "certificate_untrusted", Severity.CRITICAL),
    CERTIFICATE_EXPIRING("transport.certificate_expiring", "certificate_expiring", Severity.LOW),
    MIXED_CONTENT_ACTIVE("transport.mixed_content_active", "mixed_content", Severity.HIGH),
    MIXED_CONTENT_PASSIVE("transport.mixed_content_passive", "mixed_content", Severity.LOW),
    HTTP_REDIRECT_BROKEN("transport.http_redirect_broken", "redirect_loop", Severity.MEDIUM),
    NO_HTTP_REDIRECT("transport.no_http_redirect", "no_http_redirect", Severity.MEDIUM),
    HTTPS_DOWNGRADE("transport.https_downgrade", "https_downgrade", Severity.HIGH),
    EXCESSIVE_REDIRECTS("transport.excessive_redirects", "excessive_redirects", Severity.LOW),
    REDIRECT_OFF_SITE("transport.redirect_off_site", "redirect_off_site", Severity.LOW);

    private final String id;
    private final String patternType;
    private final Severity severity;

    TransportFinding(String id, String patternType, Severity severity) {
        this.id = id;
        this.patternType = patternType;
        this.severity = severity;
    }

    /** A certificate that does not let the visitor know who they talk to (an expiring one still does). */
    public boolean isInvalidCertificate() {
        return this == CERTIFICATE_EXPIRED || this == CERTIFICATE_WRONG_HOST || this == CERTIFICATE_SELF_SIGNED || this == CERTIFICATE_UNTRUSTED;
    }

    @Override public String id() { return id; }
    @Override public String category() { return TransportCheck.NAME; }
    @Override public String patternType() { return patternType; }
    @Override public Severity defaultSeverity() { return severity; }
}
