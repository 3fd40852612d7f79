package dev.veritas.checks;

import dev.veritas.audit.Severity;

/** The findings {@link ScriptsCheck} can emit. */
public enum ScriptsFinding implements FindingKind {
    CRYPTOMINER("scripts.cryptominer", "cryptominer", Severity.CRITICAL),
    OBFUSCATION("scripts.obfuscation", "obfuscation", Severity.MEDIUM),
    MANY_THIRD_PARTIES("scripts.many_third_parties", "many_third_parties", Severity.LOW);

    private final String id;
    private final String patternType;
    private final Severity severity;

    ScriptsFinding(String id, String patternType, Severity severity) {
        this.id = id;
        this.patternType = patternType;
        this.severity = severity;
    }

    @Override public String id() { return id; }
    @Override public String category() { return ScriptsCheck.NAME; }
    @Override public String patternType() { return patternType; }
    @Override public Severity defaultSeverity() { return severity; }
}
