package dev.veritas.store.sqlite;

import static dev.veritas.store.sqlite.SqliteConcurrencyTest.writeUnit;
import static dev.veritas.testing.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.testing.CliRun;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code veritas db check} and {@code db backup} end to end, in process, on real data directories (as CliTest runs commands). */
class DbCommandTest {
    @TempDir
    Path dir;

    private Path dataWithAudits(int audits, SqliteOptions.Synchronous synchronous) {
        Path data = dir.resolve("data");
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(data).withSynchronous(synchronous))) {
            for (int i = 0; i < audits; i++) {
                writeUnit(store, i);
            }
        }
        return data;
    }

    @Test
    void checkPrintsTheWriteConnectionsSettings() {
        Path data = dataWithAudits(3, SqliteOptions.Synchronous.FULL);
        CliRun r = run("db", "check", "--data", data.toString(), "--synchronous", "full");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("synchronous     full").contains("foreign_keys    on").contains("busy_timeout    5000 ms")
                .contains("as set on this process's write connection").contains("audits completed 3");
        assertThat(r.out().strip()).endsWith("ok");

        CliRun normal = run("db", "check", "--data", data.toString());
        assertThat(normal.out()).contains("synchronous     normal");
    }

    @Test
    void checkOfAFolderWithoutADatabaseSaysSoAndCreatesNothing() throws Exception {
        Path missing = dir.resolve("no-such-data");
        CliRun r = run("db", "check", "--data", missing.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("no Veritas database at " + missing.toAbsolutePath().resolve("veritas.db"));
        assertThat(missing).doesNotExist();

        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun e = run("db", "check", "--data", empty.toString());
        assertThat(e.code()).isNotZero();
        assertThat(e.err()).contains("no Veritas database at");
        try (var files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void backupOfAFolderWithoutADatabaseCreatesNothing() {
        Path missing = dir.resolve("no-such-data");
        CliRun r = run("db", "backup", dir.resolve("copy.db").toString(), "--data", missing.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("no Veritas database at");
        assertThat(missing).doesNotExist();
        assertThat(dir.resolve("copy.db")).doesNotExist();
    }

    /**
     * Two kinds of damage that still let the file open: one key of an index changed in place (the b-tree stays valid,
     * integrity_check lists the mismatch), and a whole index page overwritten (integrity_check itself stops).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void checkOfADamagedFileFailsAndSaysHowToRecover(boolean wholePage) throws Exception {
        Path data = dataWithAudits(5, SqliteOptions.Synchronous.NORMAL);
        Path db = data.resolve("veritas.db");
        long page;
        int pageSize;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = 'idx_audits_host'")) {
                rs.next();
                page = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getInt(1);
            }
        }
        long offset = (page - 1) * pageSize;
        if (wholePage) {
            overwrite(db, offset, new byte[pageSize]);
        } else {
            byte[] bytes = Files.readAllBytes(db);
            String pageText = new String(bytes, (int) offset, pageSize, StandardCharsets.ISO_8859_1);
            int at = pageText.indexOf("writer3.example");
            assertThat(at).as("the host is stored in the index page").isNotNegative();
            overwrite(db, offset + at, "wrXter3".getBytes(StandardCharsets.US_ASCII));
        }

        CliRun r = run("db", "check", "--data", data.toString());
        assertThat(r.code()).as(r.out() + r.err()).isNotZero();
        assertThat(r.out()).as(r.err()).contains("PROBLEM: ").contains("damaged").contains("copy made by `veritas db backup`")
                .contains("aside").doesNotContain("run `veritas db check`");
        if (!wholePage) {
            assertThat(r.out()).contains("PROBLEM: integrity_check reported").contains("idx_audits_host");
        }
        assertThat(r.out().strip()).doesNotEndWith("ok");
    }

    /** Not a database at all (the header is gone): opening fails, and the message still says what to do. */
    @Test
    void checkOfAFileThatIsNoDatabaseFailsAndSaysHowToRecover() throws Exception {
        Path data = dataWithAudits(1, SqliteOptions.Synchronous.NORMAL);
        byte[] junk = new byte[100];
        Arrays.fill(junk, (byte) 0x5a);
        overwrite(data.resolve("veritas.db"), 0, junk);

        CliRun r = run("db", "check", "--data", data.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("damaged or is not a Veritas database").contains("veritas db backup")
                .doesNotContain("run `veritas db check`");
    }

    private static void overwrite(Path file, long offset, byte[] bytes) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), offset);
        }
    }
}
