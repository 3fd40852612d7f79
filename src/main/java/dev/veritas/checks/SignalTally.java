package dev.veritas.checks;

import dev.veritas.audit.Finding;
import dev.veritas.checks.CheckOutcome.SignalReading;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A check's signal as it is worked out: it starts at "no concern" (1.0) and each thing the check finds lowers it,
 * with the reason, so that the summary a person reads always names what lowered the score. The reading clamps the
 * score to 0–1, so deductions may take it below zero on the way.
 */
public final class SignalTally {
    private double score = 1.0;
    private final Set<String> reasons = new LinkedHashSet<>();
    private final String leadIn;

    public SignalTally() {
        this("");
    }

    /** A tally whose summary starts with {@code leadIn} when there is a reason (e.g. "missing: "). */
    public SignalTally(String leadIn) {
        this.leadIn = leadIn;
    }

    /** Lowers the score by {@code amount}. */
    public SignalTally deduct(double amount, String reason) {
        score -= amount;
        reasons.add(reason);
        return this;
    }

    /** Lowers the score by {@code amount} without a reason of its own (a minor matter the findings describe). */
    public SignalTally deduct(double amount) {
        score -= amount;
        return this;
    }

    /** Lowers the score to at most {@code ceiling}: the worst thing found decides, however many there are. */
    public SignalTally atMost(double ceiling, String reason) {
        score = Math.min(score, ceiling);
        reasons.add(reason);
        return this;
    }

    /** Lowers the score to at most {@code ceiling} without a reason of its own (another finding already says why). */
    public SignalTally atMost(double ceiling) {
        score = Math.min(score, ceiling);
        return this;
    }

    /** A reason that does not move the score by itself. */
    public SignalTally note(String reason) {
        reasons.add(reason);
        return this;
    }

    public double score() {
        return score;
    }

    /** The check's outcome: its summary is the reasons in the order found, or {@code whenClean} when there are none. */
    public CheckOutcome outcome(String check, double confidence, String whenClean, List<Finding> findings) {
        String summary = reasons.isEmpty() ? whenClean : leadIn + String.join(", ", reasons);
        return CheckOutcome.of(check, new SignalReading(score, confidence, summary), findings);
    }
}
