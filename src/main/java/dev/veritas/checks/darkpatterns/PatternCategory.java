package dev.veritas.checks.darkpatterns;

import dev.veritas.audit.WireEnum;
import java.util.Locale;
import java.util.Optional;

/** The seven dark-pattern categories of the taxonomy Veritas reports in (see DARK_PATTERNS.md). */
public enum PatternCategory implements WireEnum {
    SNEAKING("Sneaking"),
    URGENCY("Urgency"),
    MISDIRECTION("Misdirection"),
    SOCIAL_PROOF("Social proof"),
    SCARCITY("Scarcity"),
    OBSTRUCTION("Obstruction"),
    FORCED_ACTION("Forced action");

    private final String title;

    PatternCategory(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /**
     * Accepts the wire name ({@code social_proof}) as well as the human spelling used in labelled
     * files ({@code Social Proof}), because both appear in data people hand to {@code veritas eval}.
     */
    public static Optional<PatternCategory> fromLabel(String label) {
        String key = Labels.key(label);
        for (PatternCategory c : values()) {
            if (Labels.key(c.wire()).equals(key) || Labels.key(c.title).equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wire();
    }

    /** Label comparison that ignores case, spaces, hyphens and underscores. */
    static final class Labels {
        private Labels() {
        }

        static String key(String label) {
            return label == null ? "" : label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        }
    }
}
