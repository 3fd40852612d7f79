package dev.veritas.checks.observatory;

import java.util.Objects;

/** The outcome of one test, as it appears under {@code tests} in the report. */
public record TestResult(String result, boolean pass, int scoreModifier, String description, String recommendation) {
    public TestResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(recommendation, "recommendation");
    }

    static TestResult of(ObservatoryResult result, boolean pass) {
        return new TestResult(result.wire(), pass, result.modifier(), result.description(), result.recommendation());
    }
}
