package dev.veritas.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitWriterTest {
    @TempDir
    Path dir;
    Connection connection;
    GroupCommitWriter writer;
    WriterStats stats = new WriterStats();

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w.db"));
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("CREATE TABLE t (v INTEGER PRIMARY KEY)");
        }
        writer = new GroupCommitWriter(connection, 1000, 512, Duration.ofSeconds(5), Duration.ZERO,
                e -> new IllegalStateException(e.getMessage(), e), stats, "test-writer");
    }

    @AfterEach
    void close() throws SQLException {
        writer.close();
        connection.close();
    }

    @Test
    void unitsQueuedTogetherCommitTogetherAndABadOneFailsAlone() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Hold the writer inside a unit so the next units pile up in the queue and form one group.
        CompletableFuture<Object> blocker = writer.submit(tx -> {
            writerBusy.countDown();
            awaitQuietly(release);
            insert(tx.connection(), 0);
            return null;
        });
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Object>> units = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int v = i;
            units.add(writer.submit(tx -> {
                insert(tx.connection(), v);
                if (v == 5) {
                    insert(tx.connection(), 1005);
                    throw new SQLException("unit 5 is bad");
                }
                return null;
            }));
        }
        release.countDown();
        blocker.join();
        for (int i = 0; i < units.size(); i++) {
            CompletableFuture<Object> f = units.get(i);
            if (i + 1 == 5) {
                assertThat(f).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                        .withMessageContaining("unit 5 is bad");
            } else {
                assertThat(f).succeedsWithin(Duration.ofSeconds(10));
            }
        }
        assertThat(values()).containsExactly(0, 1, 2, 3, 4, 6, 7, 8, 9, 10);
        assertThat(stats.maxBatch()).isGreaterThanOrEqualTo(10);
        assertThat(stats.batches()).isLessThanOrEqualTo(3);
    }

    @Test
    void aFutureCompletesOnlyAfterCommit() throws Exception {
        writer.submit(tx -> {
            insert(tx.connection(), 42);
            return null;
        }).join();
        // A second connection sees the row as soon as the future is done: it was committed, not merely executed.
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w.db"));
             Statement st = other.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM t WHERE v = 42")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void closeCommitsWhatIsQueuedAndRefusesNewWork() throws Exception {
        List<CompletableFuture<Object>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int v = i;
            futures.add(writer.submit(tx -> {
                insert(tx.connection(), v);
                return null;
            }));
        }
        writer.close();
        futures.forEach(CompletableFuture::join);
        assertThat(values()).hasSize(200);
        CompletableFuture<Object> late = writer.submit(tx -> null);
        assertThat(late).isCompletedExceptionally();
        try {
            late.join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).hasMessageContaining("closed");
        }
    }

    private static void insert(Connection c, int v) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO t (v) VALUES (" + v + ")");
        }
    }

    private List<Integer> values() throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w.db"));
             Statement st = other.createStatement();
             ResultSet rs = st.executeQuery("SELECT v FROM t ORDER BY v")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
