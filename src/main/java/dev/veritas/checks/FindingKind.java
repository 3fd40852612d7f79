package dev.veritas.checks;

import dev.veritas.audit.Finding;
import dev.veritas.audit.Severity;

/**
 * A kind of finding a check can emit, declared as a constant next to the check's code: its stable id (the wire and
 * stored value, e.g. {@code transport.no_https}), its category, its default pattern type and its default severity.
 * The judge's caps and recommendations refer to these constants, so renaming an id is a one-place change and can
 * never silently switch a rule off.
 */
public interface FindingKind {
    String id();

    String category();

    String patternType();

    Severity defaultSeverity();

    /** Whether the finding is of this kind (findings read back from the store carry only the id). */
    default boolean isKindOf(Finding f) {
        return f.checkId().equals(id());
    }
}
