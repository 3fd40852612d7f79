package dev.veritas.store.sqlite;

import static dev.veritas.store.sqlite.SqliteConcurrencyTest.writeUnit;
import static dev.veritas.testing.Samples.newAudit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.json.Json;
import dev.veritas.store.Claim;
import dev.veritas.store.NewEvent;
import dev.veritas.store.StoreHealth;
import dev.veritas.store.StoreUnavailableException;
import dev.veritas.store.WorkerId;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real storage faults on the SQLite store: the writer fails the writes they touch, keeps running, and recovers by itself. */
class SqliteStoreFaultsTest {
    @TempDir
    Path dir;

    /**
     * {@code max_page_count} makes SQLite answer SQLITE_FULL exactly as a full disk does, on the writer's own connection,
     * without filling the machine's disk.
     */
    @Test
    @Timeout(120)
    void aFullDatabaseFailsTheWritesThatNeedSpaceAndWritesSucceedOnceSpaceIsBackWithoutARestart() {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir))) {
            List<AuditId> acknowledged = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                acknowledged.add(writeUnit(store, i));
            }
            Audit queued = store.create(newAudit("https://queued.example/"));
            acknowledged.add(queued.id());
            setMaxPageCount(store, pragma(store, "page_count"));

            Claim running = store.createRunning(newAudit("https://big.example/"), WorkerId.current(), Duration.ofMinutes(5));
            acknowledged.add(running.id());
            List<NewEvent> big = new ArrayList<>();
            for (int e = 0; e < 400; e++) {
                big.add(new NewEvent("log_entry", Json.object().put("text", "x".repeat(500)).put("e", e)));
            }
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> store.appendEvents(running.lease(), big))
                        .isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("is full; free some space");
            }
            StoreHealth full = store.health();
            assertThat(full.ok()).isFalse();
            assertThat(full.condition()).isEqualTo(StoreHealth.Condition.DISK_FULL);
            assertThat(full.detail()).contains("is full");

            // A write that needs no new page still goes through: the writer kept running and holds no stale lock.
            store.cancel(queued.id(), "no longer wanted");
            assertThat(store.status(queued.id())).contains(AuditStatus.CANCELLED);

            setMaxPageCount(store, 1_000_000_000L);
            List<Long> ids = store.appendEvents(running.lease(), big);
            assertThat(ids).hasSize(400);
            acknowledged.add(writeUnit(store, 100));
            assertThat(store.health().ok()).as("a commit after the fault clears it").isTrue();

            for (AuditId id : acknowledged) {
                assertThat(store.find(id)).as("acknowledged audit %s", id).isPresent();
            }
            assertThat(store.eventsAfter(running.id(), 0, 1000)).hasSize(401);
            assertThat(store.writerStats().restarts()).isZero();
            assertThat(store.check().ok()).isTrue();
        }
    }

    /** Health says so while the writer is down; the store carries on once the new writer runs, with nothing lost. */
    @Test
    @Timeout(60)
    @SuppressWarnings("removal")
    void aKilledWriterShowsInHealthUntilItsReplacementRuns() throws Exception {
        BlockingQueue<Runnable> restarts = new LinkedBlockingQueue<>();
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir), Duration.ofSeconds(60), (r, pause) -> restarts.add(r))) {
            AuditId before = writeUnit(store, 1);
            // Killed inside a unit, not while it waits on its queue: ThreadDeath there would break the queue's own lock.
            CountDownLatch inside = new CountDownLatch(1);
            CompletableFuture<Object> killed = CompletableFuture.supplyAsync(() -> store.write(tx -> {
                inside.countDown();
                awaitQuietly(new CountDownLatch(1));
                return null;
            }));
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            Thread writer = store.writerThread();
            writer.stop();
            writer.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(killed).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(StoreUnavailableException.class).withMessageContaining("nothing of it was written");
            Runnable restart = restarts.poll(10, TimeUnit.SECONDS);
            assertThat(restart).isNotNull();
            StoreHealth down = store.health();
            assertThat(down.condition()).isEqualTo(StoreHealth.Condition.WRITER_DOWN);
            assertThat(down.detail()).contains("being restarted");
            restart.run();
            AuditId after = writeUnit(store, 2);
            assertThat(store.health().ok()).isTrue();
            assertThat(store.find(before)).isPresent();
            assertThat(store.find(after)).isPresent();
            assertThat(store.writerStats().restarts()).isEqualTo(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void setMaxPageCount(SqliteAuditStore store, long pages) {
        store.write(tx -> {
            try (Statement st = tx.connection().createStatement()) {
                st.execute("PRAGMA max_page_count=" + pages);
            }
            return null;
        });
    }

    private static long pragma(SqliteAuditStore store, String name) {
        return store.write(tx -> {
            try (Statement st = tx.connection().createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
