package dev.veritas.store.copy;

import dev.veritas.store.files.ScreenshotFiles;
import dev.veritas.store.jdbc.Database;
import dev.veritas.store.jdbc.Dialect;
import dev.veritas.store.jdbc.Tx;
import dev.veritas.store.postgres.PostgresAuditStore;
import dev.veritas.store.postgres.PostgresScreenshotBytes;
import dev.veritas.store.sqlite.SqliteAuditStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Copies the history of an embedded SQLite store into PostgreSQL: every audit with its findings, its events (with
 * their ids, so a client resuming a stream with Last-Event-ID goes on where it was) and its screenshots (their images
 * move from files into the database).
 *
 * <p>Audits are copied in batches, each in one transaction that reads what it wrote back and compares it with the
 * source, audit by audit, before it commits: row counts and a SHA-256 over every column and image. An interrupted copy
 * leaves whole batches; running it again skips every audit the target already holds identically, so a second run copies
 * nothing. A target that holds an audit with one of the source's ids but different contents, or events with the
 * source's event ids, is another history: the copy refuses before it writes anything.
 */
public final class AuditCopier {
    static final int BATCH = 250;
    private static final int IN_LIST = 500;

    private final Database source;
    private final ScreenshotFiles sourceFiles;
    private final Database target;
    private final Consumer<String> progress;

    /** What a copy did. */
    public record Report(int sourceAudits, int copied, int alreadyThere, long findings, long events, long screenshots, long elapsedMs) {}

    public AuditCopier(SqliteAuditStore source, PostgresAuditStore target, Consumer<String> progress) {
        this.source = source.database();
        this.sourceFiles = source.screenshotFiles();
        this.target = target.database();
        this.progress = progress;
    }

