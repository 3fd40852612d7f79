package dev.veritas.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rounds are run by hand (runOnce); the checkpointer's own thread sleeps for an hour and never runs in these tests. */
class WalCheckpointerTest {
    @TempDir
    Path dir;
    Connection writer;
    WalCheckpointer checkpointer;
    /** How the checkpointer stops the writer: here by running its action at once, as a writer between groups would. */
    WalCheckpointer.WriterPause pause = action -> {
        action.run();
        return true;
    };
    final AtomicInteger pauses = new AtomicInteger();

    @BeforeEach
    void open() throws SQLException {
        writer = connect();
        try (Statement st = writer.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("PRAGMA busy_timeout=0"); // a write that had to wait for the checkpointer fails instead
            st.execute("CREATE TABLE t (v TEXT)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        if (checkpointer != null) {
            checkpointer.close();
        }
        writer.close();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w.db"));
    }

    /** A connection as the store makes it: with a long busy timeout, which the checkpointer must not use. */
    private WalCheckpointer checkpointer(long forceAbovePages) throws SQLException {
        Connection c = connect();
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout=60000");
        }
        checkpointer = new WalCheckpointer(c, Duration.ofHours(1), forceAbovePages, action -> {
            pauses.incrementAndGet();
            return pause.whilePaused(action);
        }, "test-checkpoint");
        return checkpointer;
    }

    private void write(int rows) throws SQLException {
        try (Statement st = writer.createStatement()) {
            for (int i = 0; i < rows; i++) {
                st.executeUpdate("INSERT INTO t VALUES ('" + "x".repeat(1000) + "')");
            }
        }
    }

    /** Opens a read transaction on {@code reader} and keeps it open (until commit): its snapshot lives in the WAL. */
    private static int readInATransaction(Connection reader) throws SQLException {
        reader.setAutoCommit(false);
        try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private long walBytes() throws Exception {
        Path wal = dir.resolve("w.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    @Test
    void aLargeWalIsTruncatedWhenNoReaderUsesIt() throws Exception {
        WalCheckpointer c = checkpointer(10);
        write(200);
        assertThat(walBytes()).isPositive();
        WalCheckpointer.Result r = c.runOnce();
        assertThat(r.busy()).isFalse();
        assertThat(c.truncations()).isEqualTo(1);
        assertThat(pauses).as("an idle writer need not be stopped").hasValue(0);
        assertThat(walBytes()).isZero();
    }

    @Test
    void aSmallWalIsOnlyCopiedNotTruncated() throws Exception {
        WalCheckpointer c = checkpointer(100_000);
        write(50);
        long before = walBytes();
        WalCheckpointer.Result r = c.runOnce();
        assertThat(r.copiedAll()).isTrue();
        assertThat(c.truncations()).isZero();
        assertThat(walBytes()).isEqualTo(before);
    }

    /**
     * A reader holds a snapshot that lives in the WAL. Truncating must wait for it, and a checkpoint that waited
     * would hold the write lock meanwhile (for the connection's 60 s busy timeout). The round must give up at once.
     */
    @Test
    @Timeout(20)
    void aLongLivedReaderNeverMakesTheWriterWait() throws Exception {
        WalCheckpointer c = checkpointer(10);
        write(200);
        try (Connection reader = connect()) {
            assertThat(readInATransaction(reader)).isEqualTo(200);
            WalCheckpointer.Result r = c.runOnce();
            assertThat(r.busy()).as("the truncation could not complete while the reader is open").isTrue();
            assertThat(c.truncations()).isZero();
            assertThat(pauses).as("the second try, with the writer stopped, waited a moment for the reader").hasValue(1);
            write(1); // busy_timeout=0: fails at once if the checkpoint still held the write lock
            reader.commit();
        }
        c.runOnce();
        assertThat(c.truncations()).as("the next round, with the reader gone, truncates").isEqualTo(1);
        assertThat(walBytes()).isZero();
    }

    /**
     * A reader's snapshot keeps the frames written after it from being copied, as the writer's appends do under
     * unbroken writes: the round stops the writer, copies the rest and empties the file once the reader has gone.
     */
    @Test
    void aLargeWalThatCannotBeEmptiedAtOnceIsEmptiedWithTheWriterStopped() throws Exception {
        WalCheckpointer c = checkpointer(10);
        write(50);
        try (Connection reader = connect()) {
            readInATransaction(reader); // its snapshot keeps the next rows' frames from being copied
            write(200);
            pause = action -> {
                try {
                    reader.commit(); // the reader finishes while the writer is stopped
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                action.run();
                return true;
            };
            WalCheckpointer.Result r = c.runOnce();
            assertThat(r.busy()).isFalse();
        }
        assertThat(pauses).hasValue(1);
        assertThat(c.writerPauses()).isEqualTo(1);
        assertThat(c.truncations()).isEqualTo(1);
        assertThat(walBytes()).isZero();
    }

    @Test
    void aWriterThatCannotBeStoppedInTimeIsLeftAloneUntilTheNextRound() throws Exception {
        WalCheckpointer c = checkpointer(10);
        write(50);
        try (Connection reader = connect()) {
            readInATransaction(reader); // its snapshot keeps the next rows' frames from being copied
            write(200);
            pause = action -> false;
            WalCheckpointer.Result r = c.runOnce();
            assertThat(r.copiedAll()).isFalse();
            assertThat(c.writerPauses()).isZero();
            assertThat(c.truncations()).isZero();
            reader.commit();
        }
        pause = action -> {
            action.run();
            return true;
        };
        c.runOnce();
        assertThat(c.truncations()).isEqualTo(1);
        assertThat(walBytes()).isZero();
    }
}
