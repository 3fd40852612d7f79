package dev.veritas.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.AuditSummary;
import dev.veritas.audit.Comparison;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.Screenshot;
import dev.veritas.store.AuditStore;
import dev.veritas.store.Claim;
import dev.veritas.store.EventSignal;
import dev.veritas.store.HistoryPage;
import dev.veritas.store.HistoryQuery;
import dev.veritas.store.IllegalTransitionException;
import dev.veritas.store.Lease;
import dev.veritas.store.NewEvent;
import dev.veritas.store.NewScreenshot;
import dev.veritas.store.RecoveryReport;
import dev.veritas.store.ScreenshotContent;
import dev.veritas.store.WorkerId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit store in plain SQL, shared by SQLite and PostgreSQL, as a facade over its roles: the {@link JdbcQueue},
 * the {@link JdbcAuditWriter}, the {@link JdbcAuditReader} and the {@link JdbcScreenshots}, which share one
 * {@link Database} and one {@link Fence}. Subclasses decide only how a unit of work reaches the database
 * ({@link #write}, {@link #read}), how events are numbered ({@link #insertEventRows}) and how errors are described.
 */
public abstract class JdbcAuditStore implements AuditStore {
    protected final Dialect dialect;
    protected final Clock clock;
    protected final EventSignal signal = new EventSignal();
    /** This store's units of work, as the roles take them. */
    protected final Database db = new Database() {
        @Override
        public <T> T write(Tx.Work<T> work) {
            return JdbcAuditStore.this.write(work);
        }

        @Override
        public <T> T read(Tx.Work<T> work) {
            return JdbcAuditStore.this.read(work);
        }
    };
    protected final JdbcScreenshots screenshots;
    private final JdbcAuditReader reader;
    private final JdbcAuditWriter writer;
    private final JdbcQueue queue;
    private final AuditSql sql;

    /** @param bytes where screenshot bytes are kept, given this store's units of work */
    protected JdbcAuditStore(Dialect dialect, Clock clock, Function<Database, ScreenshotBytes> bytes) {
        this.dialect = dialect;
        this.clock = clock;
        // Called when a role writes events, after construction: the subclass's numbering is in place by then.
        EventRows events = this::insertEventRows;
        Fence fence = new Fence(dialect);
        this.sql = new AuditSql(dialect, clock, events);
        this.screenshots = new JdbcScreenshots(db, clock, fence, bytes.apply(db));
        this.reader = new JdbcAuditReader(db, dialect, clock, events);
        this.writer = new JdbcAuditWriter(db, dialect, clock, fence, events);
        this.queue = new JdbcQueue(db, dialect, clock, events, reader, screenshots);
    }

    /** Runs a unit of work in a write transaction; returns once it is committed. */
    protected abstract <T> T write(Tx.Work<T> work);

    /** Runs work on a consistent read-only snapshot. */
    protected abstract <T> T read(Tx.Work<T> work);

    /** This store's units of work, for tools that work on its tables directly (copying a history). */
    public Database database() {
        return db;
    }

    /** The roles, for callers that need only one of them. */
    public JdbcQueue queue() {
        return queue;
    }

    public JdbcAuditWriter writer() {
        return writer;
    }

    public JdbcAuditReader reader() {
        return reader;
    }

    public JdbcScreenshots screenshots() {
        return screenshots;
    }

    @Override
    public EventSignal eventSignal() {
        return signal;
    }

    // ---------------------------------------------------------------- the queue

    @Override
    public Audit create(NewAudit request) {
        return queue.create(request);
    }

    @Override
    public Claim createRunning(NewAudit request, WorkerId worker, Duration lease) {
        return queue.createRunning(request, worker, lease);
    }

    @Override
    public Optional<Claim> claimNext(WorkerId worker, Duration lease) {
        return queue.claimNext(worker, lease);
    }

    @Override
    public boolean renewLease(Lease lease, Duration duration) {
        return queue.renewLease(lease, duration);
    }

    @Override
    public boolean release(Lease lease, String reason) {
        return queue.release(lease, reason);
    }

    @Override
    public void cancel(AuditId id, String reason) {
        queue.cancel(id, reason);
    }

    @Override
    public Map<AuditStatus, Long> countByStatus() {
        return queue.countByStatus();
    }

    @Override
    public RecoveryReport recoverInterrupted() {
        return queue.recoverInterrupted();
    }

    // ---------------------------------------------------------------- the running audit's writer

    @Override
    public long appendEvent(Lease lease, String type, JsonNode data) {
        return writer.appendEvent(lease, type, data);
    }

    @Override
    public List<Long> appendEvents(Lease lease, List<NewEvent> events) {
        return writer.appendEvents(lease, events);
    }

    @Override
    public void complete(Lease lease, AuditResult result) {
        writer.complete(lease, result);
    }

    @Override
    public void fail(Lease lease, String message) {
        writer.fail(lease, message);
    }

    @Override
    public long fencedWrites() {
        return writer.fencedWrites();
    }

    // ---------------------------------------------------------------- the reader

    @Override
    public Optional<Audit> find(AuditId id) {
        return reader.find(id);
    }

    @Override
    public Optional<AuditStatus> status(AuditId id) {
        return reader.status(id);
    }

    @Override
    public List<AuditEvent> eventsAfter(AuditId id, long afterId, int limit) {
        return reader.eventsAfter(id, afterId, limit);
    }

    @Override
    public HistoryPage history(HistoryQuery query) {
        return reader.history(query);
    }

    @Override
    public List<AuditSummary> auditsOfUrl(String url, int limit) {
        return reader.auditsOfUrl(url, limit);
    }

    @Override
    public Comparison compare(List<AuditId> ids) {
        return reader.compare(ids);
    }

    // ---------------------------------------------------------------- screenshots

    @Override
    public Screenshot addScreenshot(Lease lease, NewScreenshot shot) {
        return screenshots.addScreenshot(lease, shot);
    }

    @Override
    public Optional<ScreenshotContent> screenshot(AuditId id, int index) {
        return screenshots.screenshot(id, index);
    }

    // ---------------------------------------------------------------- deleting

    @Override
    public boolean delete(AuditId id) {
        return write(tx -> {
            Optional<AuditStatus> current = sql.currentStatus(tx, id, true);
            if (current.isEmpty()) {
                return false;
            }
            if (current.get() == AuditStatus.RUNNING) {
                throw new IllegalTransitionException(id, AuditStatus.RUNNING, "deleted while it runs; cancel it first");
            }
            PreparedStatement ps = tx.prepare("DELETE FROM audits WHERE id = ?");
            ps.setString(1, id.value());
            ps.executeUpdate();
            tx.afterCommit(() -> {
                screenshots.bytes().auditDeleted(id);
                signal.forget(id);
            });
            return true;
        });
    }

    // ---------------------------------------------------------------- events, as each database numbers them

    /**
     * Inserts events in order and returns their ids. This default asks the database for each id
     * ({@code RETURNING}), which is what a sequence shared by concurrent transactions requires.
     */
    protected List<Long> insertEventRows(Tx tx, AuditId id, List<String> types, List<String> payloads, long now) throws SQLException {
        PreparedStatement ps = tx.prepare("INSERT INTO audit_events (audit_id, type, data, created_at) VALUES (?, ?, "
                + dialect.json() + ", ?) RETURNING id");
        List<Long> ids = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            ps.setString(1, id.value());
            ps.setString(2, types.get(i));
            ps.setString(3, payloads.get(i));
            ps.setLong(4, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ids.add(rs.getLong(1));
            }
        }
        tx.afterCommit(() -> signal.signal(id));
        return ids;
    }

    /**
     * Event rows with ids the caller chose, in SQLite's numbered parameters: the first id, the audit and the time are
     * bound once per statement ({@code ?1}, {@code ?2}, {@code ?3}) and each row adds only its type and data, 2 values
     * instead of 5. Every value bound is a call into the driver's native code, and there are 50 or more per append.
     */
    private static final MultiRowInsert EVENTS_WITH_IDS = new MultiRowInsert("audit_events", "id, audit_id, type, data, created_at",
            row -> "(?1 + " + row + ", ?2, ?" + (4 + 2 * row) + ", ?" + (5 + 2 * row) + ", ?3)");

    /** Inserts event rows with ids the caller chose (for stores that can allocate ids themselves: SQLite, whose SQL this is). */
    protected void insertEventRowsWithIds(Tx tx, AuditId id, long firstId, List<String> types, List<String> payloads, long now) throws SQLException {
        for (int from = 0; from < types.size(); from += MultiRowInsert.MAX_ROWS) {
            int to = Math.min(types.size(), from + MultiRowInsert.MAX_ROWS);
            PreparedStatement ps = tx.prepare(EVENTS_WITH_IDS.sql(to - from));
            ps.setLong(1, firstId + from);
            ps.setString(2, id.value());
            ps.setLong(3, now);
            int p = 4;
            for (int n = from; n < to; n++) {
                ps.setString(p++, types.get(n));
                ps.setString(p++, payloads.get(n));
            }
            ps.executeUpdate();
        }
        tx.afterCommit(() -> signal.signal(id));
    }

    // ---------------------------------------------------------------- checks shared by both databases

    /**
     * The parts of {@code veritas db check} that are the same on every database: the schema version, row counts,
     * and screenshot files that rows point at but that are gone from disk.
     */
    protected String checkContents(Statement st, Map<String, Long> counts, List<String> problems) throws SQLException {
        String version;
        try (ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success = " + (dialect == Dialect.SQLITE ? "1" : "true")
                + " AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            version = rs.next() ? rs.getString(1) : "none";
        }
        for (AuditStatus status : AuditStatus.values()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM audits WHERE status = '" + status.wire() + "'")) {
                rs.next();
                counts.put("audits_" + status.wire(), rs.getLong(1));
            }
        }
        for (String table : List.of("audit_findings", "audit_screenshots", "audit_events")) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        long missing = screenshots.bytes().countMissing(st);
        if (missing > 0) {
            problems.add(missing + " screenshots have no image in " + screenshots.bytes().where());
        }
        if (version.equals("none")) {
            problems.add("no schema version recorded");
        }
        return version;
    }
}
