package dev.veritas.store.sqlite;

import static dev.veritas.testing.Samples.findings;
import static dev.veritas.testing.Samples.newAudit;
import static dev.veritas.testing.Samples.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.json.Json;
import dev.veritas.store.Claim;
import dev.veritas.store.HistoryQuery;
import dev.veritas.store.NewEvent;
import dev.veritas.store.WorkerId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original system's three persistence tests, scaled up: many writers, readers during a write storm, WAL on a file. */
class SqliteConcurrencyTest {
    @TempDir
    Path dir;

    /** One unit of work: an audit with 50 events and 20 findings, as the benchmark counts it. */
    static AuditId writeUnit(SqliteAuditStore store, int n) {
        Claim a = store.createRunning(newAudit("https://writer" + n + ".example/"), WorkerId.current(), Duration.ofMinutes(5));
        List<NewEvent> events = new ArrayList<>();
        for (int e = 0; e < 50; e++) {
            events.add(new NewEvent("log_entry", Json.object().put("n", n).put("e", e)));
        }
        store.appendEvents(a.lease(), events);
        store.complete(a.lease(), result(n % 101, findings(20)));
        return a.id();
    }

    @Test
    void aHundredConcurrentWritersLoseNothing() throws Exception {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir))) {
            int writers = 120;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AuditId>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return writeUnit(store, n);
                }));
            }
            start.countDown();
            List<AuditId> ids = new ArrayList<>();
            for (Future<AuditId> f : futures) {
                ids.add(f.get(120, TimeUnit.SECONDS)); // any error surfaces here
            }
            pool.shutdown();

            for (int i = 0; i < writers; i++) {
                Audit a = store.get(ids.get(i));
                assertThat(a.status()).isEqualTo(AuditStatus.COMPLETED);
                assertThat(a.url()).isEqualTo("https://writer" + i + ".example/");
                assertThat(a.result().orElseThrow().trustScore()).isEqualTo(i % 101);
                assertThat(a.findings()).hasSize(20).isEqualTo(findings(20));
                List<AuditEvent> events = store.eventsAfter(a.id(), 0, 1000);
                assertThat(events).filteredOn(e -> e.type().equals("log_entry")).hasSize(50)
                        .allSatisfy(e -> assertThat(e.data().get("n").asInt()).isEqualTo(ids.indexOf(a.id())));
                assertThat(events.get(events.size() - 1).type()).isEqualTo("audit_result");
            }
            assertThat(store.history(HistoryQuery.all()).total()).isEqualTo(writers);
            assertThat(store.writerStats().failures()).isZero();
            assertThat(store.writerStats().maxBatch()).as("concurrent units share commits").isGreaterThan(1);
        }
    }

    @Test
    void readersKeepReadingDuringAWriteStorm() throws Exception {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir))) {
            AuditId known = writeUnit(store, 0);
            AtomicBoolean storm = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicInteger readsDuringStorm = new AtomicInteger();
            List<Long> totalsSeen = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(pool.submit(() -> {
                    while (storm.get()) {
                        try {
                            long total = store.history(HistoryQuery.builder().limit(20).build()).total();
                            totalsSeen.add(total);
                            assertThat(store.get(known).findings()).hasSize(20);
                            if (storm.get()) {
                                readsDuringStorm.incrementAndGet();
                            }
                        } catch (Throwable t) {
                            errors.add(t);
                        }
                    }
                }));
            }
            List<Future<?>> writers = new ArrayList<>();
            AtomicInteger next = new AtomicInteger(1);
            for (int w = 0; w < 8; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        writeUnit(store, next.getAndIncrement());
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get(120, TimeUnit.SECONDS);
            }
            storm.set(false);
            for (Future<?> f : readers) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(errors).isEmpty();
            assertThat(readsDuringStorm.get()).as("readers were not held up until the writes ended").isGreaterThan(20);
            // Readers saw the history grow while it was written: they read between commits, not after them.
            assertThat(totalsSeen.stream().distinct().count()).isGreaterThan(5);
            assertThat(store.history(HistoryQuery.all()).total()).isEqualTo(201);
        }
    }

    @Test
    void theDatabaseFileIsInWalMode() throws Exception {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir))) {
            writeUnit(store, 1);
            assertThat(store.check().settings()).containsEntry("journal_mode", "wal");
        }
        // WAL is a property of the file: a fresh connection that asks for nothing still finds it.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("veritas.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }
}
