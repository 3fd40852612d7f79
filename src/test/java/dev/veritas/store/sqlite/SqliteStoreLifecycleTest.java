package dev.veritas.store.sqlite;

import static dev.veritas.store.sqlite.SqliteConcurrencyTest.writeUnit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.AuditId;
import dev.veritas.store.OnlineBackup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Opening and closing the SQLite store: connection settings, the WAL on close, a writer that outlives close, online backup. */
class SqliteStoreLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void synchronousFullFlushesTheWalBeforeEveryAcknowledgement() {
        // At FULL the connection commits at NORMAL and the store flushes the WAL itself, behind the writer (WalSyncer).
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir.resolve("full")).withSynchronous(SqliteOptions.Synchronous.FULL))) {
            assertThat(writeConnectionPragma(store, "synchronous")).isEqualTo(1);
            assertThat(store.flushesWalBeforeAcknowledging()).isTrue();
            assertThat(store.check().settings()).containsEntry("synchronous", "full");
            assertThat(store.check().ok()).isTrue();
        }
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir.resolve("normal")))) {
            assertThat(writeConnectionPragma(store, "synchronous")).isEqualTo(1);
            assertThat(store.flushesWalBeforeAcknowledging()).isFalse();
            assertThat(store.check().settings()).containsEntry("synchronous", "normal");
        }
    }

    /** check reads the setting from the connection rather than repeating the option it was opened with. */
    @Test
    void checkReportsWhatTheWriteConnectionActuallyUses() {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir))) {
            store.write(tx -> {
                try (Statement st = tx.connection().createStatement()) {
                    st.execute("PRAGMA busy_timeout=1234"); // synchronous cannot change inside the writer's transaction
                }
                return null;
            });
            assertThat(store.check().settings()).containsEntry("busy_timeout", "1234 ms");
        }
    }

    @Test
    void checkReportsForeignKeysAndBusyTimeoutOfTheWriteConnection() {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir))) {
            assertThat(writeConnectionPragma(store, "foreign_keys")).isEqualTo(1);
            assertThat(store.check().settings()).containsEntry("foreign_keys", "on").containsEntry("busy_timeout", "5000 ms");
            assertThat(store.check().ok()).isTrue();
        }
    }

    /**
     * Another connection stays open, as another process would: SQLite then does not checkpoint on its own when the
     * store's last connection closes, so an empty WAL after close is the store's own doing.
     */
    @Test
    void closingCheckpointsTheWalIntoTheDatabaseFile() throws Exception {
        Path wal = dir.resolve("veritas.db-wal");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("veritas.db"))) {
            SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir));
            for (int i = 0; i < 20; i++) {
                writeUnit(store, i);
            }
            assertThat(Files.size(wal)).as("writes went to the WAL first").isPositive();
            assertThat(count(other, "audits")).isEqualTo(20); // from here on the other connection shares the WAL
            store.close();
            assertThat(Files.exists(wal) ? Files.size(wal) : 0).isZero();
            assertThat(count(other, "audits")).isEqualTo(20);
        }
    }

    private static int count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A unit still running when close gives up waiting must commit: close leaves the connection to the writer. */
    @Test
    @Timeout(60)
    void closeNeverClosesTheWriteConnectionUnderARunningUnit() throws Exception {
        SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir), Duration.ofMillis(20));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> stuck = CompletableFuture.supplyAsync(() -> store.write(tx -> {
            inside.countDown();
            awaitQuietly(release);
            try (Statement st = tx.connection().createStatement()) {
                st.execute("CREATE TABLE close_probe (v INTEGER)");
                st.execute("INSERT INTO close_probe VALUES (1)");
            }
            return null;
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        store.close(); // gives up waiting after 20 ms
        assertThat(store.writerStopped()).isNotDone();
        release.countDown();
        assertThat(stuck).succeedsWithin(Duration.ofSeconds(10));
        assertThat(store.writerStopped()).succeedsWithin(Duration.ofSeconds(10));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("veritas.db"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM close_probe")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    /** The copy is one snapshot taken while writes go on: everything acknowledged before it started is in it, and it is intact. */
    @Test
    @Timeout(120)
    void aBackupTakenDuringWritesHoldsEveryAuditAcknowledgedBeforeIt() throws Exception {
        Path backup = dir.resolve("backup.db");
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir.resolve("data")))) {
            ConcurrentLinkedQueue<AuditId> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger next = new AtomicInteger();
            CountDownLatch enough = new CountDownLatch(200);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(pool.submit(() -> {
                    while (writing.get()) {
                        acknowledged.add(writeUnit(store, next.getAndIncrement()));
                        enough.countDown();
                    }
                    return null;
                }));
            }
            assertThat(enough.await(60, TimeUnit.SECONDS)).isTrue();
            Set<AuditId> before = new HashSet<>(acknowledged);
            OnlineBackup.Report report = store.backup(backup);
            writing.set(false);
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(report.audits()).isGreaterThanOrEqualTo(before.size());

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("ok");
                }
                Set<AuditId> copied = new HashSet<>();
                try (ResultSet rs = st.executeQuery("SELECT id FROM audits")) {
                    while (rs.next()) {
                        copied.add(new AuditId(rs.getString(1)));
                    }
                }
                assertThat(copied).containsAll(before);
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_findings")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("each audit's findings came along").isGreaterThanOrEqualTo(20L * before.size());
                }
            }
        }
    }

    private static int writeConnectionPragma(SqliteAuditStore store, String pragma) {
        return store.write(tx -> {
            try (Statement st = tx.connection().createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
