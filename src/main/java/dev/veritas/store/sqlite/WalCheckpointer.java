package dev.veritas.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL back into the database file on its own thread and connection. Left to SQLite, that copy
 * (with its fsync) happens inside whichever commit crosses the WAL size limit, stalling the writer and
 * every caller waiting on it; here the writer keeps appending while pages are copied. PASSIVE checkpoints
 * never block the writer or readers; if the WAL still grows past {@code forceAbovePages} (readers that
 * never let go), a RESTART checkpoint waits briefly for them so the file cannot grow without bound.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

    private final Connection connection;
    private final Duration interval;
    private final long forceAbovePages;
    private final Thread thread;
    private final LongAdder checkpoints = new LongAdder();
    private volatile boolean running = true;

    WalCheckpointer(Connection connection, Duration interval, long forceAbovePages, String name) {
        this.connection = connection;
        this.interval = interval;
        this.forceAbovePages = forceAbovePages;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (running) {
            try {
                // A periodic task, not synchronisation: nothing waits for this thread.
                TimeUnit.MILLISECONDS.sleep(interval.toMillis());
                long walPages = checkpoint("PASSIVE");
                if (walPages > forceAbovePages) {
                    checkpoint("RESTART");
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                if (running) {
                    log.debug("WAL checkpoint skipped: {}", e.getMessage());
                }
            }
        }
    }

    /** Returns the WAL's size in pages before the checkpoint. */
    private long checkpoint(String mode) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            checkpoints.increment();
            return rs.next() ? rs.getLong(2) : 0;
        }
    }

    long checkpoints() {
        return checkpoints.sum();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a checkpoint connection cannot lose data
        }
    }
}
