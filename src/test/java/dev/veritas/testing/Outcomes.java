package dev.veritas.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.Finding;
import dev.veritas.checks.CheckOutcome;
import java.util.List;

/** What the check tests read from a check's outcome: its score, the ids of its findings, and one finding by id. */
public final class Outcomes {
    private Outcomes() {}

    /** The signal's score; fails when the check gave no signal. */
    public static double score(CheckOutcome o) {
        return o.signal().orElseThrow().score();
    }

    public static List<String> ids(CheckOutcome o) {
        return o.findings().stream().map(Finding::checkId).toList();
    }

    /** The finding with this id, asserting there is exactly one. */
    public static Finding only(CheckOutcome o, String id) {
        assertThat(ids(o)).containsOnlyOnce(id);
        return o.findings().stream().filter(f -> f.checkId().equals(id)).findFirst().orElseThrow();
    }
}
