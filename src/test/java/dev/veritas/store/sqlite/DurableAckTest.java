package dev.veritas.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veritas.store.StoreHealth;
import dev.veritas.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * At synchronous=FULL a write is acknowledged only once the WAL holding it is on the disk, the flush runs behind the
 * writer (which commits the next group meanwhile), and a flush that fails is never reported as a durable write.
 */
@Timeout(60)
class DurableAckTest {
    @TempDir
    Path dir;

    Connection connection;
    GroupCommitWriter writer;
    WalSyncer syncer;

    /** A WAL file whose flush waits until the test lets it finish, and counts how often it ran. */
    static final class GatedWal implements WalSyncer.WalFile {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger flushes = new AtomicInteger();

        @Override
        public void force() throws IOException {
            flushes.incrementAndGet();
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public void close() {
        }
    }

    private void open(WalSyncer.WalFile wal) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w.db"));
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=NORMAL");
            st.execute("CREATE TABLE t (v INTEGER PRIMARY KEY)");
        }
        syncer = new WalSyncer(wal, "test-wal-sync");
        writer = new GroupCommitWriter(connection, 1000, 512, Duration.ofSeconds(5), Optional.of(syncer),
                e -> new IllegalStateException(e.getMessage(), e), new WriterStats(), "test-writer");
    }

    @AfterEach
    void close() throws SQLException {
        if (writer != null) {
            writer.close();
            syncer.close();
            connection.close();
        }
    }

    @Test
    void aWriteIsAcknowledgedOnlyAfterTheWalIsFlushedAndTheWriterGoesOnMeanwhile() throws Exception {
        GatedWal wal = new GatedWal();
        open(wal);

        assertThat(syncer.flushRunningNanos()).isEmpty();
        CompletableFuture<Integer> first = writer.submit(tx -> IntTable.insert(tx.connection(), 1));
        assertThat(wal.entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(first).isNotDone();
        // A disk that does not answer shows as a flush that keeps running (the store's health reports it past 30 s).
        assertThat(syncer.flushRunningNanos()).isPresent();
        // Committed (a reader sees it) but not acknowledged while the disk has not confirmed it.
        assertThat(values()).containsExactly(1);

        // The writer is not held up by the flush: the next write commits while the first still waits for the disk.
        CompletableFuture<Integer> second = writer.submit(tx -> IntTable.insert(tx.connection(), 2));
        awaitRows(2);
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();

        wal.release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(wal.flushes.get()).isEqualTo(2);
        assertThat(syncer.flushRunningNanos()).isEmpty();
    }

    @Test
    void groupsCommittedDuringOneFlushShareTheNext() throws Exception {
        GatedWal wal = new GatedWal();
        open(wal);
        List<CompletableFuture<Integer>> writes = new ArrayList<>();
        writes.add(writer.submit(tx -> IntTable.insert(tx.connection(), 0)));
        assertThat(wal.entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int v = 1; v <= 5; v++) {
            int value = v;
            // One at a time, so each is its own group: five commits waiting behind the first flush.
            writes.add(writer.submit(tx -> IntTable.insert(tx.connection(), value)));
            awaitRows(value + 1);
        }
        awaitWaiting(5);
        wal.release.countDown();
        for (CompletableFuture<Integer> w : writes) {
            assertThat(w.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(wal.flushes.get()).isEqualTo(2);
        assertThat(syncer.flushes()).isEqualTo(2);
        assertThat(syncer.groups()).isEqualTo(6);
    }

    @Test
    void aFailedFlushFailsTheWritesItCoveredAndEveryWriteAfterItWithAClearMessage() throws Exception {
        open(new WalSyncer.WalFile() {
            @Override
            public void force() throws IOException {
                throw new IOException("Input/output error");
            }

            @Override
            public void close() {
            }
        });
        assertUndurable(writer.submit(tx -> IntTable.insert(tx.connection(), 1)));
        assertThat(syncer.failure()).isPresent();
        // The row reached the database; what the error says is that the disk never confirmed it.
        assertThat(values()).containsExactly(1);
        // Later writes are refused before they are made: written and then reported failed, a retry would write them twice.
        assertThatThrownBy(() -> writer.submit(tx -> IntTable.insert(tx.connection(), 2)).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("this write was not made: the disk failed to make earlier writes durable")
                .hasMessageContaining("Input/output error");
        assertThat(values()).containsExactly(1);
    }

    @Test
    void aFullStoreWhoseFlushFailsReportsAStorageErrorInItsHealth() {
        SqliteOptions options = SqliteOptions.defaults(dir.resolve("store")).withSynchronous(SqliteOptions.Synchronous.FULL);
        try (SqliteAuditStore store = SqliteAuditStore.open(options, o -> new WalSyncer.WalFile() {
            @Override
            public void force() throws IOException {
                throw new IOException("Input/output error");
            }

            @Override
            public void close() {
            }
        })) {
            assertThat(store.health().condition()).isEqualTo(StoreHealth.Condition.OK);
            assertThatThrownBy(() -> store.write(tx -> {
                try (Statement st = tx.connection().createStatement()) {
                    st.execute("CREATE TABLE scratch (x)");
                }
                return null;
            })).hasMessageContaining("may be lost if the machine loses power").hasMessageContaining("check the disk");
            StoreHealth health = store.health();
            assertThat(health.condition()).isEqualTo(StoreHealth.Condition.STORAGE_ERROR);
            assertThat(health.detail()).contains("flushing writes to the disk failed").contains("Input/output error");
        }
    }

    @Test
    void closingAnswersEveryGroupHandedOverWithARealFlush() throws Exception {
        Path file = Files.createFile(dir.resolve("wal"));
        WalSyncer real = new WalSyncer(WalSyncer.WalFile.of(file), "test-close");
        AtomicInteger durable = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            real.whenDurable(durable::incrementAndGet, e -> { });
        }
        real.close();
        assertThat(durable).hasValue(50);
        assertThat(real.groups()).isEqualTo(50);
        // Handed over after close: answered at once by the caller's thread, as not confirmed, never left waiting; and
        // not mistaken for a failing disk.
        List<RuntimeException> refused = new ArrayList<>();
        real.whenDurable(durable::incrementAndGet, refused::add);
        assertThat(durable).hasValue(50);
        assertThat(refused).singleElement().extracting(Throwable::getMessage).asString().contains("closed");
        assertThat(real.failure()).isEmpty();
    }

    @Test
    void afterCommitActionsWaitForTheFlushLikeTheirCaller() throws Exception {
        GatedWal wal = new GatedWal();
        open(wal);
        CountDownLatch actionRan = new CountDownLatch(1);
        CompletableFuture<Integer> write = writer.submit(tx -> {
            // e.g. deleting a deleted audit's screenshot files: a power cut before the flush would undo the delete
            tx.afterCommit(actionRan::countDown);
            return IntTable.insert(tx.connection(), 1);
        });
        assertThat(wal.entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(values()).containsExactly(1);
        assertThat(actionRan.getCount()).as("not run while the commit is not yet on the disk").isEqualTo(1);
        wal.release.countDown();
        assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(actionRan.getCount()).as("run before the caller is answered").isZero();
    }

    /** SQLite keeps the WAL beside the file a symbolic link points to; that is the file to flush, none other. */
    @Test
    void aDatabaseReachedThroughASymbolicLinkHasItsRealWalFlushed() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createFile(real.resolve("veritas.db"));
        Files.createSymbolicLink(data.resolve("veritas.db"), real.resolve("veritas.db"));
        SqliteOptions options = SqliteOptions.defaults(data).withSynchronous(SqliteOptions.Synchronous.FULL);
        try (SqliteAuditStore store = SqliteAuditStore.open(options)) {
            store.write(tx -> {
                try (Statement st = tx.connection().createStatement()) {
                    st.execute("CREATE TABLE scratch (x)");
                }
                return null;
            });
            assertThat(real.resolve("veritas.db-wal")).exists();
            assertThat(data.resolve("veritas.db-wal")).as("no stray file beside the link").doesNotExist();
            assertThat(store.check().settings()).containsEntry("synchronous", "full");
        }
    }

    private static void assertUndurable(CompletableFuture<Integer> write) {
        assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("reached the database, but the disk reported an error while making it durable (Input/output error)")
                .hasMessageContaining("may be lost if the machine loses power");
    }

    private List<Integer> values() throws SQLException {
        return IntTable.values(dir.resolve("w.db"));
    }

    /** Waits for a commit by reading the table: a condition, not a pause. */
    private void awaitRows(int count) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (values().size() < count) {
            assertThat(System.nanoTime()).as("rows committed in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** Waits until the writer has handed this many committed groups to the syncer. */
    private void awaitWaiting(int groups) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (syncer.waiting() < groups) {
            assertThat(System.nanoTime()).as("groups handed to the syncer in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
