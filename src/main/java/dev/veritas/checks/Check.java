package dev.veritas.checks;

import dev.veritas.capture.SiteCapture;
import java.util.List;

/**
 * A check: a pure function of a capture. It never fetches, never writes, never reads a clock it was not given;
 * the same capture always gives the same outcome, which is what makes checks testable on captures built in tests.
 */
public interface Check {
    /** The signal this check feeds (e.g. {@code security_headers}); also the prefix of its findings' check ids. */
    String name();

    CheckOutcome run(SiteCapture capture);

    /**
     * Every kind of finding this check can emit; it emits no other. The judge's rules name these constants, and
     * {@code AllFindingsReachableTest} shows each can be reached. A check that emits nothing keeps the default.
     */
    default List<? extends FindingKind> possibleFindings() {
        return List.of();
    }
}
