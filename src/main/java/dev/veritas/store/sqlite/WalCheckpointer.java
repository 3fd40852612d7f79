package dev.veritas.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL back into the database file on its own thread and connection. Left to SQLite, that copy
 * (with its fsync) happens inside whichever commit crosses the WAL size limit, stalling the writer and
 * every caller waiting on it; here the writer keeps appending while pages are copied.
 *
 * <p>Every round is a PASSIVE checkpoint, which never waits for the writer or readers. Once the WAL has grown past
 * {@code forceAbovePages} and PASSIVE has copied all of it, a TRUNCATE checkpoint empties the file. TRUNCATE holds
 * the write lock while it waits for readers, so it runs with a busy timeout of 0: if a reader still uses the WAL
 * it gives up at once and the next round tries again. (RESTART with the connection's busy timeout, as before, held
 * the write lock for up to that timeout whenever a long read was open: every write waited behind it.)
 *
 * <p>Under unbroken writes the WAL is never emptied: a PASSIVE round may copy all of it, but TRUNCATE then finds the
 * writer inside a transaction, and SQLite starts the WAL again from its beginning only when a transaction begins with
 * everything copied, which the writer's next append has always spoiled. So it grew without end (about 1 GB after
 * 10,000 benchmark units; every read and write then searches a larger WAL index). When a WAL past
 * {@code forceAbovePages} cannot be emptied at once, the round stops the writer between two groups
 * ({@code pauseWriter}), copies the rest and empties the file, waiting at most {@link #READERS_WAIT} for readers, then
 * lets the writer go on. Even when a reader keeps the file from being emptied, everything is copied by then, and the
 * writer's next transaction starts the WAL again from its beginning.
 */
final class WalCheckpointer {
    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

    private final Connection connection;
    private final Duration interval;
    private final long forceAbovePages;
    private final WriterPause pauseWriter;
    private final LongAdder writerPauses = new LongAdder();
    /** How long a checkpoint made while the writer is paused waits for readers to leave the WAL. */
    static final Duration READERS_WAIT = Duration.ofMillis(50);

    /** Runs an action while the writer is stopped between groups; false if the writer could not be stopped in time. */
    @FunctionalInterface
    interface WriterPause {
        boolean whilePaused(Runnable action);
    }
    private final Thread thread;
    private final LongAdder checkpoints = new LongAdder();
    private final LongAdder truncations = new LongAdder();
    private volatile boolean running = true;

    /** What one checkpoint reported: the WAL's size in pages and how many of them are now in the database file. */
    record Result(boolean busy, long walPages, long copiedPages) {
        boolean copiedAll() {
            return !busy && copiedPages == walPages;
        }
    }

    WalCheckpointer(Connection connection, Duration interval, long forceAbovePages, WriterPause pauseWriter, String name)
            throws SQLException {
        this.connection = connection;
        this.pauseWriter = pauseWriter;
        this.interval = interval;
        this.forceAbovePages = forceAbovePages;
        try (Statement st = connection.createStatement()) {
            // Never wait for a lock: a checkpoint that cannot run now runs next round, a writer must not wait for it.
            st.execute("PRAGMA busy_timeout=0");
        }
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        try {
            while (running) {
                try {
                    // A periodic task, not synchronisation: nothing waits for this thread.
                    TimeUnit.MILLISECONDS.sleep(interval.toMillis());
                    runOnce();
                } catch (InterruptedException e) {
                    return;
                } catch (SQLException e) {
                    if (running) {
                        log.debug("WAL checkpoint skipped: {}", e.getMessage());
                    }
                }
            }
        } finally {
            // The connection is this thread's: closing it here means close() never pulls it from under a checkpoint.
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a checkpoint connection cannot lose data
            }
        }
    }

    /**
     * One round: PASSIVE; if the WAL is large, TRUNCATE, at once when the writer is idle and all is copied, else with
     * the writer paused between two groups.
     */
    Result runOnce() throws SQLException {
        Result passive = checkpoint("PASSIVE");
        if (passive.walPages() <= forceAbovePages) {
            return passive;
        }
        if (passive.copiedAll()) {
            Result truncate = checkpoint("TRUNCATE");
            if (!truncate.busy()) {
                truncations.increment();
                return truncate;
            }
        }
        return catchUpWithTheWriterPaused().orElse(passive);
    }

    private Optional<Result> catchUpWithTheWriterPaused() throws SQLException {
        Result[] result = new Result[1];
        SQLException[] failure = new SQLException[1];
        boolean paused = pauseWriter.whilePaused(() -> {
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA busy_timeout=" + READERS_WAIT.toMillis());
                try {
                    result[0] = checkpoint("TRUNCATE");
                } finally {
                    st.execute("PRAGMA busy_timeout=0");
                }
            } catch (SQLException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        if (!paused) {
            return Optional.empty();
        }
        writerPauses.increment();
        if (!result[0].busy()) {
            truncations.increment();
        }
        return Optional.of(result[0]);
    }

    private Result checkpoint(String mode) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            checkpoints.increment();
            return rs.next() ? new Result(rs.getInt(1) != 0, rs.getLong(2), rs.getLong(3)) : new Result(true, 0, 0);
        }
    }

    long checkpoints() {
        return checkpoints.sum();
    }

    long truncations() {
        return truncations.sum();
    }

    /** How many times a round stopped the writer to catch up with it. */
    long writerPauses() {
        return writerPauses.sum();
    }

    void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
