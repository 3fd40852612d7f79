package dev.veritas.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.Finding;
import java.util.List;
import java.util.Optional;

/**
 * What a check concluded: its signal (1 = no concern, 0 = worst; empty when it had nothing to judge),
 * its findings, and details for the report (e.g. the Observatory report).
 */
public record CheckOutcome(String name, Optional<SignalReading> signal, List<Finding> findings, Optional<JsonNode> details) {
    public CheckOutcome {
        findings = List.copyOf(findings);
    }

    public static CheckOutcome of(String name, SignalReading signal, List<Finding> findings) {
        return new CheckOutcome(name, Optional.of(signal), findings, Optional.empty());
    }

    /** The check had nothing to judge (e.g. no page loaded): no signal, no findings. */
    public static CheckOutcome nothingToJudge(String name) {
        return new CheckOutcome(name, Optional.empty(), List.of(), Optional.empty());
    }

    /** A signal score with how sure the check is of it, and one sentence saying why. */
    public record SignalReading(double score, double confidence, String summary) {
        public SignalReading {
            score = Math.max(0, Math.min(1, score));
            confidence = Math.max(0, Math.min(1, confidence));
        }
    }
}
