package dev.veritas.store.sqlite;

import dev.veritas.json.Json;
import dev.veritas.store.Claim;
import dev.veritas.store.NewEvent;
import dev.veritas.store.StoreHealth;
import dev.veritas.store.WorkerId;
import dev.veritas.testing.Samples;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A store in a process of its own, so the test can take the file-size limit (RLIMIT_FSIZE) away from it and give it
 * back: writes past the limit fail in write(2) with EFBIG, which SQLite reports as SQLITE_IOERR_WRITE. One command per
 * line on standard input, one answer per line; "OK id" only after the store acknowledged the write.
 */
public final class StoreFaultChild {
    private StoreFaultChild() {}

    public static void main(String[] args) throws Exception {
        SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(Path.of(args[0])));
        say("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] command = line.split(" ");
            try {
                switch (command[0]) {
                    case "unit" -> say("OK " + SqliteConcurrencyTest.writeUnit(store, Integer.parseInt(command[1])));
                    case "big" -> say("OK " + big(store, Integer.parseInt(command[1])));
                    case "health" -> {
                        StoreHealth h = store.health();
                        say("HEALTH " + h.condition() + " " + h.detail());
                    }
                    case "restarts" -> say("RESTARTS " + store.writerStats().restarts());
                    case "quit" -> {
                        store.close();
                        say("CLOSED");
                        return;
                    }
                    default -> say("UNKNOWN " + line);
                }
            } catch (RuntimeException e) {
                say("ERROR " + e.getMessage());
            }
        }
    }

    /** An audit with far more event data than fits in a few WAL frames. */
    private static String big(SqliteAuditStore store, int n) {
        Claim a = store.createRunning(Samples.newAudit("https://big" + n + ".example/"), WorkerId.current(), Duration.ofMinutes(5));
        List<NewEvent> events = new ArrayList<>();
        for (int e = 0; e < 400; e++) {
            events.add(new NewEvent("log_entry", Json.object().put("text", "x".repeat(500)).put("e", e)));
        }
        store.appendEvents(a.lease(), events);
        return a.id().value();
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
