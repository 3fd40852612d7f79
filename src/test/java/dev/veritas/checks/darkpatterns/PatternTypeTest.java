package dev.veritas.checks.darkpatterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.veritas.audit.Severity;
class PatternTypeTest {

    @Test
    void taxonomyHasFifteenTypesInSevenCategories() {
        assertThat(PatternType.values()).hasSize(15);
        assertThat(Arrays.stream(PatternType.values()).map(PatternType::category).distinct())
                .containsExactlyInAnyOrder(PatternCategory.values());
    }

    @ParameterizedTest
    @EnumSource(PatternType.class)
    void everyTypeExplainsItselfToTheShopper(PatternType type) {
        assertThat(type.title()).isNotBlank();
        assertThat(type.plainEnglish()).endsWith(".").hasSizeGreaterThan(40);
        assertThat(type.defaultSeverity()).isNotNull();
        assertThat(type.wire()).matches("[a-z_]+");
        assertThat(PatternType.fromLabel(type.wire())).contains(type);
        assertThat(PatternType.fromLabel(type.title())).contains(type);
    }

    @ParameterizedTest
    @CsvSource({
            "Low-stock Message, low_stock_message, scarcity",
            "High-demand Message, high_demand_message, scarcity",
            "Limited-time Message, limited_time_message, urgency",
            "Countdown Timer, countdown_timer, urgency",
            "Testimonials of Uncertain Origin, testimonials_of_uncertain_origin, social_proof",
            "Activity Notification, activity_notification, social_proof",
            "Sneak into Basket, sneak_into_basket, sneaking",
            "Hard to Cancel, hard_to_cancel, obstruction",
            "Forced Enrollment, forced_enrollment, forced_action",
            "Trick Questions, trick_questions, misdirection",
    })
    void readsTheSpellingsOfLabelledFiles(String label, String wire, String category) {
        PatternType type = PatternType.fromLabel(label).orElseThrow();
        assertThat(type.wire()).isEqualTo(wire);
        assertThat(type.category().wire()).isEqualTo(category);
    }

    @Test
    void categoriesParseHumanAndWireSpellings() {
        assertThat(PatternCategory.fromLabel("Social Proof")).contains(PatternCategory.SOCIAL_PROOF);
        assertThat(PatternCategory.fromLabel("forced_action")).contains(PatternCategory.FORCED_ACTION);
        assertThat(PatternCategory.fromLabel("nonsense")).isEmpty();
        assertThat(PatternType.fromLabel("")).isEmpty();
        assertThat(PatternType.fromLabel("Roach Motel")).isEmpty();
    }

    @Test
    void recurringChargesAreTheMostSevere() {
        assertThat(PatternType.HIDDEN_SUBSCRIPTION.defaultSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(EnumSet.allOf(PatternType.class).stream().map(PatternType::defaultSeverity).distinct().count()).isGreaterThan(2);
    }
}
