package dev.veritas.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.store.HistoryQuery;
import dev.veritas.store.RecoveryReport;
import dev.veritas.store.StoreCheck;
import dev.veritas.testing.ChildJvm;
import dev.veritas.testing.Slow;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes on one database file, and processes killed in the middle of writing. */
@Slow
class SqliteMultiProcessTest {
    @TempDir
    Path dir;

    @Test
    void aSecondProcessReadsAndWritesTheSameFileWhileThisOneWrites() throws Exception {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir));
             ChildJvm child = ChildJvm.start(StoreChildProcess.class, dir, "mixed", dir.toString(), "150")) {
            assertThat(child.nextLine(60)).isEqualTo("STARTED");
            int mine = 0;
            // Write for as long as the other process writes, so the two really contend for the lock.
            while (!child.drainAvailable() && mine < 5000) {
                SqliteConcurrencyTest.writeUnit(store, mine++);
            }
            assertThat(child.finish(120)).as("child output: %s", child.linesSoFar()).isZero();
            String done = child.linesSoFar().stream().filter(l -> l.startsWith("DONE")).findFirst().orElseThrow();
            assertThat(done).isEqualTo("DONE writes=150 reads=150");
            assertThat(mine).isGreaterThan(0);
            assertThat(store.history(HistoryQuery.builder().status(AuditStatus.COMPLETED).build()).total()).isEqualTo(150 + mine);
            assertThat(store.writerStats().failures()).isZero();
            assertThat(store.check().ok()).isTrue();
        }
    }

    @Test
    void aProcessKilledWhileWritingLosesNothingItAcknowledged() throws Exception {
        Random random = new Random(20261127);
        Set<AuditId> everCreated = new HashSet<>();
        for (int round = 1; round <= 5; round++) {
            int target = 10 + random.nextInt(120);
            List<String> acknowledged;
            long childPid;
            try (ChildJvm child = ChildJvm.start(StoreChildProcess.class, dir, "crash", dir.toString(), "4")) {
                childPid = child.pid();
                int seen = 0;
                while (seen < target) {
                    String line = child.nextLine(60);
                    assertThat(line).as("child stopped early").isNotNull();
                    seen++;
                }
                acknowledged = child.killHard();
            }
            Set<AuditId> created = new LinkedHashSet<>();
            Set<AuditId> completed = new HashSet<>();
            for (String line : acknowledged) {
                String[] parts = line.split(" ");
                AuditId id = new AuditId(parts[1]);
                switch (parts[0]) {
                    case "CREATED" -> created.add(id);
                    case "COMPLETED" -> completed.add(id);
                    default -> { }
                }
            }
            try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir))) {
                StoreCheck check = store.check();
                assertThat(check.problems()).as("round %d (child pid %d)", round, childPid).isEmpty();
                for (String line : acknowledged) {
                    String[] parts = line.split(" ");
                    AuditId id = new AuditId(parts[1]);
                    Audit audit = store.find(id).orElseThrow(() -> new AssertionError("acknowledged audit lost: " + line));
                    if (parts[0].equals("EVENTS")) {
                        long lastEvent = Long.parseLong(parts[2]);
                        assertThat(store.eventsAfter(id, 0, 1000)).anySatisfy(e -> assertThat(e.id()).isEqualTo(lastEvent));
                    }
                    if (parts[0].equals("COMPLETED")) {
                        assertThat(audit.status()).isEqualTo(AuditStatus.COMPLETED);
                        assertThat(audit.findings()).hasSize(20);
                    }
                }
                RecoveryReport recovered = store.recoverInterrupted();
                assertThat(store.history(HistoryQuery.builder().status(AuditStatus.RUNNING).build()).total())
                        .as("no audit stays running after its process died").isZero();
                for (AuditId id : created) {
                    if (!completed.contains(id) && store.get(id).status() != AuditStatus.COMPLETED) {
                        assertThat(recovered.requeued()).contains(id);
                        assertThat(store.get(id).status()).isEqualTo(AuditStatus.QUEUED);
                        assertThat(store.get(id).attempts()).isEqualTo(1);
                    }
                }
                assertThat(recovered.requeued()).noneMatch(everCreated::contains);
            }
            everCreated.addAll(created);
        }
        assertThat(everCreated).hasSizeGreaterThan(20);
    }
}
