package dev.veritas.checks;

import dev.veritas.audit.Severity;

/** The findings {@link CaptureCheck} can emit. */
public enum CaptureFinding implements FindingKind {
    PAGE_CUT_SHORT("capture.page_cut_short", "page_cut_short", Severity.LOW);

    private final String id;
    private final String patternType;
    private final Severity severity;

    CaptureFinding(String id, String patternType, Severity severity) {
        this.id = id;
        this.patternType = patternType;
        this.severity = severity;
    }

    @Override public String id() { return id; }
    @Override public String category() { return CaptureCheck.NAME; }
    @Override public String patternType() { return patternType; }
    @Override public Severity defaultSeverity() { return severity; }
}
