package dev.veritas.store.postgres;

import dev.veritas.audit.AuditId;
import dev.veritas.audit.Screenshot;
import dev.veritas.store.NewScreenshot;
import dev.veritas.store.ScreenshotContent;
import dev.veritas.store.files.ScreenshotFiles;
import dev.veritas.store.jdbc.Database;
import dev.veritas.store.jdbc.ScreenshotBytes;
import dev.veritas.store.jdbc.Tx;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Screenshot bytes in PostgreSQL itself, so every node serves every screenshot: in chunks of {@value #CHUNK} bytes
 * in {@code audit_screenshot_chunks}, written in the audit's transaction (fenced with it), deleted with their row by
 * the foreign key's cascade, and read back one chunk at a time so an image is never held whole in memory.
 */
public final class PostgresScreenshotBytes implements ScreenshotBytes {
    static final int CHUNK = 256 * 1024;
    private final Database db;

    public PostgresScreenshotBytes(Database db) {
        this.db = db;
    }

    @Override
    public Staged stage(AuditId id, NewScreenshot shot) {
        // Nothing is written outside the transaction: the key only names the image the way files and objects are named.
        return new Staged(ScreenshotFiles.newKey(id, shot.index(), shot.label(), shot.mediaType()), ScreenshotFiles.sha256(shot.bytes()),
                shot.bytes().length);
    }

    @Override
    public void record(Tx tx, long screenshotRowId, NewScreenshot shot) throws SQLException {
        writeChunks(tx, screenshotRowId, shot.bytes());
    }

    /** Writes an image's chunks for the screenshot row {@code screenshotRowId}; also used when copying a database. */
    public static void writeChunks(Tx tx, long screenshotRowId, byte[] bytes) throws SQLException {
        PreparedStatement ps = tx.prepare("INSERT INTO audit_screenshot_chunks (screenshot_id, chunk, bytes) VALUES (?, ?, ?)");
        for (int chunk = 0, from = 0; from < bytes.length; chunk++, from += CHUNK) {
            ps.setLong(1, screenshotRowId);
            ps.setInt(2, chunk);
            ps.setBytes(3, Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK)));
            ps.addBatch();
        }
        ps.executeBatch();
    }

    @Override
    public void discard(Staged staged) {
        // nothing outside the transaction
    }

    @Override
    public void removed(List<String> keys) {
        // the rows' cascade removed the chunks in the same transaction
    }

    @Override
    public void auditDeleted(AuditId id) {
        // the rows' cascade removed the chunks in the same transaction
    }

    @Override
    public Optional<ScreenshotContent.Source> source(Screenshot screenshot, long screenshotRowId) {
        return Optional.of(() -> new ChunkStream(screenshotRowId, screenshot));
    }

    @Override
    public void removeOrphans(Predicate<AuditId> exists) {
        // nothing can outlive its row here
    }

    @Override
    public long countMissing(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_screenshots s WHERE s.file_size_bytes <> COALESCE("
                + "(SELECT sum(octet_length(c.bytes)) FROM audit_screenshot_chunks c WHERE c.screenshot_id = s.id), 0)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public String where() {
        return "the table audit_screenshot_chunks";
    }

    /** Reads the chunks of one image in order, each in a short read of its own, so no connection waits on a slow client. */
    private final class ChunkStream extends InputStream {
        private final long rowId;
        private final Screenshot screenshot;
        private final int chunks;
        private int next;
        private byte[] current = new byte[0];
        private int pos;

        ChunkStream(long rowId, Screenshot screenshot) {
            this.rowId = rowId;
            this.screenshot = screenshot;
            this.chunks = (int) ((screenshot.sizeBytes() + CHUNK - 1) / CHUNK);
        }

        private boolean fill() throws IOException {
            while (pos >= current.length) {
                if (next >= chunks) {
                    return false;
                }
                int chunk = next++;
                Optional<byte[]> bytes = db.read(tx -> {
                    PreparedStatement ps = tx.prepare("SELECT bytes FROM audit_screenshot_chunks WHERE screenshot_id = ? AND chunk = ?");
                    ps.setLong(1, rowId);
                    ps.setInt(2, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                    }
                });
                if (bytes.isEmpty()) {
                    // Its audit was deleted (or its attempt forgotten) while the image was being read.
                    throw new IOException("screenshot " + screenshot.filePath() + " is gone (part " + chunk + " of " + chunks + ")");
                }
                current = bytes.get();
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
