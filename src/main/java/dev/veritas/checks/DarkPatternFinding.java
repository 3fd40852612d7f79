package dev.veritas.checks;

import dev.veritas.audit.Severity;
import dev.veritas.checks.darkpatterns.PatternType;

/**
 * The findings {@link DarkPatternCheck} can emit: one per pattern type read from text (the rule that matched
 * stays data, in the finding's evidence), and those seen in the DOM, across pages and over time.
 */
public enum DarkPatternFinding implements FindingKind {
    TEXT_SNEAK_INTO_BASKET(PatternType.SNEAK_INTO_BASKET),
    TEXT_HIDDEN_COSTS(PatternType.HIDDEN_COSTS),
    TEXT_HIDDEN_SUBSCRIPTION(PatternType.HIDDEN_SUBSCRIPTION),
    TEXT_COUNTDOWN_TIMER(PatternType.COUNTDOWN_TIMER),
    TEXT_LIMITED_TIME_MESSAGE(PatternType.LIMITED_TIME_MESSAGE),
    TEXT_CONFIRMSHAMING(PatternType.CONFIRMSHAMING),
    TEXT_VISUAL_INTERFERENCE(PatternType.VISUAL_INTERFERENCE),
    TEXT_TRICK_QUESTIONS(PatternType.TRICK_QUESTIONS),
    TEXT_PRESSURED_SELLING(PatternType.PRESSURED_SELLING),
    TEXT_ACTIVITY_NOTIFICATION(PatternType.ACTIVITY_NOTIFICATION),
    TEXT_TESTIMONIALS_OF_UNCERTAIN_ORIGIN(PatternType.TESTIMONIALS_OF_UNCERTAIN_ORIGIN),
    TEXT_LOW_STOCK_MESSAGE(PatternType.LOW_STOCK_MESSAGE),
    TEXT_HIGH_DEMAND_MESSAGE(PatternType.HIGH_DEMAND_MESSAGE),
    TEXT_HARD_TO_CANCEL(PatternType.HARD_TO_CANCEL),
    TEXT_FORCED_ENROLLMENT(PatternType.FORCED_ENROLLMENT),
    /** A fee on the checkout page that the cart never named (drip pricing). */
    HIDDEN_FEE("dark_patterns.hidden_fee", PatternType.HIDDEN_COSTS, PatternType.HIDDEN_COSTS.defaultSeverity()),
    /** A paid extra or a marketing opt-in ticked for the visitor; its pattern type says which. */
    PRESELECTED_OPTION("dark_patterns.preselected_option", PatternType.PRESSURED_SELLING, Severity.HIGH),
    HIDDEN_DECLINE("dark_patterns.hidden_decline", PatternType.VISUAL_INTERFERENCE, Severity.HIGH),
    FAKE_COUNTDOWN("dark_patterns.fake_countdown", PatternType.COUNTDOWN_TIMER, Severity.HIGH),
    /** A stock count that never moves or an activity count that jumps at random; its pattern type says which. */
    FAKE_SCARCITY("dark_patterns.fake_scarcity", PatternType.LOW_STOCK_MESSAGE, Severity.MEDIUM);

    private final String id;
    private final PatternType type;
    private final Severity severity;

    DarkPatternFinding(PatternType type) {
        this("dark_patterns.text." + type.wire(), type, type.defaultSeverity());
    }

    DarkPatternFinding(String id, PatternType type, Severity severity) {
        this.id = id;
        this.type = type;
        this.severity = severity;
    }

    /** The kind of a text finding of this pattern type. */
    public static DarkPatternFinding text(PatternType type) {
        return valueOf("TEXT_" + type.name());
    }

    public PatternType pattern() {
        return type;
    }

    @Override public String id() { return id; }
    @Override public String category() { return type.category().wire(); }
    @Override public String patternType() { return type.wire(); }
    @Override public Severity defaultSeverity() { return severity; }
}
