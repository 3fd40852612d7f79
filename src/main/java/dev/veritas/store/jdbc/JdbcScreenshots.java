package dev.veritas.store.jdbc;

import dev.veritas.audit.AuditId;
import dev.veritas.audit.Require;
import dev.veritas.audit.Screenshot;
import dev.veritas.store.Lease;
import dev.veritas.store.NewScreenshot;
import dev.veritas.store.ScreenshotContent;
import dev.veritas.store.ScreenshotStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Screenshots of a JDBC store: metadata in {@code audit_screenshots}, fenced by the audit's lease; the bytes wherever
 * {@link ScreenshotBytes} keeps them.
 */
public final class JdbcScreenshots implements ScreenshotStore {
    private final Database db;
    private final Clock clock;
    private final Fence fence;
    private final ScreenshotBytes bytes;

    public JdbcScreenshots(Database db, Clock clock, Fence fence, ScreenshotBytes bytes) {
        this.db = db;
        this.clock = clock;
        this.fence = fence;
        this.bytes = bytes;
    }

    public ScreenshotBytes bytes() {
        return bytes;
    }

    @Override
    public Screenshot addScreenshot(Lease lease, NewScreenshot shot) {
        Require.present("screenshot", shot);
        AuditId id = lease.auditId();
        ScreenshotBytes.Staged staged = bytes.stage(id, shot);
        Instant now = clock.instant();
        try {
            db.write(tx -> {
                fence.require(tx, lease, "given new screenshots");
                PreparedStatement dup = tx.prepare("SELECT 1 FROM audit_screenshots WHERE audit_id = ? AND index_num = ?");
                dup.setString(1, id.value());
                dup.setInt(2, shot.index());
                try (ResultSet rs = dup.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalArgumentException("audit " + id + " already has a screenshot with index " + shot.index());
                    }
                }
                long rowId = insertRow(tx, id, shot, staged, now.toEpochMilli());
                bytes.record(tx, rowId, shot);
                PreparedStatement count = tx.prepare("UPDATE audits SET screenshots_count = screenshots_count + 1, updated_at = ? WHERE id = ?");
                count.setLong(1, now.toEpochMilli());
                count.setString(2, id.value());
                count.executeUpdate();
                return null;
            });
        } catch (RuntimeException e) {
            bytes.discard(staged);
            throw e;
        }
        return new Screenshot(shot.index(), shot.label(), shot.pageUrl(), staged.key(), shot.mediaType(),
                shot.width(), shot.height(), staged.sizeBytes(), staged.sha256(), now);
    }

    /** Inserts a screenshot's row and returns its id (the bytes' owner when they are kept in the database). */
    private static long insertRow(Tx tx, AuditId id, NewScreenshot shot, ScreenshotBytes.Staged staged, long createdAt) throws SQLException {
        PreparedStatement ps = tx.prepare("INSERT INTO audit_screenshots (audit_id, index_num, label, page_url, file_path, "
                + "media_type, width, height, file_size_bytes, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        ps.setString(1, id.value());
        ps.setInt(2, shot.index());
        ps.setString(3, shot.label());
        ps.setString(4, shot.pageUrl().orElse(null));
        ps.setString(5, staged.key());
        ps.setString(6, shot.mediaType());
        ps.setInt(7, shot.width());
        ps.setInt(8, shot.height());
        ps.setLong(9, staged.sizeBytes());
        ps.setString(10, staged.sha256());
        ps.setLong(11, createdAt);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public Optional<ScreenshotContent> screenshot(AuditId id, int index) {
        record Row(Screenshot screenshot, long rowId) {}
        Optional<Row> row = db.read(tx -> {
            PreparedStatement ps = tx.prepare("SELECT id, " + AuditRows.SCREENSHOT_COLUMNS + " FROM audit_screenshots WHERE audit_id = ? AND index_num = ?");
            ps.setString(1, id.value());
            ps.setInt(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(AuditRows.screenshot(rs), rs.getLong("id"))) : Optional.<Row>empty();
            }
        });
        return row.flatMap(r -> bytes.source(r.screenshot(), r.rowId()).map(s -> new ScreenshotContent(r.screenshot(), s)));
    }

    /**
     * In a transaction that is about to delete an audit's screenshot rows: arranges for their bytes to go once it
     * commits (only these rows' bytes: the next attempt may already be writing its own).
     */
    void forgetAfterCommit(Tx tx, AuditId id) throws SQLException {
        PreparedStatement paths = tx.prepare("SELECT file_path FROM audit_screenshots WHERE audit_id = ?");
        paths.setString(1, id.value());
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = paths.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        PreparedStatement shots = tx.prepare("DELETE FROM audit_screenshots WHERE audit_id = ?");
        shots.setString(1, id.value());
        shots.executeUpdate();
        tx.afterCommit(() -> bytes.removed(keys));
    }
}
