package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What /api/health says, from what the store and the workers report: ok only when everything can work. */
class HealthTest {
    @Test
    void everythingWorkingIsOk() {
        OpsApi.Health h = OpsApi.Health.assess(Optional.empty(), 2, 2, List.of());
        assertThat(h.ok()).isTrue();
        assertThat(h.detail()).isEmpty();
    }

    @Test
    void aStuckWorkerIsDegradedAndSaysWhichAuditAndWhatToDo() {
        OpsApi.Health h = OpsApi.Health.assess(Optional.empty(), 2, 2, List.of("worker-1 on audit vrts_1 (31 s past its deadline)"));
        assertThat(h.ok()).isFalse();
        assertThat(h.detail().orElseThrow()).contains("1 of 2 workers are stuck").contains("worker-1 on audit vrts_1").contains("restart");
    }

    @Test
    void aDeadWorkerIsDegraded() {
        OpsApi.Health h = OpsApi.Health.assess(Optional.empty(), 2, 1, List.of());
        assertThat(h.ok()).isFalse();
        assertThat(h.detail().orElseThrow()).contains("1 of 2 workers are not running");
    }

    @Test
    void aStoreProblemComesFirst() {
        OpsApi.Health h = OpsApi.Health.assess(Optional.of("the disk is full"), 2, 1, List.of("x"));
        assertThat(h.ok()).isFalse();
        assertThat(h.detail()).contains("the disk is full");
    }
}
