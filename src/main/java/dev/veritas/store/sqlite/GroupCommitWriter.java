package dev.veritas.store.sqlite;

import dev.veritas.store.StoreUnavailableException;
import dev.veritas.store.jdbc.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The only writer of a SQLite database in this process. SQLite lets one connection write at a time, so
 * instead of many threads fighting for the lock, one thread owns the write connection, takes every unit
 * of work waiting in its queue and commits them together ("group commit"): one transaction, one WAL
 * append (and at synchronous=FULL one fsync) for the whole group.
 *
 * <p>Each unit runs inside its own SAVEPOINT, so a unit that fails is rolled back alone and its
 * neighbours still commit. A caller's future completes only after COMMIT has returned: an acknowledged
 * write is in the database file.
 */
final class GroupCommitWriter {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final Connection connection;
    private final BlockingQueue<Unit<?>> queue;
    private final int maxBatch;
    private final Duration lockWait;
    private final long gatherNanos;
    private final Function<SQLException, RuntimeException> translate;
    private final WriterStats stats;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Thread thread;
    private final Duration closeWait;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean closing;
    /**
     * Set by the writer thread before its last look at the queue. A unit put after that look would wait forever,
     * so whoever puts a unit and then finds this set drains the queue itself (see {@link #enqueue}).
     */
    private volatile boolean finished;

    private record Unit<T>(Tx.Work<T> work, CompletableFuture<T> future, long submittedNanos) {}

    GroupCommitWriter(Connection connection, int queueCapacity, int maxBatch, Duration lockWait, Duration gather,
                      Function<SQLException, RuntimeException> translate, WriterStats stats, String name) {
        this(connection, queueCapacity, maxBatch, lockWait, gather, translate, stats, name, Duration.ofSeconds(60));
    }

    /** @param closeWait how long {@link #close()} waits for the queued units to be committed */
    GroupCommitWriter(Connection connection, int queueCapacity, int maxBatch, Duration lockWait, Duration gather,
                      Function<SQLException, RuntimeException> translate, WriterStats stats, String name, Duration closeWait) {
        this.connection = connection;
        this.closeWait = closeWait;
        this.gatherNanos = gather.toNanos();
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.lockWait = lockWait;
        this.translate = translate;
        this.stats = stats;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(false);
        this.thread.start();
    }

    <T> CompletableFuture<T> submit(Tx.Work<T> work) {
        if (closing || finished) {
            return CompletableFuture.failedFuture(closed());
        }
        return enqueue(work);
    }

