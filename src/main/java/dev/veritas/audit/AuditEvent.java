package dev.veritas.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A progress event. {@code id} is global and increasing: it is also the Server-Sent-Events id. */
public record AuditEvent(long id, AuditId auditId, String type, JsonNode data, Instant createdAt) {
    public AuditEvent {
        Require.present("audit_id", auditId);
        Require.text("type", type, 60);
        Require.present("data", data);
        Require.present("created_at", createdAt);
    }

    public boolean isTerminal() {
        return EventType.isTerminal(type);
    }
}
