package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.engine.EngineOptions;
import dev.veritas.store.AuditStore;
import dev.veritas.store.StoreHealth;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads still work while writes fail: /api/health must not say "ok" then, and must say why. */
class StoreHealthApiTest {
    @TempDir
    Path dataDir;

    @Test
    void healthIsDegradedWithTheReasonWhileTheStoreCannotWriteAndOkOnceItCan() throws Exception {
        AtomicReference<StoreHealth> reported = new AtomicReference<>(
                new StoreHealth(StoreHealth.Condition.DISK_FULL, "the last write failed: the disk holding veritas.db is full"));
        try (SqliteAuditStore real = SqliteAuditStore.open(SqliteOptions.defaults(dataDir))) {
            // The store's own faults are tested in SqliteStoreFaultsTest; here only what the server makes of them.
            AuditStore store = (AuditStore) Proxy.newProxyInstance(AuditStore.class.getClassLoader(), new Class<?>[] {AuditStore.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("health")) {
                            return reported.get();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            EngineOptions engine = EngineOptions.defaults().withBrowser(EngineOptions.BrowserMode.NEVER);
            try (VeritasServer server = new VeritasServer(ServerConfig.local(0, engine).withWorkers(1), store).start()) {
                ApiClient api = new ApiClient(server.port());
                ApiClient.Response degraded = api.get("/api/health");
                assertThat(degraded.status()).isEqualTo(503);
                JsonNode body = degraded.json();
                assertThat(body.path("status").asText()).isEqualTo("degraded");
                assertThat(body.path("detail").asText()).contains("disk holding veritas.db is full");
                assertThat(body.path("store_writes").path("condition").asText()).isEqualTo("disk_full");

                reported.set(StoreHealth.healthy());
                ApiClient.Response ok = api.get("/api/health");
                assertThat(ok.status()).isEqualTo(200);
                assertThat(ok.json().path("status").asText()).isEqualTo("ok");
                assertThat(ok.json().path("store_writes").path("condition").asText()).isEqualTo("ok");
            }
        }
    }
}
