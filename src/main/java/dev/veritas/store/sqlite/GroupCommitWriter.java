package dev.veritas.store.sqlite;

import dev.veritas.store.StoreUnavailableException;
import dev.veritas.store.jdbc.Tx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.core.DB;

/**
 * The only writer of a SQLite database in this process. SQLite lets one connection write at a time, so
 * instead of many threads fighting for the lock, one thread owns the write connection, takes every unit
 * of work waiting in its queue and commits them together ("group commit"): one transaction and one WAL
 * append for the whole group. At synchronous=FULL a {@link WalSyncer} flushes the WAL to the disk behind the writer and
 * acknowledges the group once it is there, while the writer commits the next one.
 *
 * <p>A unit that fails leaves its neighbours unharmed. Units run one after another inside the group's transaction
 * without a SAVEPOINT each (two statements per unit saved on the busiest path): a unit that fails before changing a
 * row (a refused transition, a fenced write) needs no undo, and SQLite undoes a failing statement itself; a unit that
 * fails after changing rows sends the transaction back, and the others run again without it. Units must therefore
 * have no effect outside the transaction other than their after-commit actions.
 *
 * <p>A storage fault (disk full, I/O error) fails the units it touches with a clear error; the transaction is rolled
 * back, the cached statements are discarded (SQLite may have finalised them), and the writer goes on: once space is
 * back, writes succeed without a restart. A caller's future completes only after COMMIT has returned (at FULL, after
 * the WAL holding it is on the disk), and a unit that was committed is never reported as failed, whatever happens after
 * the commit, unless the disk fails to make it durable at FULL. If the writer thread dies anyway, a
 * new one is started (with a growing pause if it keeps dying) and units wait in the queue meanwhile.
 */
final class GroupCommitWriter {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final Duration MAX_RESTART_PAUSE = Duration.ofSeconds(5);

    /** Runs a restart of the writer thread after a pause; tests run it when they choose. */
    @FunctionalInterface
    interface Restarter {
        void schedule(Runnable restart, Duration pause);

