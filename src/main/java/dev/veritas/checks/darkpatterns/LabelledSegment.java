package dev.veritas.checks.darkpatterns;

import java.util.Optional;

/**
 * One labelled row of a dark-pattern evaluation file.
 *
 * @param line     the file line the row starts on, for messages
 * @param category for dark rows, the category (taken from the pattern type when both are given)
 */
public record LabelledSegment(int line, String pageId, String text, boolean dark, Optional<PatternCategory> category,
                              Optional<PatternType> patternType) {
}
