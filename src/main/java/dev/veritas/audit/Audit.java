package dev.veritas.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An audit as stored: its request, lifecycle, result (once completed) and screenshots. */
public record Audit(
        AuditId id,
        String url,
        String host,
        AuditStatus status,
        Tier tier,
        VerdictMode verdictMode,
        int attempts,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> completedAt,
        Instant updatedAt,
        long version,
        Optional<AuditResult> result,
        Optional<String> errorMessage,
        List<Screenshot> screenshots) {

    public Audit {
        Require.present("id", id);
        Require.text("url", url);
        Require.text("host", host);
        Require.present("status", status);
        Require.present("tier", tier);
        Require.present("verdict_mode", verdictMode);
        Require.nonNegative("attempts", attempts);
        Require.present("created_at", createdAt);
        Require.present("started_at", startedAt);
        Require.present("completed_at", completedAt);
        Require.present("updated_at", updatedAt);
        Require.present("result", result);
        Require.present("error_message", errorMessage);
        screenshots = Require.list("screenshots", screenshots);
    }

    public List<Finding> findings() {
        return result.map(AuditResult::findings).orElse(List.of());
    }
}
