package dev.veritas.checks.observatory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The graded result in Observatory's shape. With the project's JSON mapper (snake_case) it serialises to
 * {@code {algorithm_version, grade, score, tests_passed, tests_failed, tests: {<test name>: {result, pass,
 * score_modifier, description, recommendation}}}}, the tests in Observatory's listing order.
 */
public record ObservatoryReport(
        int algorithmVersion,
        String grade,
        int score,
        int testsPassed,
        int testsFailed,
        Map<String, TestResult> tests) {

    public ObservatoryReport {
        Objects.requireNonNull(grade, "grade");
        tests = Collections.unmodifiableMap(new LinkedHashMap<>(tests));
    }

    public TestResult test(String name) {
        TestResult result = tests.get(name);
        if (result == null) {
            throw new IllegalArgumentException("no Observatory test named '" + name + "'");
        }
        return result;
    }
}
