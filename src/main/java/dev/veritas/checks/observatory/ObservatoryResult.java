package dev.veritas.checks.observatory;

/**
 * One possible outcome of one test, with Observatory's exact result name and score modifier and what it
 * means for the site's owner. Each check declares its results as an enum next to its code.
 */
public interface ObservatoryResult {
    /** Observatory's result name, e.g. {@code hsts-implemented-max-age-at-least-six-months}. */
    String wire();

    /** Points added to (or taken from) the score of 100. */
    int modifier();

    /** What the result means, in a sentence. */
    String description();

    /** What to change; empty when there is nothing to do. */
    String recommendation();
}