    public Report copy() {
        long t0 = System.nanoTime();
        List<String> ids = source.read(tx -> {
            List<String> all = new ArrayList<>();
            try (ResultSet rs = tx.prepare("SELECT id FROM audits ORDER BY seq").executeQuery()) {
                while (rs.next()) {
                    all.add(rs.getString(1));
                }
            }
            return all;
        });
        progress.accept(ids.size() + " audits in the source");
        Set<String> present = presentInTarget(ids);
        List<String> toCopy = ids.stream().filter(id -> !present.contains(id)).toList();
        if (!present.isEmpty()) {
            progress.accept("comparing the " + present.size() + " audits the target already holds with the source");
            requireIdentical(ids.stream().filter(present::contains).toList());
        }
        requireFreeEventIds(toCopy);
        if (toCopy.isEmpty()) {
            return new Report(ids.size(), 0, present.size(), 0, 0, 0, millisSince(t0));
        }
        reserveEventIds();
        long findings = 0;
        long events = 0;
        long screenshots = 0;
        int done = 0;
        long lastReport = System.nanoTime();
        List<List<String>> batches = chunks(toCopy, BATCH);
        // The next batch is read from SQLite while the current one is written to PostgreSQL: each waits on another machine part.
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "veritas-copy-read");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Map<String, AuditData>> next = reader.submit(() -> readSource(batches.get(0)));
            for (int b = 0; b < batches.size(); b++) {
                List<String> batch = batches.get(b);
                Map<String, AuditData> read = await(next);
                if (b + 1 < batches.size()) {
                    List<String> following = batches.get(b + 1);
                    next = reader.submit(() -> readSource(following));
                }
                target.write(tx -> {
                    insert(tx, read.values());
                    verify(read, readBatch(tx, batch, AuditCopier::targetImage));
                    return null;
                });
                for (AuditData a : read.values()) {
                    findings += a.findings.size();
                    events += a.events.size();
                    screenshots += a.screenshots.size();
                }
                done += batch.size();
                if (System.nanoTime() - lastReport > 2_000_000_000L || done == toCopy.size()) {
                    progress.accept(String.format("copied %,d of %,d audits (%,d events, %,d screenshots) in %.1f s", done, toCopy.size(), events,
                            screenshots, millisSince(t0) / 1000.0));
                    lastReport = System.nanoTime();
                }
            }
        } finally {
            reader.shutdownNow();
        }
        return new Report(ids.size(), toCopy.size(), present.size(), findings, events, screenshots, millisSince(t0));
    }

    private Map<String, AuditData> readSource(List<String> batch) {
        return source.read(tx -> readBatch(tx, batch, this::sourceImage));
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while copying", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Set<String> presentInTarget(List<String> ids) {
        Set<String> present = new HashSet<>();
        for (List<String> chunk : chunks(ids, IN_LIST)) {
            target.read(tx -> {
                PreparedStatement ps = tx.prepare("SELECT id FROM audits WHERE id IN (" + marks(chunk.size()) + ")");
                bindAll(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getString(1));
                    }
                }
                return null;
            });
        }
        return present;
    }

    /** Audits already in the target must be the same audits: copied before, not another history that reused ids. */
    private void requireIdentical(List<String> present) {
        List<String> differing = new ArrayList<>();
        for (List<String> batch : chunks(present, BATCH)) {
            Map<String, AuditData> from = source.read(tx -> readBatch(tx, batch, this::sourceImage));
            Map<String, AuditData> to = target.read(tx -> readBatch(tx, batch, AuditCopier::targetImage));
            for (String id : batch) {
                if (!from.get(id).checksum().equals(to.get(id).checksum())) {
                    differing.add(id);
                }
            }
        }
        if (!differing.isEmpty()) {
            throw new IllegalArgumentException("the target database already holds " + differing.size() + " audits with the same ids as the source "
                    + "but different contents (" + sample(differing) + "); it is not a copy of this history. Nothing was copied: copy into "
                    + "an empty database, or if the source changed since an earlier copy (stop Veritas before copying), delete those audits "
                    + "from the target and copy again");
        }
    }

    /** Events keep their ids, so the target must hold none of the ids the copied audits' events have. */
    private void requireFreeEventIds(List<String> toCopy) {
        if (toCopy.isEmpty() || !targetHasEventsBetween(sourceEventRange())) {
            return; // the usual case, an empty target (or one with only newer events): nothing to look up one by one
        }
        List<Long> taken = new ArrayList<>();
        for (List<String> batch : chunks(toCopy, IN_LIST)) {
            List<Long> eventIds = source.read(tx -> {
                PreparedStatement ps = tx.prepare("SELECT id FROM audit_events WHERE audit_id IN (" + marks(batch.size()) + ")");
                bindAll(ps, batch);
                List<Long> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getLong(1));
                    }
                }
                return found;
            });
            for (List<Long> chunk : chunks(eventIds, 5_000)) {
                target.read(tx -> {
                    PreparedStatement ps = tx.prepare("SELECT id FROM audit_events WHERE id = ANY (?)");
                    ps.setArray(1, tx.connection().createArrayOf("bigint", chunk.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            taken.add(rs.getLong(1));
                        }
                    }
                    return null;
                });
            }
        }
        if (!taken.isEmpty()) {
            Collections.sort(taken);
            throw new IllegalArgumentException("the target database already holds " + taken.size() + " events with the ids of the source's events "
                    + "(e.g. " + sample(taken) + ") but for other audits; event ids are kept so clients can resume their streams. Nothing "
                    + "was copied: copy into an empty database");
        }
    }

    private long[] sourceEventRange() {
        return source.read(tx -> {
            try (ResultSet rs = tx.prepare("SELECT COALESCE(min(id), 0), COALESCE(max(id), 0) FROM audit_events").executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        });
    }

    private boolean targetHasEventsBetween(long[] range) {
        return target.read(tx -> {
            PreparedStatement ps = tx.prepare("SELECT EXISTS (SELECT 1 FROM audit_events WHERE id BETWEEN ? AND ?)");
            ps.setLong(1, range[0]);
            ps.setLong(2, range[1]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** New events written on the target from now on get ids above every copied one. */
    private void reserveEventIds() {
        long max = source.read(tx -> {
            try (ResultSet rs = tx.prepare("SELECT COALESCE(max(id), 0) FROM audit_events").executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        target.write(tx -> {
            PreparedStatement ps = tx.prepare("SELECT setval(pg_get_serial_sequence('audit_events', 'id'), "
                    + "GREATEST(?, nextval(pg_get_serial_sequence('audit_events', 'id'))))");
            ps.setLong(1, Math.max(1, max));
            ps.executeQuery().close();
            return null;
        });
    }

    private interface Images {
        byte[] load(Tx tx, String auditId, Object[] screenshotRow) throws SQLException;
    }

    /** The batch's audits, in the order of {@code ids}, each with its rows in their order. */
    private static Map<String, AuditData> readBatch(Tx tx, List<String> ids, Images images) throws SQLException {
        Map<String, AuditData> audits = new LinkedHashMap<>();
        Map<String, Object[]> rows = new LinkedHashMap<>();
        PreparedStatement ps = tx.prepare("SELECT " + CopiedTables.names(CopiedTables.AUDIT) + " FROM audits WHERE id IN (" + marks(ids.size()) + ")");
        bindAll(ps, ids);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] row = CopiedTables.read(rs, CopiedTables.AUDIT);
                rows.put((String) row[0], row);
            }
        }
        for (String id : ids) {
            Object[] row = rows.get(id);
            if (row == null) {
                throw new IllegalStateException("audit " + id + " disappeared while it was being copied; stop Veritas and copy again");
            }
            audits.put(id, new AuditData(id, row));
        }
        readChildren(tx, ids, "audit_findings", CopiedTables.FINDING, "id", audits, a -> a.findings);
        readChildren(tx, ids, "audit_events", CopiedTables.EVENT, "id", audits, a -> a.events);
        readChildren(tx, ids, "audit_screenshots", CopiedTables.SCREENSHOT, "index_num", audits, a -> a.screenshots);
        for (AuditData a : audits.values()) {
            for (Object[] shot : a.screenshots) {
                a.images.add(images.load(tx, a.id, shot));
            }
        }
        return audits;
    }

    private static void readChildren(Tx tx, List<String> ids, String table, List<CopiedTables.Column> columns, String order,
            Map<String, AuditData> audits, Function<AuditData, List<Object[]>> into) throws SQLException {
        PreparedStatement ps = tx.prepare("SELECT " + CopiedTables.names(columns) + " FROM " + table + " WHERE audit_id IN (" + marks(ids.size())
                + ") ORDER BY audit_id, " + order);
        bindAll(ps, ids);
        int auditColumn = columnIndex(columns, "audit_id");
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] row = CopiedTables.read(rs, columns);
                into.apply(audits.get((String) row[auditColumn])).add(row);
            }
        }
    }

    private byte[] sourceImage(Tx tx, String auditId, Object[] shot) {
        String key = (String) shot[columnIndex(CopiedTables.SCREENSHOT, "file_path")];
        Object index = shot[columnIndex(CopiedTables.SCREENSHOT, "index_num")];
        Optional<Path> file = sourceFiles.resolve(key);
        if (file.isEmpty()) {
            throw new IllegalArgumentException("screenshot " + index + " of audit " + auditId + " has no image at " + sourceFiles.root().resolve(key)
                    + "; run `veritas db check` on the source, and restore the screenshots folder beside its database");
        }
        try {
            return Files.readAllBytes(file.get());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read screenshot " + file.get() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] targetImage(Tx tx, String auditId, Object[] shot) throws SQLException {
        PreparedStatement ps = tx.prepare("SELECT c.bytes FROM audit_screenshot_chunks c JOIN audit_screenshots s ON s.id = c.screenshot_id "
                + "WHERE s.audit_id = ? AND s.index_num = ? ORDER BY c.chunk");
        ps.setString(1, auditId);
        ps.setLong(2, (Long) shot[columnIndex(CopiedTables.SCREENSHOT, "index_num")]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.writeBytes(rs.getBytes(1));
            }
        }
        return out.toByteArray();
    }

    private static void insert(Tx tx, Iterable<AuditData> audits) throws SQLException {
        String json = Dialect.POSTGRES.json();
        PreparedStatement a = tx.prepare("INSERT INTO audits (" + CopiedTables.names(CopiedTables.AUDIT) + ") VALUES ("
                + CopiedTables.placeholders(CopiedTables.AUDIT, json) + ")");
        PreparedStatement f = tx.prepare("INSERT INTO audit_findings (" + CopiedTables.names(CopiedTables.FINDING) + ") VALUES ("
                + CopiedTables.placeholders(CopiedTables.FINDING, json) + ")");
        PreparedStatement e = tx.prepare("INSERT INTO audit_events (" + CopiedTables.names(CopiedTables.EVENT) + ") VALUES ("
                + CopiedTables.placeholders(CopiedTables.EVENT, json) + ")");
        PreparedStatement s = tx.prepare("INSERT INTO audit_screenshots (" + CopiedTables.names(CopiedTables.SCREENSHOT) + ") VALUES ("
                + CopiedTables.placeholders(CopiedTables.SCREENSHOT, json) + ") RETURNING id");
        boolean anyFinding = false;
        boolean anyEvent = false;
        for (AuditData audit : audits) {
            CopiedTables.bind(a, 1, CopiedTables.AUDIT, audit.audit);
            a.addBatch();
        }
        a.executeBatch();
        for (AuditData audit : audits) {
            for (Object[] row : audit.findings) {
                CopiedTables.bind(f, 1, CopiedTables.FINDING, row);
                f.addBatch();
                anyFinding = true;
            }
            for (Object[] row : audit.events) {
                CopiedTables.bind(e, 1, CopiedTables.EVENT, row);
                e.addBatch();
                anyEvent = true;
            }
            for (int i = 0; i < audit.screenshots.size(); i++) {
                CopiedTables.bind(s, 1, CopiedTables.SCREENSHOT, audit.screenshots.get(i));
                long rowId;
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    rowId = rs.getLong(1);
                }
                PostgresScreenshotBytes.writeChunks(tx, rowId, audit.images.get(i));
            }
        }
        if (anyFinding) {
            f.executeBatch();
        }
        if (anyEvent) {
            e.executeBatch();
        }
    }

    /** In the copying transaction: what it wrote, read back, must be what it read, audit by audit. */
    private static void verify(Map<String, AuditData> from, Map<String, AuditData> to) {
        for (AuditData source : from.values()) {
            AuditData copy = to.get(source.id);
            String counts = source.countDifference(copy);
            if (!counts.isEmpty()) {
                throw new IllegalStateException("the copy of audit " + source.id + " has other row counts than the source (" + counts
                        + "); nothing of its batch was kept");
            }
            if (!source.checksum().equals(copy.checksum())) {
                throw new IllegalStateException("the copy of audit " + source.id + " differs from the source (checksum); nothing of its batch was kept");
            }
        }
    }

    private static int columnIndex(List<CopiedTables.Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bindAll(PreparedStatement ps, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
        }
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            out.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return out;
    }

    private static String sample(List<?> values) {
        List<String> shown = values.stream().limit(5).map(String::valueOf).toList();
        return String.join(", ", shown) + (values.size() > 5 ? ", …" : "");
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
