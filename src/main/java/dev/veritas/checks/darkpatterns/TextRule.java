package dev.veritas.checks.darkpatterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hand-written detection rule over normalised text. A rule fires when its pattern is found, every
 * extra required pattern is found too (for rules that need several clues, such as "cancel" + "membership"
 * + "call us"), the text is short enough when the rule is meant for buttons and badges, and no
 * {@code unless} pattern marks the text as an ordinary, benign variant.
 *
 * @param id         stable identifier users can cite or tune, e.g. {@code scarcity.only_n_left}
 * @param confidence how sure a hit of this rule alone is, 0–1
 * @param maxLength  longest normalised text the rule applies to, 0 for any length
 */
public record TextRule(String id, PatternType type, double confidence, Pattern pattern, List<Pattern> required,
                       Optional<Pattern> unless, int maxLength) {

    public TextRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pattern, "pattern");
        required = List.copyOf(required);
        Objects.requireNonNull(unless, "unless");
        if (confidence <= 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence of " + id + " must be in (0, 1]");
        }
    }

    /** A rule that fires wherever {@code regex} is found in normalised (lower-case) text. */
    public static TextRule of(String id, PatternType type, double confidence, String regex) {
        return new TextRule(id, type, confidence, Pattern.compile(regex), List.of(), Optional.empty(), 0);
    }

    public TextRule requires(String regex) {
        List<Pattern> more = new ArrayList<>(required);
        more.add(Pattern.compile(regex));
        return new TextRule(id, type, confidence, pattern, more, unless, maxLength);
    }

    public TextRule unless(String regex) {
        return new TextRule(id, type, confidence, pattern, required, Optional.of(Pattern.compile(regex)), maxLength);
    }

    public TextRule maxLength(int chars) {
        return new TextRule(id, type, confidence, pattern, required, unless, chars);
    }

    /** Applies the rule to text already passed through {@link TextNormalizer#normalize}. */
    public Optional<RuleHit> match(String normalized) {
        if (maxLength > 0 && normalized.length() > maxLength) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(normalized);
        if (!m.find()) {
            return Optional.empty();
        }
        StringBuilder phrase = new StringBuilder(m.group().trim());
        for (Pattern p : required) {
            Matcher r = p.matcher(normalized);
            if (!r.find()) {
                return Optional.empty();
            }
            phrase.append(" … ").append(r.group().trim());
        }
        if (unless.isPresent() && unless.get().matcher(normalized).find()) {
            return Optional.empty();
        }
        return Optional.of(new RuleHit(this, phrase.toString()));
    }

    /**
     * Whether the rule recognised the text and then judged it benign: its pattern and every required
     * pattern are found, the text is short enough, but an {@code unless} exception applies ("No thanks,
     * I don't need a bag" to a shaming-decline rule). Such a text is a known honest variant, which no
     * other, less precise detector should overrule.
     */
    public boolean excuses(String normalized) {
        if (unless.isEmpty() || (maxLength > 0 && normalized.length() > maxLength) || !pattern.matcher(normalized).find()) {
            return false;
        }
        for (Pattern p : required) {
            if (!p.matcher(normalized).find()) {
                return false;
            }
        }
        return unless.get().matcher(normalized).find();
    }

    /** A rule that fired, with the phrase(s) it matched, for the report's evidence. */
    public record RuleHit(TextRule rule, String phrase) {
    }
}
