package dev.veritas.checks.darkpatterns;

import static dev.veritas.checks.darkpatterns.PatternCategory.FORCED_ACTION;
import static dev.veritas.checks.darkpatterns.PatternCategory.MISDIRECTION;
import static dev.veritas.checks.darkpatterns.PatternCategory.OBSTRUCTION;
import static dev.veritas.checks.darkpatterns.PatternCategory.SCARCITY;
import static dev.veritas.checks.darkpatterns.PatternCategory.SNEAKING;
import static dev.veritas.checks.darkpatterns.PatternCategory.SOCIAL_PROOF;
import static dev.veritas.checks.darkpatterns.PatternCategory.URGENCY;

import dev.veritas.audit.Severity;
import dev.veritas.audit.WireEnum;
import java.util.Optional;

/**
 * The fifteen dark-pattern types Veritas reports, with what a report shows for each: a title, what
 * the pattern means for the shopper, and the severity a finding starts from. The text rules that
 * detect each type live in the {@code *Rules} class of its category (e.g. {@link ScarcityRules}).
 */
public enum PatternType implements WireEnum {
    SNEAK_INTO_BASKET(SNEAKING, "Item sneaked into the basket",
            "The shop put something in your basket that you did not choose, so you pay for it unless you notice and remove it.",
            Severity.HIGH),
    HIDDEN_COSTS(SNEAKING, "Hidden costs",
            "Extra fees appear only at the last step of checkout, after you have already decided to buy at the advertised price.",
            Severity.HIGH),
    HIDDEN_SUBSCRIPTION(SNEAKING, "Hidden subscription",
            "What looks like a one-off purchase or free extra quietly signs you up for a recurring charge.",
            Severity.CRITICAL),
    COUNTDOWN_TIMER(URGENCY, "Countdown timer",
            "A ticking clock pushes you to buy before a deadline that is often fake, resets, or never arrives.",
            Severity.MEDIUM),
    LIMITED_TIME_MESSAGE(URGENCY, "Limited-time message",
            "The offer is said to end soon but no real deadline is given, so you cannot check it and feel rushed.",
            Severity.LOW),
    CONFIRMSHAMING(MISDIRECTION, "Confirmshaming",
            "The button to say no is worded to make you feel foolish or guilty for declining.",
            Severity.LOW),
    VISUAL_INTERFERENCE(MISDIRECTION, "Visual interference",
            "The option the shop prefers is made prominent while the one you may want is hidden, tiny or worded to put you off.",
            Severity.MEDIUM),
    TRICK_QUESTIONS(MISDIRECTION, "Trick question",
            "Confusing wording, such as double negatives, makes you agree to something you meant to refuse.",
            Severity.MEDIUM),
    PRESSURED_SELLING(MISDIRECTION, "Pressured selling",
            "You are pushed to add extras, upgrades or protection plans you did not ask for.",
            Severity.LOW),
    ACTIVITY_NOTIFICATION(SOCIAL_PROOF, "Activity notification",
            "Messages about other shoppers viewing or buying are used to pressure you and are often made up.",
            Severity.MEDIUM),
    TESTIMONIALS_OF_UNCERTAIN_ORIGIN(SOCIAL_PROOF, "Testimonials of uncertain origin",
            "Praise is shown without any way to check who wrote it or whether they bought anything.",
            Severity.LOW),
    LOW_STOCK_MESSAGE(SCARCITY, "Low-stock message",
            "Claims that only a few items are left push you to buy now; such counts are often fake or never change.",
            Severity.MEDIUM),
    HIGH_DEMAND_MESSAGE(SCARCITY, "High-demand message",
            "Claims that the item is in high demand or selling fast push you to buy before you have compared.",
            Severity.LOW),
    HARD_TO_CANCEL(OBSTRUCTION, "Hard to cancel",
            "Signing up is easy but cancelling takes a phone call, an email or a letter, so charges keep running.",
            Severity.HIGH),
    FORCED_ENROLLMENT(FORCED_ACTION, "Forced enrollment",
            "You must create an account or accept marketing to continue, bundling consent you did not want to give.",
            Severity.MEDIUM);

    private final PatternCategory category;
    private final String title;
    private final String plainEnglish;
    private final Severity defaultSeverity;

    PatternType(PatternCategory category, String title, String plainEnglish, Severity defaultSeverity) {
        this.category = category;
        this.title = title;
        this.plainEnglish = plainEnglish;
        this.defaultSeverity = defaultSeverity;
    }

    public PatternCategory category() {
        return category;
    }

    public String title() {
        return title;
    }

    /** What the pattern means for the shopper, for a report read by non-specialists. */
    public String plainEnglish() {
        return plainEnglish;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /**
     * Accepts the wire name ({@code low_stock_message}) and the spellings of labelled files
     * ({@code Low-stock Message}, {@code Testimonials of Uncertain Origin}).
     */
    public static Optional<PatternType> fromLabel(String label) {
        String key = PatternCategory.Labels.key(label);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (PatternType t : values()) {
            if (PatternCategory.Labels.key(t.wire()).equals(key) || PatternCategory.Labels.key(t.title).equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wire();
    }
}
