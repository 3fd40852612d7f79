package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.engine.EngineOptions;
import dev.veritas.store.AuditStore;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bug that escapes one audit, or escapes claiming work, must not kill the worker thread: with one worker the
 * server would otherwise never run another audit while /api/health still counted the worker.
 */
class WorkerResilienceTest {
    @TempDir
    Path dataDir;

    @Test
    void aWorkerSurvivesErrorsThatEscapeClaimingAndAuditing() throws Exception {
        AtomicBoolean claimBreaks = new AtomicBoolean(true);
        AtomicBoolean auditBreaks = new AtomicBoolean(true);
        SqliteAuditStore real = SqliteAuditStore.open(SqliteOptions.defaults(dataDir));
        // The first claim throws a RuntimeException the worker does not expect; the first event of the first audit
        // throws an Error, which the engine does not catch.
        AuditStore faulty = (AuditStore) Proxy.newProxyInstance(AuditStore.class.getClassLoader(), new Class<?>[] {AuditStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("claimNext") && claimBreaks.compareAndSet(true, false)) {
                        throw new IllegalStateException("injected: claiming broke");
                    }
                    if (method.getName().equals("appendEvent") && auditBreaks.compareAndSet(true, false)) {
                        throw new StackOverflowError("injected: the audit blew its stack");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        EngineOptions engine = EngineOptions.defaults().withAllowPrivate(true).withBrowser(EngineOptions.BrowserMode.NEVER);
        try (GatedSite site = GatedSite.start();
             VeritasServer server = new VeritasServer(ServerConfig.local(0, engine).withWorkers(1), faulty).start()) {
            ApiClient api = new ApiClient(server.port());

            String broken = api.submit(site.url("/"), "quick_scan");
            JsonNode first = awaitEnd(api, broken);
            assertThat(claimBreaks).isFalse();
            assertThat(first.path("status").asText()).isEqualTo("failed");
            assertThat(first.path("error_message").asText()).contains("internal error").contains("StackOverflowError").contains(broken);

            // The one worker is still there to run the next audit.
            String next = api.submit(site.url("/"), "quick_scan");
            assertThat(awaitEnd(api, next).path("status").asText()).isEqualTo("completed");

            JsonNode health = api.get("/api/health").json();
            assertThat(health.path("status").asText()).isEqualTo("ok");
            assertThat(health.path("workers").path("size").asInt()).isEqualTo(1);
            assertThat(health.path("workers").path("alive").asInt()).isEqualTo(1);
            assertThat(api.get("/api/metrics").body()).contains("veritas_workers_alive 1");
        }
    }

    /** The audit once its stream ends; bounded, so a dead worker fails the test instead of hanging it. */
    private static JsonNode awaitEnd(ApiClient api, String id) throws Exception {
        return CompletableFuture.supplyAsync(() -> api.awaitEnd(id)).get(90, TimeUnit.SECONDS);
    }
}
