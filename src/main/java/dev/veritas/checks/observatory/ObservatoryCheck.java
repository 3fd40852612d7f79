package dev.veritas.checks.observatory;

import java.util.List;

/** One of the twelve Observatory tests. */
public interface ObservatoryCheck {
    /** Observatory's test name, the key under {@code tests} in the report. */
    String name();

    /** Every result this test can give. */
    List<? extends ObservatoryResult> possibleResults();

    TestResult evaluate(ObservedPage page);
}
