package dev.veritas.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.EventType;
import dev.veritas.json.AuditJson;

/**
 * An event's data as the API sends it. The engine records what happened; the links a client follows from an event (a
 * screenshot's image) are this server's addresses, so they are added here, when the event is sent.
 */
final class ClientEvents {
    private ClientEvents() {}

    static JsonNode data(AuditEvent e) {
        if (e.type().equals(EventType.SCREENSHOT.wire()) && e.data() instanceof ObjectNode d && d.has("index")) {
            return d.deepCopy().put("url", AuditJson.screenshotPath(e.auditId(), d.path("index").asInt()));
        }
        return e.data();
    }
}
