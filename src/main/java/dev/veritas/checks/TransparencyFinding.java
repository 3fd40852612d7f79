package dev.veritas.checks;

import dev.veritas.audit.Severity;

/** The findings {@link TransparencyCheck} can emit. */
public enum TransparencyFinding implements FindingKind {
    NO_PRIVACY_POLICY("transparency.no_privacy_policy", "no_privacy_policy", Severity.MEDIUM),
    NO_TERMS("transparency.no_terms", "no_terms", Severity.LOW),
    NO_CONTACT("transparency.no_contact", "no_contact", Severity.MEDIUM);

    private final String id;
    private final String patternType;
    private final Severity severity;

    TransparencyFinding(String id, String patternType, Severity severity) {
        this.id = id;
        this.patternType = patternType;
        this.severity = severity;
    }

    @Override public String id() { return id; }
    @Override public String category() { return TransparencyCheck.NAME; }
    @Override public String patternType() { return patternType; }
    @Override public Severity defaultSeverity() { return severity; }
}
