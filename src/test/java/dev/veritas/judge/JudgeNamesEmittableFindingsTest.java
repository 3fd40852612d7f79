package dev.veritas.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.checks.Checks;
import dev.veritas.checks.FindingKind;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every finding kind a cap or a recommendation names is declared by one of the checks an audit runs. */
class JudgeNamesEmittableFindingsTest {

    @Test
    void capsAndRecommendationsNameOnlyKindsSomeCheckEmits() {
        Set<FindingKind> emittable = new HashSet<>();
        Checks.standard().forEach(c -> emittable.addAll(Checks.declaredBy(c)));

        assertThat(OverrideRules.kindsNamed()).isNotEmpty().allMatch(emittable::contains);
        assertThat(Advisor.kindsNamed()).isNotEmpty().allMatch(emittable::contains);
    }
}
