package dev.veritas.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.store.StoreUnavailableException;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitWriterTest {
    @TempDir
    Path dir;
    Connection connection;
    GroupCommitWriter writer;
    WriterStats stats = new WriterStats();
    /** Restarts of the writer wait here until the test runs them, so the test can look at the writer while it is down. */
    BlockingQueue<Runnable> restarts = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w.db"));
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("CREATE TABLE t (v INTEGER PRIMARY KEY)");
        }
        writer = new GroupCommitWriter(connection, 1000, 512, Duration.ofSeconds(5), Optional.empty(),
                e -> new IllegalStateException(e.getMessage(), e), stats, "test-writer", Duration.ofSeconds(60), (restart, pause) -> restarts.add(restart));
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
            IntTable.insert(tx.connection(), 0);
            return null;
        });
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Object>> units = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int v = i;
            units.add(writer.submit(tx -> {
                IntTable.insert(tx.connection(), v);
                if (v == 5) {
                    IntTable.insert(tx.connection(), 1005);
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
                assertThat(f).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
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
            IntTable.insert(tx.connection(), 42);
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
                IntTable.insert(tx.connection(), v);
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

    /** A producer that passed the closing check just before close() and reaches the queue after the writer's last look at it. */
    @Test
    @Timeout(30)
    void aUnitQueuedAfterTheWriterStoppedFailsInsteadOfWaitingForever() throws Exception {
        assertThat(writer.close()).isTrue();
        CompletableFuture<Object> late = writer.enqueue(tx -> {
            IntTable.insert(tx.connection(), 1);
            return null;
        });
        assertThat(late).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(StoreUnavailableException.class).withMessageContaining("closing");
        assertThat(values()).isEmpty();
    }

    @Test
    @Timeout(120)
    void everyUnitSubmittedWhileCloseRunsIsCommittedOrRefused() throws Exception {
        int producers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        Queue<CompletableFuture<Object>> futures = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch busy = new CountDownLatch(500);
        for (int p = 0; p < producers; p++) {
            pool.submit(() -> {
                while (true) {
                    int v = next.getAndIncrement();
                    CompletableFuture<Object> f = writer.submit(tx -> {
                        IntTable.insert(tx.connection(), v);
                        return null;
                    });
                    futures.add(f);
                    busy.countDown();
                    if (f.isCompletedExceptionally()) {
                        return null; // refused at once: the writer is closing
                    }
                }
            });
        }
        // Close in the middle of the stream, while every producer is submitting.
        assertThat(busy.await(60, TimeUnit.SECONDS)).isTrue();
        writer.close();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("producers stopped once refused").isTrue();

        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((v, t) -> null).get(60, TimeUnit.SECONDS);
        long committed = 0;
        for (CompletableFuture<Object> f : futures) {
            assertThat(f).isDone();
            if (f.isCompletedExceptionally()) {
                assertThat(f).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                        .havingCause().isInstanceOf(StoreUnavailableException.class).withMessageContaining("the audit store is clos");
            } else {
                committed++;
            }
        }
        assertThat(committed).isGreaterThanOrEqualTo(500 - producers);
        assertThat(values()).hasSize((int) committed);
    }

    /**
     * An Error escaping the writer after a commit (here from an after-commit action) kills its thread. The unit was
     * committed, so it is acknowledged, not reported failed; a new writer takes over and later units are written.
     */
    @Test
    @Timeout(30)
    void aUnitCommittedBeforeTheWriterDiesIsAcknowledgedAndANewWriterTakesOver() throws Exception {
        CompletableFuture<Object> committed = writer.submit(tx -> {
            IntTable.insert(tx.connection(), 1);
            tx.afterCommit(() -> {
                throw new StackOverflowError("simulated");
            });
            return "done";
        });
        assertThat(committed).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("done");
        Runnable restart = restarts.poll(10, TimeUnit.SECONDS);
        assertThat(restart).as("a restart was scheduled").isNotNull();
        assertThat(writer.down()).hasValueSatisfying(d -> assertThat(d.reason()).contains("StackOverflowError"));
        CompletableFuture<Object> whileDown = writer.submit(tx -> {
            IntTable.insert(tx.connection(), 2);
            return null;
        });
        assertThat(whileDown).as("units wait for the new writer instead of failing").isNotDone();
        restart.run();
        assertThat(whileDown).succeedsWithin(Duration.ofSeconds(10));
        assertThat(writer.down()).isEmpty();
        assertThat(stats.restarts()).isEqualTo(1);
        assertThat(values()).containsExactly(1, 2);
    }

    /** The thread killed from outside (Thread.stop delivers ThreadDeath wherever it is): noticed, restarted, nothing lost. */
    @Test
    @Timeout(30)
    @SuppressWarnings("removal")
    void aKilledWriterThreadIsRestartedAndTheUnitItHadNotCommittedFailsCleanly() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<Object> first = writer.submit(tx -> {
            IntTable.insert(tx.connection(), 1);
            return null;
        });
        assertThat(first).succeedsWithin(Duration.ofSeconds(10));
        CompletableFuture<Object> interrupted = writer.submit(tx -> {
            IntTable.insert(tx.connection(), 2);
            inside.countDown();
            awaitQuietly(new CountDownLatch(1)); // held here until the thread is killed
            return null;
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        Thread victim = writer.thread();
        victim.stop();
        victim.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(interrupted).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(StoreUnavailableException.class).withMessageContaining("nothing of it was written");
        Runnable restart = restarts.poll(10, TimeUnit.SECONDS);
        assertThat(restart).isNotNull();
        assertThat(writer.down()).isPresent();
        restart.run();
        CompletableFuture<Object> after = writer.submit(tx -> {
            IntTable.insert(tx.connection(), 3);
            return null;
        });
        assertThat(after).succeedsWithin(Duration.ofSeconds(10));
        assertThat(values()).as("the killed unit's row was rolled back").containsExactly(1, 3);
    }

    /** Only close() stops the writer; an interrupt from elsewhere (a pool shutting down its threads) does not. */
    @Test
    @Timeout(30)
    void anInterruptDoesNotStopTheWriter() throws Exception {
        writer.thread().interrupt();
        CompletableFuture<Object> after = writer.submit(tx -> {
            IntTable.insert(tx.connection(), 5);
            return null;
        });
        assertThat(after).succeedsWithin(Duration.ofSeconds(10));
        assertThat(restarts).isEmpty();
        assertThat(values()).containsExactly(5);
    }

    /**
     * Units share one transaction without a SAVEPOINT each: a unit that fails before changing anything costs its
     * neighbours nothing, one that fails after changing rows makes them run again without it.
     */
    @Test
    @Timeout(30)
    void aFailureWithoutChangesNeedsNoUndoAndOneWithChangesReRunsTheOthers() throws Exception {
        AtomicInteger runsOfNeighbour = new AtomicInteger();
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> blocker = writer.submit(tx -> {
            writerBusy.countDown();
            awaitQuietly(release);
            return null;
        });
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> neighbour = writer.submit(tx -> {
            runsOfNeighbour.incrementAndGet();
            IntTable.insert(tx.connection(), 10);
            return null;
        });
        CompletableFuture<Object> refused = writer.submit(tx -> {
            throw new IllegalStateException("refused before writing");
        });
        release.countDown();
        blocker.join();
        assertThat(neighbour).succeedsWithin(Duration.ofSeconds(10));
        assertThat(refused).failsWithin(Duration.ofSeconds(10));
        assertThat(runsOfNeighbour).hasValue(1);

        CountDownLatch busyAgain = new CountDownLatch(1);
        CountDownLatch releaseAgain = new CountDownLatch(1);
        CompletableFuture<Object> blocker2 = writer.submit(tx -> {
            busyAgain.countDown();
            awaitQuietly(releaseAgain);
            return null;
        });
        assertThat(busyAgain.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> neighbour2 = writer.submit(tx -> {
            runsOfNeighbour.incrementAndGet();
            IntTable.insert(tx.connection(), 11);
            return null;
        });
        CompletableFuture<Object> halfDone = writer.submit(tx -> {
            IntTable.insert(tx.connection(), 12);
            throw new IllegalStateException("failed after writing");
        });
        releaseAgain.countDown();
        blocker2.join();
        assertThat(neighbour2).succeedsWithin(Duration.ofSeconds(10));
        assertThat(halfDone).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("failed after writing");
        assertThat(runsOfNeighbour).hasValue(3);
        assertThat(values()).containsExactly(10, 11);
    }

    @Test
    @Timeout(60)
    void closeThatTimesOutLeavesTheConnectionToTheWriter() throws Exception {
        GroupCommitWriter slow = new GroupCommitWriter(connection, 10, 10, Duration.ofSeconds(5), Optional.empty(),
                e -> new IllegalStateException(e.getMessage(), e), new WriterStats(), "slow-writer", Duration.ofMillis(20),
                GroupCommitWriter.Restarter.DELAYED);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> stuck = slow.submit(tx -> {
            inside.countDown();
            awaitQuietly(release);
            IntTable.insert(tx.connection(), 99);
            return null;
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.close()).as("close reports that the writer is still busy").isFalse();
        assertThat(slow.stopped()).isNotDone();
        release.countDown();
        assertThat(stuck).succeedsWithin(Duration.ofSeconds(10));
        assertThat(slow.stopped()).succeedsWithin(Duration.ofSeconds(10));
        assertThat(values()).containsExactly(99);
    }

    @Test
    @Timeout(60)
    void whilePausedRunsBetweenGroupsAndWritesWaitForItsEnd() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> writer.whilePaused(() -> {
            inside.countDown();
            awaitQuietly(release);
        }, Duration.ofSeconds(10)));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Integer> write = writer.submit(tx -> {
            started.countDown();
            return IntTable.insert(tx.connection(), 1);
        });
        // A writer that ignored the pause would start this unit at once; give it a fair chance to.
        assertThat(started.await(300, TimeUnit.MILLISECONDS)).as("no unit starts while the writer is stopped").isFalse();
        assertThat(values()).isEmpty();
        release.countDown();
        assertThat(paused.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(values()).containsExactly(1);
    }

    @Test
    @Timeout(60)
    void aPauseTheWriterCannotReachInTimeRunsNothing() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> slow = writer.submit(tx -> {
            inside.countDown();
            awaitQuietly(release);
            return IntTable.insert(tx.connection(), 1);
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicInteger ran = new AtomicInteger();
        assertThat(writer.whilePaused(ran::incrementAndGet, Duration.ofMillis(50))).isFalse();
        assertThat(ran).hasValue(0);
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        // The request that came too late does not stop the writer later on.
        assertThat(writer.submit(tx -> IntTable.insert(tx.connection(), 2)).get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    private List<Integer> values() throws SQLException {
        return IntTable.values(dir.resolve("w.db"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
