package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Events leave the server with the addresses a client follows from them, added as they are sent. */
class ClientEventsTest {
    private static final AuditId ID = new AuditId("vrts_7bac888986c9b59f");

    @Test
    void aScreenshotEventGetsTheAddressOfItsImageAndTheStoredEventIsLeftAlone() {
        AuditEvent e = new AuditEvent(7, ID, "screenshot", Json.object().put("index", 3).put("label", "viewport"), Instant.EPOCH);
        assertThat(Json.write(ClientEvents.data(e)))
                .isEqualTo("{\"index\":3,\"label\":\"viewport\",\"url\":\"/api/audits/vrts_7bac888986c9b59f/screenshots/3\"}");
        assertThat(e.data().has("url")).isFalse();
    }

    @Test
    void otherEventsAreSentAsStored() {
        AuditEvent e = new AuditEvent(8, ID, "page_captured", Json.object().put("index", 0).put("pct", 16), Instant.EPOCH);
        assertThat(ClientEvents.data(e)).isSameAs(e.data());
    }
}
