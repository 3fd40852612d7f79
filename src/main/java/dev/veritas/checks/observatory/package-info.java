/**
 * Security-header grading that follows the MDN HTTP Observatory scoring, algorithm version 6, so that
 * a Veritas user who knows Observatory grades sees the same grade for the same site.
 *
 * <p>Everything here is a pure function of an {@link dev.veritas.checks.observatory.ObservatoryInput}:
 * no browser, no network. Build the input from a capture, call
 * {@link dev.veritas.checks.observatory.ObservatoryGrader#grade(ObservatoryInput)} and, for a graded
 * site, serialise {@link dev.veritas.checks.observatory.ObservatoryReport} with the project's JSON mapper.
 *
 * <p>Where Observatory's behaviour is odd (an odd ordering of results, values that only count when
 * truthy, several CSP policies intersected source by source), Veritas reproduces it on purpose: the point
 * of this package is the same grade, and the oddities are commented where they live.
 */
package dev.veritas.checks.observatory;
