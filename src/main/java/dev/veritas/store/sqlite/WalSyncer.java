package dev.veritas.store.sqlite;

import dev.veritas.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes committed groups durable at synchronous=FULL without holding up the writer. The writer commits at NORMAL (its
 * WAL frames reach the operating system, not yet the disk) and hands each committed group here; this thread flushes the
 * WAL to the disk once for every group that arrived meanwhile and only then acknowledges them. SQLite's own FULL flushes
 * inside COMMIT, so the writer waits for the disk after every group and cannot prepare the next one meanwhile; here
 * the flush of one group overlaps the work of the next, and groups that pile up share one flush.
 *
 * <p>The promise to a caller is the same as SQLite's FULL: an acknowledged write survives a power cut. Readers may see a
 * write a flush earlier than its caller is told of it, as they may see one of another process at NORMAL.
 *
 * <p>A flush that fails leaves no honest way to know what reached the disk (the kernel may have dropped the pages it
 * could not write), and the WAL's frames only count on recovery up to the first lost one. So a failed flush fails
 * every group it covered and every group after it, with a message that says so, and the writer makes no new write
 * until the store is opened again.
 */
final class WalSyncer {
    private static final Logger log = LoggerFactory.getLogger(WalSyncer.class);

    /** The flush of the WAL file to the disk (an fdatasync); tests give one that blocks or fails. */
    interface WalFile extends AutoCloseable {
        void force() throws IOException;

        @Override
        void close() throws IOException;

        static WalFile of(Path wal) throws IOException {
            // Never CREATE: a file that SQLite does not use would be flushed in vain, and every acknowledgement would lie.
            FileChannel channel = FileChannel.open(wal, StandardOpenOption.READ, StandardOpenOption.WRITE);
            return new WalFile() {
                @Override
                public void force() throws IOException {
                    channel.force(false);
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        }
    }

    /** A committed group waiting for the flush: what to run once it is durable, and what if it cannot be. */
    private record Pending(Runnable onDurable, Consumer<RuntimeException> onFailure) {}

    /** The failed flush that stopped this syncer from acknowledging writes. */
    record Failure(StoreUnavailableException error, Instant at) {}

    private final WalFile wal;
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final LongAdder flushes = new LongAdder();
    private final LongAdder groups = new LongAdder();
    private volatile Optional<Failure> failure = Optional.empty();
    private volatile boolean closing;
    /** Set when the thread has taken its last look at the queue; a group handed over after that is flushed by its giver. */
    private volatile boolean finished;
    private volatile boolean walClosed;
    /** When the flush now running started (System.nanoTime), or 0 between flushes. */
    private volatile long flushStartedNanos;

    WalSyncer(WalFile wal, String name) {
        this.wal = wal;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Runs {@code onDurable} once the WAL holding a committed group is on the disk, or {@code onFailure} if it cannot be. */
    void whenDurable(Runnable onDurable, Consumer<RuntimeException> onFailure) {
        pending.add(new Pending(onDurable, onFailure));
        if (finished) {
            flushWhatIsPending();
        }
    }

    private void flushWhatIsPending() {
        List<Pending> round = new ArrayList<>();
        pending.drainTo(round);
        if (!round.isEmpty()) {
            flush(round);
        }
    }

    private void loop() {
        List<Pending> round = new ArrayList<>();
        while (true) {
            Pending first;
            try {
                first = pending.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // Only close() ends this thread, through `closing`, and only once every group has been answered.
                continue;
            }
            if (first == null) {
                if (closing && pending.isEmpty()) {
                    finished = true;
                    flushWhatIsPending();
                    return;
                }
                continue;
            }
            round.add(first);
            pending.drainTo(round);
            try {
                flush(round);
            } catch (Throwable t) {
                // Whatever went wrong, no group may wait for an answer that will never come.
                fail(t);
                StoreUnavailableException error = failure.orElseThrow().error();
                round.forEach(p -> answer(() -> p.onFailure().accept(error)));
            }
            round.clear();
        }
    }

    private synchronized void flush(List<Pending> round) {
        if (walClosed) {
            StoreUnavailableException closed = new StoreUnavailableException("the audit store closed before this write, which "
                    + "was committed, could be confirmed on the disk; it may be lost if the machine loses power", null);
            round.forEach(p -> answer(() -> p.onFailure().accept(closed)));
            return;
        }
        if (failure.isEmpty()) {
            try {
                flushStartedNanos = System.nanoTime();
                try {
                    wal.force();
                } finally {
                    flushStartedNanos = 0;
                }
                flushes.increment();
                groups.add(round.size());
                round.forEach(p -> answer(p.onDurable()));
                return;
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }
        StoreUnavailableException error = failure.get().error();
        round.forEach(p -> answer(() -> p.onFailure().accept(error)));
    }

    private void fail(Throwable e) {
        if (failure.isPresent()) {
            return;
        }
        failure = Optional.of(new Failure(new StoreUnavailableException("this write reached the database, but the disk "
                + "reported an error while making it durable (" + e.getMessage() + "), so it may be lost if the machine "
                + "loses power; check the disk (the system log says more), then restart Veritas: until then no write is made", e),
                Instant.now()));
        log.error("flushing the WAL to the disk failed; writes are no longer made", e);
    }

    /** Runs a caller's answer; whatever it throws (its follow-on stages run here) must not stop this thread. */
    private static void answer(Runnable answer) {
        try {
            answer.run();
        } catch (Throwable e) {
            log.warn("answering a durable write failed: {}", e.toString());
        }
    }

    /** The failed flush after which writes are refused, if there was one. */
    Optional<Failure> failure() {
        return failure;
    }

    /** How many times the WAL was flushed, and how many committed groups those flushes made durable. */
    long flushes() {
        return flushes.sum();
    }

    long groups() {
        return groups.sum();
    }

    /**
     * How long the flush now running has taken, if one is running. A disk that stops answering leaves it running (an
     * fdatasync cannot be given a deadline); the store's health reports it, so the stall is seen, not just waited on.
     */
    OptionalLong flushRunningNanos() {
        long started = flushStartedNanos;
        return started == 0 ? OptionalLong.empty() : OptionalLong.of(System.nanoTime() - started);
    }

    /** Committed groups waiting for a flush now (for tests that need several to pile up). */
    int waiting() {
        return pending.size();
    }

    /** Answers every group handed over so far (flushing once more), then stops. Call after the writer has stopped. */
    void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            walClosed = true;
            wal.close();
        } catch (IOException e) {
            log.debug("closing the WAL file: {}", e.getMessage());
        }
    }
}
