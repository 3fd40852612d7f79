package dev.veritas.store.sqlite;

import static dev.veritas.store.sqlite.SqliteConcurrencyTest.writeUnit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Closing the SQLite store: the WAL on close, a writer that outlives close. */
class SqliteStoreLifecycleTest {
    @TempDir
    Path dir;

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

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