    /**
     * The part of {@link #submit} after the closing check. close() may run between that check and the put, and the
     * writer may then already have taken its last look at the queue; the check after the put catches exactly that.
     */
    <T> CompletableFuture<T> enqueue(Tx.Work<T> work) {
        Unit<T> unit = new Unit<>(work, new CompletableFuture<>(), System.nanoTime());
        try {
            // A full queue makes producers wait: back-pressure instead of unbounded memory.
            queue.put(unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unit.future.completeExceptionally(new StoreUnavailableException("interrupted while waiting to write", e));
            return unit.future;
        }
        if (finished) {
            // The writer set `finished` before its final drain: if that drain missed this unit, nobody else will take it.
            failQueued();
        }
        return unit.future;
    }

    private void loop() {
        List<Unit<?>> batch = new ArrayList<>(maxBatch);
        try {
            while (true) {
                Unit<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        break;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                if (gatherNanos > 0 && batch.size() < maxBatch) {
                    // When every commit pays an fsync (synchronous=FULL), waiting a moment for more units costs less
                    // than the fsync they would otherwise each pay.
                    Unit<?> more = queue.poll(gatherNanos, TimeUnit.NANOSECONDS);
                    if (more != null) {
                        batch.add(more);
                        queue.drainTo(batch, maxBatch - batch.size());
                    }
                }
                commit(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            log.error("the database writer stopped unexpectedly", t);
            batch.forEach(u -> u.future.completeExceptionally(t));
        } finally {
            finished = true;
            failQueued();
            stopped.complete(null);
        }
    }

    /** Fails every unit still queued; safe from any thread: each unit is taken by one poll only. */
    private void failQueued() {
        Unit<?> left;
        while ((left = queue.poll()) != null) {
            left.future.completeExceptionally(closing
                    ? new StoreUnavailableException("the audit store is closing; this write was not made", null)
                    : new StoreUnavailableException("the database writer stopped after an error (see the log); restart Veritas", null));
        }
    }

    private void commit(List<Unit<?>> batch) {
        long started = System.nanoTime();
        try {
            begin();
        } catch (SQLException e) {
            failAll(batch, translate.apply(e));
            return;
        }
        Object[] results = new Object[batch.size()];
        Throwable[] errors = new Throwable[batch.size()];
        List<Runnable> hooks = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Tx tx = new Tx(connection, statements);
            try {
                exec("SAVEPOINT unit");
                results[i] = batch.get(i).work.run(tx);
                exec("RELEASE unit");
                hooks.addAll(tx.afterCommitActions());
            } catch (Throwable t) {
                errors[i] = t instanceof SQLException sql ? translate.apply(sql) : t;
                if (!rollbackUnit()) {
                    // The failure ended the whole transaction (disk full, I/O error): nothing in it was written.
                    rollbackQuietly();
                    RuntimeException cause = errors[i] instanceof RuntimeException r ? r : new StoreUnavailableException("write failed", errors[i]);
                    failAll(batch, cause);
                    stats.recordFailure();
                    return;
                }
            }
        }
        try {
            exec("COMMIT");
        } catch (SQLException e) {
            rollbackQuietly();
            failAll(batch, translate.apply(e));
            stats.recordFailure();
            return;
        }
        long committed = System.nanoTime();
        stats.recordBatch(batch.size(), committed - started);
        // After-commit actions (file deletion, reader wake-ups) run before callers are released,
        // so a caller that returns from delete() finds the files already gone.
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                log.warn("an after-commit action failed: {}", e.getMessage());
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            @SuppressWarnings("unchecked")
            Unit<Object> unit = (Unit<Object>) batch.get(i);
            stats.recordAck(committed - unit.submittedNanos);
            if (errors[i] != null) {
                unit.future.completeExceptionally(errors[i]);
            } else {
                unit.future.complete(results[i]);
            }
        }
    }

    /**
     * BEGIN IMMEDIATE takes the write lock up front; if another process holds it, SQLite's busy handler waits
     * (busy_timeout) and we keep asking until {@code lockWait} has passed, so a busy neighbour means a wait, not an error.
     */
    private void begin() throws SQLException {
        long deadline = System.nanoTime() + lockWait.toNanos();
        while (true) {
            try {
                exec("BEGIN IMMEDIATE");
                return;
            } catch (SQLiteException e) {
                int primary = e.getResultCode().code & 0xff;
                boolean busy = primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
                if (!busy || System.nanoTime() > deadline) {
                    throw e;
                }
                stats.recordBusyRetry();
            }
        }
    }

    private boolean rollbackUnit() {
        try {
            exec("ROLLBACK TO unit");
            exec("RELEASE unit");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void rollbackQuietly() {
        try {
            exec("ROLLBACK");
        } catch (SQLException ignored) {
            // already rolled back by SQLite itself
        }
    }

    private void exec(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        ps.execute();
    }

    private static void failAll(List<Unit<?>> batch, RuntimeException cause) {
        batch.forEach(u -> u.future.completeExceptionally(cause));
    }

    private StoreUnavailableException closed() {
        return closing
                ? new StoreUnavailableException("the audit store is closed", null)
                : new StoreUnavailableException("the database writer stopped after an error (see the log); restart Veritas", null);
    }

    /**
     * Stops taking work, commits what is queued, and waits up to {@code closeWait} for the thread to finish.
     *
     * @return true if the writer has stopped; false if it is still committing (a unit stuck waiting for a lock), in
     *         which case it still owns the connection: see {@link #stopped()}
     */
    boolean close() {
        closing = true;
        try {
            thread.join(Math.max(1, closeWait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            return false;
        }
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing the connection next releases it anyway
            }
        }
        statements.clear();
        return true;
    }

    /** Completes on the writer thread once it has finished its last unit and will not touch the connection again. */
    CompletableFuture<Void> stopped() {
        return stopped;
    }

    boolean isOnWriterThread() {
        return Thread.currentThread() == thread;
    }
}
