package dev.veritas.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.EventType;
import dev.veritas.audit.Require;

public record NewEvent(String type, JsonNode data) {
    public NewEvent {
        EventType.requireValidType(type);
        Require.present("data", data);
    }

    public static NewEvent of(EventType type, JsonNode data) {
        return new NewEvent(type.wire(), data);
    }
}
