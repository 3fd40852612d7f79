package dev.veritas.checks.darkpatterns;

import dev.veritas.audit.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import java.util.Locale;
/**
 * A dark pattern found in a text segment, with the evidence a report shows for it.
 *
 * @param category          the taxonomy category, always {@code patternType.category()}
 * @param confidence        0–1; for rule matches the rule's confidence, for model-only matches the model's probability
 * @param source            whether a hand-written rule or only the learned model found it
 * @param ruleId            the rule that fired ({@code scarcity.only_n_left}), empty for model-only matches
 * @param matchedPhrase     the words of the (normalised) text the rule matched, empty for model-only matches
 * @param contributingTerms the n-grams that pushed the model most towards this pattern type, strongest first
 *                          (may be empty for a rule match the model did not share)
 */
public record TextMatch(PatternCategory category, PatternType patternType, double confidence, Source source,
                        Optional<String> ruleId, Optional<String> matchedPhrase, List<String> contributingTerms) {

    public enum Source { RULE, MODEL }

    public TextMatch {
        Objects.requireNonNull(patternType, "patternType");
        Objects.requireNonNull(source, "source");
        if (category != patternType.category()) {
            throw new IllegalArgumentException(patternType + " belongs to " + patternType.category() + ", not " + category);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(matchedPhrase, "matchedPhrase");
        contributingTerms = List.copyOf(contributingTerms);
        if (source == Source.RULE && (ruleId.isEmpty() || matchedPhrase.isEmpty())) {
            throw new IllegalArgumentException("a rule match must name its rule and phrase");
        }
        if (source == Source.MODEL && contributingTerms.isEmpty()) {
            throw new IllegalArgumentException("a model match must name its contributing terms");
        }
    }

    public Severity severity() {
        return patternType.defaultSeverity();
    }

    /** One line saying why this text was flagged, for the evidence of a finding. */
    public String why() {
        if (source == Source.RULE) {
            return "rule " + ruleId.orElseThrow() + " matched \"" + matchedPhrase.orElseThrow() + "\"";
        }
        return "learned model (p=" + String.format(Locale.ROOT, "%.2f", confidence) + ") on terms "
                + String.join(", ", contributingTerms.stream().map(t -> "\"" + t + "\"").toList());
    }
}
