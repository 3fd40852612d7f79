package dev.veritas.store;

import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
/**
 * Live event streams. One follower thread per audit that has watchers reads new events from the store — never
 * from memory, so a stream shows only what is committed — and hands each event to every watcher whose cursor
 * is behind it. A new watcher starts at its own cursor (Last-Event-ID), so a reconnect replays exactly what it
 * missed. After the terminal event every watcher is closed.
 */
public final class EventStreams implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    private static final int BATCH = 500;

    /** One watcher: an SSE connection, a WebSocket, the CLI's progress bar. Calls come from the follower thread only. */
    public interface Subscriber {
        /** False when the connection is gone. */
        boolean send(AuditEvent event);

        boolean heartbeat();

        void close();
    }

    private final AuditStore store;
    private final Duration heartbeat;
    private final ExecutorService threads;
    private final ExecutorService senders;
    private final ConcurrentHashMap<AuditId, Follower> followers = new ConcurrentHashMap<>();
    private final AtomicInteger subscribers = new AtomicInteger();
    private volatile boolean closed;

    public EventStreams(AuditStore store, Duration heartbeat) {
        this.store = store;
        this.heartbeat = heartbeat;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "veritas-events");
            t.setDaemon(true);
            return t;
        });
        this.senders = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "veritas-events-send");
            t.setDaemon(true);
            return t;
        });
    }

    public int subscriberCount() {
        return subscribers.get();
    }

    public void subscribe(AuditId id, long after, Subscriber direct) {
        Subscriber s = new Outbox(direct);
        subscribers.incrementAndGet();
        Follower f;
        synchronized (followers) {
            f = followers.get(id);
            if (f == null) {
                f = new Follower(id);
                followers.put(id, f);
                f.add(s, after);
                threads.submit(f);
            } else {
                f.add(s, after);
            }
        }
        f.wake();
    }

    private final class Follower implements Runnable {
        private final AuditId id;
        private final CopyOnWriteArrayList<Watch> watches = new CopyOnWriteArrayList<>();
        private volatile boolean added;

        Follower(AuditId id) {
            this.id = id;
        }

        void add(Subscriber s, long after) {
            watches.add(new Watch(s, after));
            added = true;
        }

        void wake() {
            store.eventSignal().signal(id);
        }

        @Override
        public void run() {
            long lastBeat = System.nanoTime();
            boolean idle = true;
            try {
                while (!closed) {
                    long generation = store.eventSignal().generation(id);
                    added = false;
                    // Serve the watchers present now; one that joins meanwhile waits for the next round, so it
                    // never receives the tail of a batch read for others without its beginning.
                    List<Watch> round = List.copyOf(watches);
                    long from = round.stream().mapToLong(w -> w.cursor).min().orElse(Long.MAX_VALUE);
                    // Read before the events: a terminal status means the terminal event is committed, so if no
                    // event follows, every watcher of this round has it (or started past it) and nothing more comes.
                    boolean ended = idle && store.status(id).filter(AuditStatus::isTerminal).isPresent();
                    List<AuditEvent> events = from == Long.MAX_VALUE ? List.of() : store.eventsAfter(id, from, BATCH);
                    if (ended && events.isEmpty()) {
                        for (Watch w : round) {
                            w.subscriber.close();
                            drop(w);
                        }
                    }
                    idle = events.isEmpty();
                    for (AuditEvent e : events) {
                        for (Watch w : round) {
                            if (w.cursor < e.id() && watches.contains(w)) {
                                if (!w.subscriber.send(e)) {
                                    drop(w);
                                    continue;
                                }
                                w.cursor = e.id();
                                if (e.isTerminal()) {
                                    w.subscriber.close();
                                    drop(w);
                                }
                            }
                        }
                    }
                    if (System.nanoTime() - lastBeat >= heartbeat.toNanos()) {
                        for (Watch w : watches) {
                            if (!w.subscriber.heartbeat()) {
                                drop(w);
                            }
                        }
                        lastBeat = System.nanoTime();
                    }
                    if (exitIfIdle()) {
                        return;
                    }
                    if (events.size() < BATCH && !added) {
                        // Woken by commits in this process; the timeout also catches writes from other processes.
                        long untilBeat = heartbeat.toMillis() - (System.nanoTime() - lastBeat) / 1_000_000;
                        store.eventSignal().awaitChange(id, generation, Duration.ofMillis(Math.max(1, Math.min(1000, untilBeat))));
                    }
                }
            } catch (AuditNotFoundException e) {
                watches.forEach(w -> w.subscriber.close());
                watches.forEach(this::drop);
                synchronized (followers) {
                    followers.remove(id, this);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("event stream of {} stopped: {}", id, e.getMessage());
                watches.forEach(w -> w.subscriber.close());
                watches.forEach(this::drop);
                synchronized (followers) {
                    followers.remove(id, this);
                }
            }
        }

        private boolean exitIfIdle() {
            synchronized (followers) {
                if (watches.isEmpty()) {
                    followers.remove(id, this);
                    return true;
                }
                return false;
            }
        }

        private void drop(Watch w) {
            if (watches.remove(w)) {
                subscribers.decrementAndGet();
            }
        }
    }

    /**
     * Sends to one watcher on the shared sender threads, in order, so the follower never waits on a socket: a slow
     * or stalled client delays only itself. A watcher that falls too far behind is closed; it reconnects with its
     * Last-Event-ID and the store replays what it missed.
     */
    private final class Outbox implements Subscriber {
        private static final int MAX_BACKLOG = 5_000;
        private final Subscriber target;
        private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger backlog = new AtomicInteger();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile boolean open = true;
        private static final Object HEARTBEAT = new Object();
        private static final Object CLOSE = new Object();

        Outbox(Subscriber target) {
            this.target = target;
        }

        @Override
        public boolean send(AuditEvent event) {
            return offer(event);
        }

        @Override
        public boolean heartbeat() {
            return offer(HEARTBEAT);
        }

        @Override
        public void close() {
            offer(CLOSE);
        }

        private boolean offer(Object item) {
            if (!open) {
                return false;
            }
            if (backlog.incrementAndGet() > MAX_BACKLOG) {
                open = false;
                queue.add(CLOSE);
            } else {
                queue.add(item);
            }
            if (scheduled.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
            return open;
        }

        private void drain() {
            try {
                Object item;
                while ((item = queue.poll()) != null) {
                    backlog.decrementAndGet();
                    if (item == CLOSE) {
                        open = false;
                        target.close();
                        queue.clear();
                        return;
                    }
                    boolean ok = item == HEARTBEAT ? target.heartbeat() : target.send((AuditEvent) item);
                    if (!ok) {
                        open = false;
                        queue.clear();
                        return;
                    }
                }
            } catch (RuntimeException e) {
                open = false;
                queue.clear();
            } finally {
                scheduled.set(false);
                if (!queue.isEmpty() && open && scheduled.compareAndSet(false, true)) {
                    senders.execute(this::drain);
                }
            }
        }
    }

    private static final class Watch {
        final Subscriber subscriber;
        volatile long cursor;

        Watch(Subscriber subscriber, long cursor) {
            this.subscriber = subscriber;
            this.cursor = cursor;
        }
    }

    @Override
    public void close() {
        closed = true;
        threads.shutdownNow();
        senders.shutdownNow();
    }
}
