package dev.veritas.store.sqlite;

import dev.veritas.audit.Audit;
import dev.veritas.json.Json;
import dev.veritas.store.Claim;
import dev.veritas.store.HistoryQuery;
import dev.veritas.store.NewEvent;
import dev.veritas.store.WorkerId;
import dev.veritas.testing.Samples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second process for the cross-process and crash tests. It prints a line only after the store has
 * acknowledged a write, so every printed id is a promise the database must keep.
 */
public final class StoreChildProcess {
    private StoreChildProcess() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[1]);
        SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(data));
        switch (args[0]) {
            case "crash" -> crashLoop(store, Integer.parseInt(args[2]));
            case "mixed" -> mixed(store, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Writes forever from several threads until killed. */
    private static void crashLoop(SqliteAuditStore store, int threads) throws InterruptedException {
        AtomicInteger counter = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                while (true) {
                    int n = counter.incrementAndGet();
                    Claim a = store.createRunning(Samples.newAudit("https://crash" + n + ".example/"), WorkerId.current(), Duration.ofMinutes(10));
                    say("CREATED " + a.id());
                    List<NewEvent> events = new ArrayList<>();
                    for (int e = 0; e < 50; e++) {
                        events.add(new NewEvent("log_entry", Json.object().put("e", e)));
                    }
                    List<Long> ids = store.appendEvents(a.lease(), events);
                    say("EVENTS " + a.id() + " " + ids.get(ids.size() - 1));
                    if (n % 3 != 0) {
                        store.complete(a.lease(), Samples.result(50, Samples.findings(20)));
                        say("COMPLETED " + a.id());
                    }
                }
            });
            th.start();
            workers.add(th);
        }
        for (Thread th : workers) {
            th.join();
        }
    }

    /** Writes and reads while another process does the same; prints a summary. */
    private static void mixed(SqliteAuditStore store, int units) {
        int reads = 0;
        try {
            say("STARTED");
            for (int i = 0; i < units; i++) {
                SqliteConcurrencyTest.writeUnit(store, 10_000 + i);
                reads += (int) Math.min(1, store.history(HistoryQuery.builder().limit(10).build()).total());
            }
            store.close();
            say("DONE writes=" + units + " reads=" + reads);
        } catch (RuntimeException e) {
            say("ERROR " + e);
            System.exit(1);
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
