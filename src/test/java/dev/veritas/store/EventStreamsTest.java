package dev.veritas.store;

import static dev.veritas.testing.Samples.newAudit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.json.Json;
import dev.veritas.store.Claim;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.veritas.store.EventStreams;

class EventStreamsTest {
    @TempDir
    Path dir;

    /** Collects what it is sent; can be made to hang on its first send, like a client that stopped reading. */
    static final class Recorder implements EventStreams.Subscriber {
        final List<Long> ids = new CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);
        final CountDownLatch release;

        Recorder(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public boolean send(AuditEvent e) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            ids.add(e.id());
            return true;
        }

        @Override
        public boolean heartbeat() {
            return true;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    /** A watcher whose cursor is already past every event (a client's guess) is still closed when the audit ends. */
    @Test
    void aWatcherPastTheLastEventIsClosedWhenTheAuditEnds() throws Exception {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir));
             EventStreams streams = new EventStreams(store, Duration.ofSeconds(15))) {
            Claim a = store.createRunning(newAudit("https://ahead.example/"), WorkerId.current(), Duration.ofMinutes(1));
            Recorder ahead = new Recorder(new CountDownLatch(0));
            Recorder normal = new Recorder(new CountDownLatch(0));
            streams.subscribe(a.id(), Long.MAX_VALUE / 2, ahead);
            streams.subscribe(a.id(), 0, normal);
            store.appendEvent(a.lease(), "log_entry", Json.object().put("i", 1));
            store.fail(a.lease(), "done");
            assertThat(normal.closed.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(ahead.closed.await(20, TimeUnit.SECONDS)).as("the watcher ahead of the stream was closed").isTrue();
            assertThat(ahead.ids).isEmpty();
        }
    }

    @Test
    void aStalledWatcherDelaysOnlyItself() throws Exception {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir));
             EventStreams streams = new EventStreams(store, Duration.ofSeconds(15))) {
            Claim a = store.createRunning(newAudit("https://stream.example/"), WorkerId.current(), Duration.ofMinutes(1));
            CountDownLatch never = new CountDownLatch(1);
            Recorder stalled = new Recorder(never);
            Recorder healthy = new Recorder(new CountDownLatch(0));
            streams.subscribe(a.id(), 0, stalled);
            streams.subscribe(a.id(), 0, healthy);
            for (int i = 0; i < 20; i++) {
                store.appendEvent(a.lease(), "log_entry", Json.object().put("i", i));
            }
            store.fail(a.lease(), "done");
            assertThat(healthy.closed.await(20, TimeUnit.SECONDS)).as("the healthy watcher got the whole stream").isTrue();
            List<Long> all = store.eventsAfter(a.id(), 0, 100).stream().map(AuditEvent::id).toList();
            assertThat(healthy.ids).containsExactlyElementsOf(all);
            assertThat(stalled.ids).isEmpty();

            never.countDown();
            assertThat(stalled.closed.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(stalled.ids).containsExactlyElementsOf(all);
        }
    }
}
