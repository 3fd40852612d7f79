package dev.veritas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.store.AuditStore;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's acknowledgement latency is a unit's, not a store call's. */
class StoreWorkloadTest {
    @TempDir
    Path dir;

    @Test
    void oneLatencyPerUnitSpanningAllThreeStoreCalls() {
        try (SqliteAuditStore real = SqliteAuditStore.open(SqliteOptions.defaults(dir))) {
            List<String> calls = new ArrayList<>();
            long[] firstCallStarted = new long[1];
            long[] lastCallEnded = new long[1];
            AuditStore timed = (AuditStore) Proxy.newProxyInstance(AuditStore.class.getClassLoader(), new Class<?>[] {AuditStore.class},
                    (proxy, method, args) -> {
                        if (calls.isEmpty()) {
                            firstCallStarted[0] = System.nanoTime();
                        }
                        calls.add(method.getName());
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            lastCallEnded[0] = System.nanoTime();
                        }
                    });
            List<Long> recorded = new ArrayList<>();
            StoreWorkload.unit(timed, 1, recorded::add);

            assertThat(calls).containsExactly("createRunning", "appendEvents", "complete");
            assertThat(recorded).hasSize(1);
            assertThat(recorded.get(0)).isGreaterThanOrEqualTo(lastCallEnded[0] - firstCallStarted[0]);
        }
    }
}