        Restarter DELAYED = (restart, pause) ->
                CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS).execute(restart);
    }

    /** Why the writer thread is not running, since when, and how often it has died in a row. */
    record Down(String reason, Instant since, int deathsInARow) {}

    /** The last storage fault, until a commit succeeds again. */
    record Fault(RuntimeException error, Instant at) {}

    private final Connection connection;
    private final DB db;
    private final BlockingQueue<Unit<?>> queue;
    private final int maxBatch;
    private final Duration lockWait;
    private final Optional<WalSyncer> syncer;
    private final Function<SQLException, RuntimeException> translate;
    private final WriterStats stats;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final String name;
    private final Duration closeWait;
    private final Restarter restarter;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile Thread thread;
    private volatile boolean closing;
    /**
     * Set once the writer has stopped for good (closed), before its last look at the queue. A unit put after that look
     * would wait forever, so whoever puts a unit and then finds this set drains the queue itself (see {@link #enqueue}).
     */
    private volatile boolean finished;
    private volatile Optional<Down> down = Optional.empty();
    private volatile Optional<Fault> fault = Optional.empty();
    /** When the current group started (System.nanoTime), or 0 while the writer waits for work. */
    private volatile long groupStartedNanos;
    private int deathsInARow;
    /** A pause between groups that another thread asked for (see {@link #whilePaused}), until the writer takes it. */
    private final AtomicReference<Pause> pauseAsked = new AtomicReference<>();
    /** Counts transactions begun; writer thread only (see {@link #transaction()}). */
    private long transactions;

    /** One caller's unit of work and what became of it. Touched by the writer thread only, until its future completes. */
    private static final class Unit<T> {
        final Tx.Work<T> work;
        final CompletableFuture<T> future = new CompletableFuture<>();
        final long submittedNanos = System.nanoTime();
        T result;
        Throwable error;
        List<Runnable> afterCommit = List.of();
        /** COMMIT was sent with this unit in the transaction; {@link #committed} once it returned. */
        boolean commitSent;
        boolean committed;
        /** At FULL: handed to the WalSyncer, which answers the caller once the WAL is on the disk. */
        boolean handedToSyncer;

        Unit(Tx.Work<T> work) {
            this.work = work;
        }

        void settle() {
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(result);
            }
        }
    }

    GroupCommitWriter(Connection connection, int queueCapacity, int maxBatch, Duration lockWait, Optional<WalSyncer> syncer,
                      Function<SQLException, RuntimeException> translate, WriterStats stats, String name) {
        this(connection, queueCapacity, maxBatch, lockWait, syncer, translate, stats, name, Duration.ofSeconds(60), Restarter.DELAYED);
    }

    /**
     * @param syncer at synchronous=FULL (the connection committing at NORMAL), what makes committed groups durable before
     *               their callers are told; empty when an acknowledgement follows COMMIT at once
     * @param closeWait how long {@link #close()} waits for the queued units to be committed
     * @param restarter runs the start of a new writer thread when the last one died
     */
    GroupCommitWriter(Connection connection, int queueCapacity, int maxBatch, Duration lockWait, Optional<WalSyncer> syncer,
                      Function<SQLException, RuntimeException> translate, WriterStats stats, String name, Duration closeWait,
                      Restarter restarter) {
        this.connection = connection;
        try {
            this.db = connection.unwrap(SQLiteConnection.class).getDatabase();
            // In auto-commit mode sqlite-jdbc follows every statement that completes with "begin;" and, if that succeeds,
            // "commit;" (its emulation of JDBC auto-commit): inside this writer's transactions each such "begin;" fails,
            // which cost three native calls and an error message per statement, about 8% of the writer's CPU per unit.
            // With auto-commit off the driver leaves transactions alone; this writer begins and ends every one itself.
            // Turning it off makes the driver open a deferred transaction, which takes no lock and which the writer's
            // first ROLLBACK (see loop) ends. The driver would begin another only on commit() or rollback(), never called here.
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalArgumentException("the group-commit writer needs a SQLite connection", e);
        }
        this.closeWait = closeWait;
        this.syncer = syncer;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.lockWait = lockWait;
        this.translate = translate;
        this.stats = stats;
        this.name = name;
        this.restarter = restarter;
        startThread();
    }

    private void startThread() {
        Thread t = new Thread(this::loop, name);
        t.setDaemon(false);
        thread = t;
        t.start();
    }

    <T> CompletableFuture<T> submit(Tx.Work<T> work) {
        if (closing || finished) {
            return CompletableFuture.failedFuture(closed());
        }
        Optional<WalSyncer.Failure> undurable = syncer.flatMap(WalSyncer::failure);
        if (undurable.isPresent()) {
            // Committing it would write it and then report it failed: a caller that retried would write it twice.
            return CompletableFuture.failedFuture(new StoreUnavailableException("this write was not made: the disk failed to "
                    + "make earlier writes durable at " + undurable.get().at() + " (" + undurable.get().error().getCause().getMessage()
                    + "); check the disk (the system log says more), then restart Veritas", undurable.get().error()));
        }
        return enqueue(work);
    }

    /**
     * The part of {@link #submit} after the closing check. close() may run between that check and the put, and the
     * writer may then already have taken its last look at the queue; the check after the put catches exactly that.
     */
    <T> CompletableFuture<T> enqueue(Tx.Work<T> work) {
        Unit<T> unit = new Unit<>(work);
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
        Throwable death = null;
        try {
            // A writer that died may have left a transaction open and statements in any state; a new writer finds the
            // driver's deferred transaction from setAutoCommit(false) open.
            rollbackQuietly();
            discardStatements();
            down = Optional.empty();
            while (true) {
                pauseIfAsked();
                Unit<?> first;
                try {
                    first = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    // Only close() stops the writer, and it does so through `closing`; a stray interrupt must not.
                    continue;
                }
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        break;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commitGroup(batch);
                batch.clear();
            }
        } catch (Throwable t) {
            death = t;
        } finally {
            groupStartedNanos = 0;
            settleAfterDeath(batch, death);
            if (death == null || closing) {
                stop();
            } else {
                died(death);
            }
        }
    }

    /** The writer has stopped between groups ({@code paused}) and waits for {@code resume}. */
    private record Pause(CountDownLatch paused, CountDownLatch resume) {}

    /** Longest a writer stays paused, whatever the thread that paused it does. */
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    /**
     * Runs {@code action} while the writer is stopped between two groups (no transaction open, nothing appended), and
     * lets it go on afterwards. Waits up to {@code wait} for the writer to reach that point; returns false, without
     * running the action, if it did not (a long commit, or the writer is closing). Writes queue meanwhile.
     */
    boolean whilePaused(Runnable action, Duration wait) {
        Pause pause = new Pause(new CountDownLatch(1), new CountDownLatch(1));
        pauseAsked.set(pause);
        try {
            if (!pause.paused().await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
            action.run();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            pauseAsked.compareAndSet(pause, null);
            pause.resume().countDown();
        }
    }

    private void pauseIfAsked() {
        Pause pause = pauseAsked.getAndSet(null);
        if (pause == null) {
            return;
        }
        pause.paused().countDown();
        try {
            pause.resume().await(MAX_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // a stray interrupt ends the pause early; the writer goes on
        }
    }

    /** Units the dying writer had taken: those committed are acknowledged, the others were not written and say so. */
    private void settleAfterDeath(List<Unit<?>> batch, Throwable death) {
        boolean ambiguous = false;
        for (Unit<?> unit : batch) {
            ambiguous |= unit.commitSent && !unit.committed;
        }
        if (ambiguous) {
            // Death struck between sending COMMIT and noting its success: a transaction still open means it did not happen.
            boolean committed = !rollbackSucceeded();
            for (Unit<?> unit : batch) {
                unit.committed |= unit.commitSent && committed;
            }
        }
        List<Unit<?>> committedUndurable = new ArrayList<>();
        for (Unit<?> unit : batch) {
            if (unit.future.isDone() || unit.handedToSyncer) {
                continue;
            }
            if (unit.committed && syncer.isPresent()) {
                committedUndurable.add(unit); // at FULL not acknowledged before the WAL holding it is on the disk
            } else if (unit.committed || (unit.error != null && !(unit.error instanceof UndoNeeded))) {
                unit.settle();
            } else {
                unit.future.completeExceptionally(new StoreUnavailableException(
                        "the database writer stopped before this write was committed, so nothing of it was written; try again", death));
            }
        }
        if (!committedUndurable.isEmpty()) {
            handToSyncer(committedUndurable, false);
        }
    }

    private void died(Throwable death) {
        stats.recordRestart();
        int deaths = ++deathsInARow;
        String reason = death.getClass().getSimpleName() + (death.getMessage() == null ? "" : ": " + death.getMessage());
        down = Optional.of(new Down(reason, Instant.now(), deaths));
        Duration pause = deaths == 1 ? Duration.ZERO : Duration.ofMillis(Math.min(MAX_RESTART_PAUSE.toMillis(), 100L << Math.min(10, deaths - 2)));
        log.error("the database writer stopped unexpectedly; starting a new one in {} ms (writes wait meanwhile)", pause.toMillis(), death);
        restarter.schedule(this::restart, pause);
    }

    private void restart() {
        if (closing) {
            stop();
            return;
        }
        try {
            startThread();
        } catch (Throwable t) {
            died(t);
        }
    }

    /** The writer will not run again: units still queued are refused, and whoever waits for the stop is told. */
    private void stop() {
        finished = true;
        failQueued();
        stopped.complete(null);
    }

    /** Fails every unit still queued; safe from any thread: each unit is taken by one poll only. */
    private void failQueued() {
        Unit<?> left;
        while ((left = queue.poll()) != null) {
            left.future.completeExceptionally(new StoreUnavailableException("the audit store is closing; this write was not made", null));
        }
    }

    /**
     * Commits as many units of the group as can be: a unit that cannot be written is failed and taken out, and the
     * rest run again in a new transaction, until what is left commits or nothing is left.
     */
    private void commitGroup(List<Unit<?>> batch) {
        long started = System.nanoTime();
        groupStartedNanos = started;
        long cpuStarted = CPU.getCurrentThreadCpuTime();
        List<Unit<?>> pending = new ArrayList<>(batch);
        while (!pending.isEmpty()) {
            if (tryCommit(pending)) {
                break;
            }
        }
        groupStartedNanos = 0;
        long done = System.nanoTime();
        stats.recordBatch(batch.size(), done - started, CPU.getCurrentThreadCpuTime() - cpuStarted);
        if (syncer.isPresent() && batch.stream().anyMatch(u -> u.committed)) {
            handToSyncer(List.copyOf(batch), true);
        } else {
            runAfterCommitActions(batch);
            acknowledge(batch);
        }
    }

    /**
     * At FULL a group is acknowledged once the WAL holding it is on the disk, and its after-commit actions (deleting a
     * deleted audit's screenshot files, waking readers) wait for that too: a delete that a power cut could undo must
     * not have removed the files already. After a failed flush they never run; orphaned files are the safe outcome.
     */
    private void handToSyncer(List<Unit<?>> group, boolean withActions) {
        group.forEach(u -> u.handedToSyncer = true);
        syncer.orElseThrow().whenDurable(() -> {
            try {
                if (withActions) {
                    runAfterCommitActions(group);
                }
            } finally {
                acknowledge(group);
            }
        }, error -> failUndurable(group, error));
    }

    private void acknowledge(List<Unit<?>> group) {
        long now = System.nanoTime();
        for (Unit<?> unit : group) {
            stats.recordAck(now - unit.submittedNanos);
            unit.settle();
        }
    }

    /** The WAL holding these units could not be flushed: the committed ones are not known to be durable, and say so. */
    private void failUndurable(List<Unit<?>> group, RuntimeException error) {
        stats.recordFailure();
        for (Unit<?> unit : group) {
            if (unit.committed) {
                unit.future.completeExceptionally(error);
            } else {
                unit.settle();
            }
        }
    }

    /**
     * One transaction over {@code pending}. Returns true when it was committed (or nothing could be), false when it was
     * rolled back after taking out a failed unit, so the remaining units must run again.
     */
    private boolean tryCommit(List<Unit<?>> pending) {
        try {
            begin();
        } catch (SQLException e) {
            RuntimeException error = fault(e);
            pending.forEach(u -> u.error = error);
            pending.clear();
            return true;
        }
        for (int i = 0; i < pending.size(); i++) {
            Unit<?> unit = pending.get(i);
            if (!runUnit(unit)) {
                pending.remove(i);
                if (unit.error instanceof UndoNeeded undo) {
                    unit.error = undo.getCause();
                    rollbackQuietly();
                    return false;
                }
                i--;
            }
        }
        for (Unit<?> unit : pending) {
            unit.commitSent = true;
        }
        try {
            exec("COMMIT");
        } catch (SQLException e) {
            RuntimeException error = fault(e);
            rollbackQuietly();
            for (Unit<?> unit : pending) {
                unit.commitSent = false;
                unit.error = error;
            }
            pending.clear();
            return true;
        }
        for (Unit<?> unit : pending) {
            unit.committed = true;
        }
        fault = Optional.empty();
        deathsInARow = 0;
        return true;
    }

    /** Marks a failure whose changes must be undone by rolling the transaction back. */
    private static final class UndoNeeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UndoNeeded(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * Runs one unit. False if it failed: its {@link Unit#error} is then set, wrapped in {@link UndoNeeded} when the
     * transaction holds changes of the unit (or a storage fault may have ended it) and must be rolled back.
     */
    private <T> boolean runUnit(Unit<T> unit) {
        long changesBefore;
        try {
            changesBefore = db.total_changes();
        } catch (SQLException e) {
            unit.error = new UndoNeeded(fault(e));
            return false;
        }
        Tx tx = new Tx(connection, statements);
        try {
            unit.result = unit.work.run(tx);
            unit.afterCommit = tx.afterCommitActions();
            return true;
        } catch (ThreadDeath killed) {
            throw killed;
        } catch (Throwable t) {
            if (t instanceof SQLException sql && endsTransaction(sql)) {
                unit.error = new UndoNeeded(fault(sql));
                discardStatements();
                return false;
            }
            Throwable error = t instanceof SQLException sql ? translate.apply(sql) : t;
            boolean changed;
            try {
                changed = db.total_changes() != changesBefore;
            } catch (SQLException e) {
                changed = true;
            }
            unit.error = changed ? new UndoNeeded(error) : error;
            return false;
        }
    }

    /**
     * Errors after which SQLite may have rolled the transaction back or left statements unusable (disk full, I/O
     * error, out of memory, a lock lost, a damaged file): everything but a failure of one statement's own logic.
     */
    private static boolean endsTransaction(SQLException e) {
        if (!(e instanceof SQLiteException se)) {
            return true;
        }
        int primary = se.getResultCode().code & 0xff;
        return primary != SQLiteErrorCode.SQLITE_CONSTRAINT.code && primary != SQLiteErrorCode.SQLITE_ERROR.code
                && primary != SQLiteErrorCode.SQLITE_MISMATCH.code && primary != SQLiteErrorCode.SQLITE_RANGE.code
                && primary != SQLiteErrorCode.SQLITE_TOOBIG.code;
    }

    /** Records a storage fault for health until the next commit, and returns the error the callers see. */
    private RuntimeException fault(SQLException e) {
        RuntimeException error = translate.apply(e);
        fault = Optional.of(new Fault(error, Instant.now()));
        stats.recordFailure();
        discardStatements();
        return error;
    }

    /**
     * After-commit actions (file deletion, reader wake-ups) run before callers are released, so a caller that returns
     * from delete() finds the files already gone. They cannot undo the commit: a failing one is logged, and its unit
     * is still reported committed.
     */
    private static void runAfterCommitActions(List<Unit<?>> batch) {
        for (Unit<?> unit : batch) {
            if (!unit.committed) {
                continue;
            }
            for (Runnable action : unit.afterCommit) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.warn("an after-commit action failed: {}", e.getMessage());
                }
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
                transactions++;
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

    /**
     * A number that changes with every transaction this writer begins. Only for the writer thread (inside a unit): what
     * a unit learns under the write lock, such as the next event id, holds until the number changes.
     */
    long transaction() {
        return transactions;
    }

    private boolean rollbackSucceeded() {
        try {
            exec("ROLLBACK");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void rollbackQuietly() {
        try {
            exec("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open, or SQLite already rolled it back itself
        }
    }

    /** Closes every cached statement: after a storage fault SQLite may have finalised them, and they are prepared again on use. */
    private void discardStatements() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // a statement that cannot be closed is released with the connection
            }
        }
        statements.clear();
    }

    private void exec(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        ps.execute();
    }

    private StoreUnavailableException closed() {
        return new StoreUnavailableException("the audit store is closed", null);
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
            stopped.get(Math.max(1, closeWait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        }
        discardStatements();
        return true;
    }

    /** Completes once the writer has finished its last unit and will not touch the connection again. */
    CompletableFuture<Void> stopped() {
        return stopped;
    }

    /** Why the writer is not running, while it is being restarted. */
    Optional<Down> down() {
        return down;
    }

    /** The last storage fault, until a commit succeeds. */
    Optional<Fault> fault() {
        return fault;
    }

    /** How long the writer has been inside the current group, if it is in one. */
    OptionalLong groupRunningNanos() {
        long started = groupStartedNanos;
        return started == 0 ? OptionalLong.empty() : OptionalLong.of(System.nanoTime() - started);
    }

    /** The thread writing now (for tests that stop it as a fatal error would). */
    Thread thread() {
        return thread;
    }
}
