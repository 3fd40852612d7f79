package dev.veritas.checks.observatory;

/**
 * One possible outcome of one test, with Observatory's exact result name and score modifier and what it
 * means for the site's owner. Each check declares its results as an enum next to its code; the enum
 * holds its text in a {@link ResultText} so that every check does not spell out the same accessors.
 */
public interface ObservatoryResult {
    ResultText text();

    /** Observatory's result name, e.g. {@code hsts-implemented-max-age-at-least-six-months}. */
    default String wire() { return text().wire(); }

    /** Points added to (or taken from) the score of 100. */
    default int modifier() { return text().modifier(); }

    /** What the result means, in a sentence. */
    default String description() { return text().description(); }

    /** What to change; empty when there is nothing to do. */
    default String recommendation() { return text().recommendation(); }
}
