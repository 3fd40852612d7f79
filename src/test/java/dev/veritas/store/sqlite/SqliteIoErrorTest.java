package dev.veritas.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.AuditId;
import dev.veritas.testing.ChildJvm;
import dev.veritas.testing.Slow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real I/O error under a running store: the test lowers the store process's file-size limit (prlimit), so SQLite's
 * next write past it fails with EFBIG (SQLITE_IOERR_WRITE), then lifts it again. The shell ignores SIGXFSZ for the
 * child, as a service manager would, so the write fails instead of the signal killing the process.
 */
@Slow
class SqliteIoErrorTest {
    /** SQLite's WAL: a 32-byte header, then frames of a 24-byte header and a 4,096-byte page. */
    private static final long WAL_HEADER = 32;
    private static final long WAL_FRAME = 24 + 4096;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void anIoErrorFailsTheWritesItTouchesAndWritesSucceedAgainWithoutARestart() throws Exception {
        List<String> launcher = List.of("sh", "-c", "trap '' XFSZ; exec \"$@\"", "sh");
        List<AuditId> acknowledged = new ArrayList<>();
        try (ChildJvm child = ChildJvm.startUnder(launcher, StoreFaultChild.class, dir, dir.toString())) {
            assertThat(child.nextLine(60)).isEqualTo("READY");
            for (int i = 0; i < 3; i++) {
                acknowledged.add(ok(child, "unit " + i));
            }
            // A limit on a frame boundary: the first frame past it fails in write(2) itself (EFBIG), not as a short write.
            limitFileSize(child.pid(), Long.toString(WAL_HEADER + 16 * WAL_FRAME));
            child.send("big 1");
            String failed = child.nextLine(60);
            assertThat(failed).startsWith("ERROR").contains("could not read or write the database").contains("SQLITE_IOERR");
            child.send("health");
            assertThat(child.nextLine(60)).startsWith("HEALTH STORAGE_ERROR").contains("no write has succeeded since");

            limitFileSize(child.pid(), "unlimited");
            acknowledged.add(ok(child, "big 2"));
            acknowledged.add(ok(child, "unit 10"));
            child.send("health");
            assertThat(child.nextLine(60)).startsWith("HEALTH OK");
            child.send("restarts");
            assertThat(child.nextLine(60)).isEqualTo("RESTARTS 0");
            child.send("quit");
            assertThat(child.nextLine(60)).isEqualTo("CLOSED");
            assertThat(child.finish(60)).isZero();
        }
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dir))) {
            for (AuditId id : acknowledged) {
                assertThat(store.find(id)).as("acknowledged audit %s", id).isPresent();
            }
            assertThat(store.check().ok()).isTrue();
        }
    }

    private static AuditId ok(ChildJvm child, String command) throws Exception {
        child.send(command);
        String line = child.nextLine(60);
        assertThat(line).as(command).startsWith("OK ");
        return new AuditId(line.substring(3));
    }

    /** Sets the soft limit only, so it can be raised again. */
    private static void limitFileSize(long pid, String bytes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), "--fsize=" + bytes + ":unlimited")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("prlimit: %s", output).isZero();
    }
}
