package dev.veritas.checks.darkpatterns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** All hand-written text rules, grouped by category in their own classes and applied together. */
public final class RuleBook {
    private static final RuleBook STANDARD = new RuleBook(collect());

    private final List<TextRule> rules;

    public RuleBook(List<TextRule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (TextRule r : this.rules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("duplicate rule id " + r.id());
            }
        }
    }

    public static RuleBook standard() {
        return STANDARD;
    }

    private static List<TextRule> collect() {
        List<TextRule> all = new ArrayList<>();
        all.addAll(ScarcityRules.rules());
        all.addAll(UrgencyRules.rules());
        all.addAll(SocialProofRules.rules());
        all.addAll(MisdirectionRules.rules());
        all.addAll(SneakingRules.rules());
        all.addAll(ObstructionRules.rules());
        all.addAll(ForcedActionRules.rules());
        return all;
    }

    public List<TextRule> rules() {
        return rules;
    }

    public Optional<TextRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * The first rule of this type that recognises the text as an honest variant of its pattern (see {@link TextRule#excuses}).
     * Only a rule of the same type speaks for the text: an exception elsewhere only says what that rule must not claim.
     */
    public Optional<TextRule> excusedBy(String normalized, PatternType type) {
        for (TextRule r : rules) {
            if (r.type() == type && r.excuses(normalized)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Every rule that fires on the normalised text, most confident first (ties keep book order). */
    public List<TextRule.RuleHit> matchAll(String normalized) {
        List<TextRule.RuleHit> hits = new ArrayList<>();
        if (normalized.isEmpty()) {
            return hits;
        }
        for (TextRule r : rules) {
            r.match(normalized).ifPresent(hits::add);
        }
        hits.sort(Comparator.comparingDouble((TextRule.RuleHit h) -> h.rule().confidence()).reversed());
        return hits;
    }
}
