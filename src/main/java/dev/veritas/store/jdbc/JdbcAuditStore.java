package dev.veritas.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditComparer;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.AuditSummary;
import dev.veritas.audit.Comparison;
import dev.veritas.audit.EventType;
import dev.veritas.audit.Finding;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.Require;
import dev.veritas.audit.Screenshot;
import dev.veritas.audit.TargetUrl;
import dev.veritas.json.Json;
import dev.veritas.store.AuditNotFoundException;
import dev.veritas.store.AuditStore;
import dev.veritas.store.Claim;
import dev.veritas.store.EventSignal;
import dev.veritas.store.HistoryCursor;
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
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit store's logic in plain SQL, shared by SQLite and PostgreSQL. Subclasses decide only how a unit
 * of work reaches the database ({@link #write}, {@link #read}) and how errors are described.
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
    private final Fence fence;
    protected final JdbcScreenshots screenshots;

    /** @param bytes where screenshot bytes are kept, given this store's units of work */
    protected JdbcAuditStore(Dialect dialect, Clock clock, Function<Database, ScreenshotBytes> bytes) {
        this.dialect = dialect;
        this.clock = clock;
        this.fence = new Fence(dialect);
        this.screenshots = new JdbcScreenshots(db, clock, fence, bytes.apply(db));
    }

    /** Runs a unit of work in a write transaction; returns once it is committed. */
    protected abstract <T> T write(Tx.Work<T> work);

    /** Runs work on a consistent read-only snapshot. */
    protected abstract <T> T read(Tx.Work<T> work);

    /** This store's units of work, for tools that work on its tables directly (copying a history). */
    public Database database() {
        return db;
    }

    @Override
    public EventSignal eventSignal() {
        return signal;
    }

    /** Writes refused because their lease was no longer the audit's (a stale or cancelled worker), since start. */
    @Override
    public long fencedWrites() {
        return fence.refused();
    }

    // ---------------------------------------------------------------- creating and lifecycle

    @Override
    public Audit create(NewAudit request) {
        return insert(request, Optional.empty(), Duration.ZERO);
    }

    @Override
    public Claim createRunning(NewAudit request, WorkerId worker, Duration lease) {
        Require.present("worker", worker);
        Audit audit = insert(request, Optional.of(worker), lease);
        return new Claim(audit, new Lease(audit.id(), worker, 1));
    }

    private Audit insert(NewAudit request, Optional<WorkerId> worker, Duration lease) {
        Require.present("request", request);
        AuditId id = AuditId.random();
        Instant now = clock.instant();
        AuditStatus status = worker.isPresent() ? AuditStatus.RUNNING : AuditStatus.QUEUED;
        String url = request.url().toString();
        ObjectNode data = Json.object().put("status", status.wire()).put("url", url).put("tier", request.tier().wire());
        String eventJson = Json.write(data);
        write(tx -> {
            PreparedStatement ps = tx.prepare("INSERT INTO audits (id, url, host, status, tier, verdict_mode, attempts, "
                    + "lease_owner, lease_expires_at, lease_epoch, created_at, started_at, updated_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, " + (worker.isPresent() ? 1 : 0) + ", ?, ?, ?, 0)");
            ps.setString(1, id.value());
            ps.setString(2, url);
            ps.setString(3, request.url().host());
            ps.setString(4, status.wire());
            ps.setString(5, request.tier().wire());
            ps.setString(6, request.verdictMode().wire());
            setNullableString(ps, 7, worker.map(WorkerId::encode).orElse(null));
            setNullableLong(ps, 8, worker.isPresent() ? now.plus(lease).toEpochMilli() : null);
            ps.setLong(9, now.toEpochMilli());
            setNullableLong(ps, 10, worker.isPresent() ? now.toEpochMilli() : null);
            ps.setLong(11, now.toEpochMilli());
            ps.executeUpdate();
            insertEvent(tx, id, EventType.STATUS.wire(), eventJson, now.toEpochMilli());
            return null;
        });
        return new Audit(id, url, request.url().host(), status, request.tier(), request.verdictMode(), 0, now,
                worker.isPresent() ? Optional.of(now) : Optional.empty(), Optional.empty(), now, 0,
                Optional.empty(), Optional.empty(), List.of());
    }

    @Override
    public Optional<Claim> claimNext(WorkerId worker, Duration lease) {
        Require.present("worker", worker);
        return write(tx -> {
            PreparedStatement pick = tx.prepare("SELECT id, attempts, lease_epoch FROM audits WHERE status = 'queued' ORDER BY seq LIMIT 1"
                    + dialect.skipLocked());
            AuditId id;
            int attempts;
            long epoch;
            try (ResultSet rs = pick.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Claim>empty();
                }
                id = new AuditId(rs.getString(1));
                attempts = rs.getInt(2);
                epoch = rs.getLong(3) + 1;
            }
            long now = clock.millis();
            // The claim raises the epoch in the same statement that takes the audit: the new number fences every
            // writer of an earlier claim.
            PreparedStatement claim = tx.prepare("UPDATE audits SET status = 'running', started_at = ?, lease_owner = ?, "
                    + "lease_expires_at = ?, lease_epoch = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'queued'");
            claim.setLong(1, now);
            claim.setString(2, worker.encode());
            claim.setLong(3, now + lease.toMillis());
            claim.setLong(4, epoch);
            claim.setLong(5, now);
            claim.setString(6, id.value());
            if (claim.executeUpdate() != 1) {
                return Optional.<Claim>empty();
            }
            ObjectNode data = Json.object().put("status", "running").put("worker", worker.name()).put("attempt", attempts + 1);
            insertEvent(tx, id, EventType.STATUS.wire(), Json.write(data), now);
            Lease granted = new Lease(id, worker, epoch);
            return loadAudit(tx, id).map(a -> new Claim(a, granted));
        });
    }

    @Override
    public boolean renewLease(Lease lease, Duration duration) {
        return write(tx -> {
            PreparedStatement ps = tx.prepare("UPDATE audits SET lease_expires_at = ? WHERE id = ? AND status = 'running' "
                    + "AND lease_owner = ? AND lease_epoch = ?");
            ps.setLong(1, clock.millis() + duration.toMillis());
            ps.setString(2, lease.auditId().value());
            ps.setString(3, lease.worker().encode());
            ps.setLong(4, lease.epoch());
            return ps.executeUpdate() == 1;
        });
    }

    @Override
    public boolean release(Lease lease, String reason) {
        String eventJson = Json.write(Json.object().put("status", "queued").put("reason", reason));
        AuditId id = lease.auditId();
        return write(tx -> {
            long now = clock.millis();
            PreparedStatement ps = tx.prepare("UPDATE audits SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, "
                    + "screenshots_count = 0, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'running' "
                    + "AND lease_owner = ? AND lease_epoch = ?");
            ps.setLong(1, now);
            ps.setString(2, id.value());
            ps.setString(3, lease.worker().encode());
            ps.setLong(4, lease.epoch());
            if (ps.executeUpdate() != 1) {
                return false;
            }
            forgetAttempt(tx, id);
            insertEvent(tx, id, EventType.STATUS.wire(), eventJson, now);
            return true;
        });
    }

    /**
     * An attempt that did not finish leaves nothing the next one could be confused with: its screenshots (rows and
     * files) and its progress events go; the status events stay, so the history shows that it was interrupted. The
     * next attempt numbers its screenshots from 0 again, and a replay of the events never points at an image that
     * belonged to another attempt.
     */
    private void forgetAttempt(Tx tx, AuditId id) throws SQLException {
        screenshots.forgetAfterCommit(tx, id);
        PreparedStatement events = tx.prepare("DELETE FROM audit_events WHERE audit_id = ? AND type <> '" + EventType.STATUS.wire() + "'");
        events.setString(1, id.value());
        events.executeUpdate();
    }

    @Override
    public java.util.Map<AuditStatus, Long> countByStatus() {
        return read(tx -> {
            java.util.Map<AuditStatus, Long> counts = new java.util.EnumMap<>(AuditStatus.class);
            for (AuditStatus s : AuditStatus.values()) {
                counts.put(s, 0L);
            }
            try (ResultSet rs = tx.prepare("SELECT status, count(*) FROM audits GROUP BY status").executeQuery()) {
                while (rs.next()) {
                    counts.put(AuditStatus.parse(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    @Override
    public void complete(Lease lease, AuditResult result) {
        Require.present("result", result);
        AuditId id = lease.auditId();
        // Serialise outside the transaction: the writer's time is the scarce resource.
        String signals = Json.write(result.signals());
        String overrides = Json.write(result.overrides());
        String recommendations = Json.write(result.recommendations());
        String security = Json.write(result.securityResults());
        String errors = Json.write(result.errors());
        List<String> evidence = result.findings().stream().map(f -> AuditRows.evidenceJson(f.evidence())).toList();
        ObjectNode summary = Json.object()
                .put("trust_score", result.trustScore())
                .put("risk_level", result.riskLevel().wire())
                .put("findings_count", result.findings().size())
                .put("pages_scanned", result.pagesScanned())
                .put("elapsed_ms", result.elapsedMs());
        String eventJson = Json.write(summary);
        write(tx -> {
            requireLease(tx, lease, "completed");
            long now = clock.millis();
            PreparedStatement ps = tx.prepare("UPDATE audits SET status = 'completed', trust_score = ?, risk_level = ?, "
                    + "signal_scores = " + dialect.json() + ", overrides = " + dialect.json() + ", narrative = ?, "
                    + "recommendations = " + dialect.json() + ", site_type = ?, site_type_confidence = ?, "
                    + "security_results = " + dialect.json() + ", pages_scanned = ?, "
                    + "screenshots_count = (SELECT count(*) FROM audit_screenshots WHERE audit_id = ?), findings_count = ?, "
                    + "elapsed_ms = ?, errors = " + dialect.json() + ", error_message = NULL, completed_at = ?, updated_at = ?, "
                    + "lease_owner = NULL, lease_expires_at = NULL, version = version + 1 WHERE id = ? AND status = 'running'");
            int i = 1;
            ps.setInt(i++, result.trustScore());
            ps.setString(i++, result.riskLevel().wire());
            ps.setString(i++, signals);
            ps.setString(i++, overrides);
            ps.setString(i++, result.narrative());
            ps.setString(i++, recommendations);
            ps.setString(i++, result.siteType());
            ps.setDouble(i++, result.siteTypeConfidence());
            ps.setString(i++, security);
            ps.setInt(i++, result.pagesScanned());
            ps.setString(i++, id.value());
            ps.setInt(i++, result.findings().size());
            ps.setLong(i++, result.elapsedMs());
            ps.setString(i++, errors);
            ps.setLong(i++, now);
            ps.setLong(i++, now);
            ps.setString(i, id.value());
            ps.executeUpdate();
            insertFindings(tx, id, result.findings(), evidence, now);
            insertEvent(tx, id, EventType.AUDIT_RESULT.wire(), eventJson, now);
            return null;
        });
    }

    private void insertFindings(Tx tx, AuditId id, List<Finding> findings, List<String> evidence, long now) throws SQLException {
        String tuple = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + dialect.json() + ", ?, ?)";
        for (int from = 0; from < findings.size(); from += MultiRowInsert.MAX_ROWS) {
            int to = Math.min(findings.size(), from + MultiRowInsert.MAX_ROWS);
            PreparedStatement ps = tx.prepare(MultiRowInsert.sql("audit_findings", "audit_id, check_id, category, pattern_type, severity, "
                    + "confidence, title, description, plain_english, page_url, evidence, screenshot_index, created_at", tuple, to - from));
            int i = 1;
            for (int n = from; n < to; n++) {
                Finding f = findings.get(n);
                ps.setString(i++, id.value());
                ps.setString(i++, f.checkId());
                ps.setString(i++, f.category());
                ps.setString(i++, f.patternType());
                ps.setString(i++, f.severity().wire());
                ps.setDouble(i++, f.confidence());
                ps.setString(i++, f.title());
                ps.setString(i++, f.description());
                ps.setString(i++, f.plainEnglish());
                setNullableString(ps, i++, f.pageUrl().orElse(null));
                ps.setString(i++, evidence.get(n));
                setNullableLong(ps, i++, f.screenshotIndex().isPresent() ? (long) f.screenshotIndex().getAsInt() : null);
                ps.setLong(i++, now);
            }
            ps.executeUpdate();
        }
    }

    @Override
    public void fail(Lease lease, String message) {
        Require.text("message", message);
        String eventJson = Json.write(Json.object().put("error", message));
        write(tx -> {
            requireLease(tx, lease, "failed");
            setEnded(tx, lease.auditId(), AuditStatus.FAILED, message, EventType.AUDIT_ERROR, eventJson);
            return null;
        });
    }

    @Override
    public void cancel(AuditId id, String reason) {
        String why = reason == null || reason.isBlank() ? "cancelled" : reason;
        String eventJson = Json.write(Json.object().put("reason", why));
        endWith(id, AuditStatus.CANCELLED, "cancelled", why, EventType.AUDIT_CANCELLED, eventJson);
    }

    private void endWith(AuditId id, AuditStatus target, String verb, String message, EventType event, String eventJson) {
        write(tx -> {
            requireTransition(tx, id, target, verb);
            setEnded(tx, id, target, message, event, eventJson);
            return null;
        });
    }

    private void setEnded(Tx tx, AuditId id, AuditStatus target, String message, EventType event, String eventJson) throws SQLException {
        long now = clock.millis();
        PreparedStatement ps = tx.prepare("UPDATE audits SET status = ?, error_message = ?, completed_at = ?, updated_at = ?, "
                + "lease_owner = NULL, lease_expires_at = NULL, version = version + 1 WHERE id = ?");
        ps.setString(1, target.wire());
        ps.setString(2, message);
        ps.setLong(3, now);
        ps.setLong(4, now);
        ps.setString(5, id.value());
        ps.executeUpdate();
        insertEvent(tx, id, event.wire(), eventJson, now);
    }

    @Override
    public Optional<AuditStatus> status(AuditId id) {
        return read(tx -> currentStatus(tx, id, false));
    }

    // ---------------------------------------------------------------- events

    @Override
    public long appendEvent(Lease lease, String type, JsonNode data) {
        return appendEvents(lease, List.of(new NewEvent(type, data))).get(0);
    }

    @Override
    public List<Long> appendEvents(Lease lease, List<NewEvent> events) {
        Require.notEmpty("events", events);
        List<String> payloads = new ArrayList<>(events.size());
        for (NewEvent e : events) {
            if (EventType.isTerminal(e.type())) {
                throw new IllegalArgumentException("event type " + e.type() + " is written by complete, fail or cancel, not appended");
            }
            payloads.add(Json.write(e.data()));
        }
        return write(tx -> {
            requireLease(tx, lease, "given new events");
            return insertEventRows(tx, lease.auditId(), events.stream().map(NewEvent::type).toList(), payloads, clock.millis());
        });
    }

    private long insertEvent(Tx tx, AuditId id, String type, String json, long now) throws SQLException {
        return insertEventRows(tx, id, List.of(type), List.of(json), now).get(0);
    }

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

    /** Inserts event rows with ids the caller chose (for stores that can allocate ids themselves). */
    protected void insertEventRowsWithIds(Tx tx, AuditId id, long firstId, List<String> types, List<String> payloads, long now) throws SQLException {
        String tuple = "(?, ?, ?, " + dialect.json() + ", ?)";
        for (int from = 0; from < types.size(); from += MultiRowInsert.MAX_ROWS) {
            int to = Math.min(types.size(), from + MultiRowInsert.MAX_ROWS);
            PreparedStatement ps = tx.prepare(MultiRowInsert.sql("audit_events", "id, audit_id, type, data, created_at", tuple, to - from));
            int p = 1;
            for (int n = from; n < to; n++) {
                ps.setLong(p++, firstId + n);
                ps.setString(p++, id.value());
                ps.setString(p++, types.get(n));
                ps.setString(p++, payloads.get(n));
                ps.setLong(p++, now);
            }
            ps.executeUpdate();
        }
        tx.afterCommit(() -> signal.signal(id));
    }

    @Override
    public List<AuditEvent> eventsAfter(AuditId id, long afterId, int limit) {
        Require.between("limit", limit, 1, 10_000);
        return read(tx -> {
            PreparedStatement ps = tx.prepare("SELECT id, audit_id, type, data, created_at FROM audit_events "
                    + "WHERE audit_id = ? AND id > ? ORDER BY id LIMIT ?");
            ps.setString(1, id.value());
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(AuditRows.event(rs));
                }
            }
            if (events.isEmpty() && currentStatus(tx, id, false).isEmpty()) {
                throw new AuditNotFoundException(id);
            }
            return events;
        });
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Optional<Audit> find(AuditId id) {
        return read(tx -> loadAudit(tx, id));
    }

    private Optional<Audit> loadAudit(Tx tx, AuditId id) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        PreparedStatement fs = tx.prepare("SELECT " + AuditRows.FINDING_COLUMNS + " FROM audit_findings WHERE audit_id = ? ORDER BY id");
        fs.setString(1, id.value());
        try (ResultSet rs = fs.executeQuery()) {
            while (rs.next()) {
                findings.add(AuditRows.finding(rs));
            }
        }
        List<Screenshot> shots = screenshotRows(tx, id);
        PreparedStatement ps = tx.prepare("SELECT " + AuditRows.AUDIT_COLUMNS + " FROM audits WHERE id = ?");
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(AuditRows.audit(rs, findings, shots)) : Optional.empty();
        }
    }

    private List<Screenshot> screenshotRows(Tx tx, AuditId id) throws SQLException {
        PreparedStatement ps = tx.prepare("SELECT " + AuditRows.SCREENSHOT_COLUMNS + " FROM audit_screenshots WHERE audit_id = ? ORDER BY index_num");
        ps.setString(1, id.value());
        List<Screenshot> shots = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                shots.add(AuditRows.screenshot(rs));
            }
        }
        return shots;
    }

    @Override
    public HistoryPage history(HistoryQuery query) {
        Require.present("query", query);
        HistorySql sql = new HistorySql(query, dialect);
        return read(tx -> {
            PreparedStatement page = tx.prepare(sql.pageSql());
            sql.bindPage(page);
            List<AuditSummary> items = new ArrayList<>();
            Optional<String> next = Optional.empty();
            long lastSeq = 0;
            try (ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == query.limit()) {
                        AuditSummary last = items.get(items.size() - 1);
                        next = Optional.of(new HistoryCursor(query.sort(), last.trustScore().orElse(-1), lastSeq).encode());
                        break;
                    }
                    items.add(AuditRows.summary(rs));
                    lastSeq = rs.getLong("seq");
                }
            }
            PreparedStatement count = tx.prepare(sql.countSql());
            sql.bindCount(count);
            long total;
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            return new HistoryPage(items, total, next);
        });
    }

    @Override
    public List<AuditSummary> auditsOfUrl(String url, int limit) {
        Require.present("url", url);
        Require.between("limit", limit, 1, HistoryQuery.MAX_LIMIT);
        String normalised;
        try {
            normalised = TargetUrl.parse(url).toString();
        } catch (IllegalArgumentException e) {
            normalised = url;
        }
        String exact = normalised;
        return read(tx -> {
            PreparedStatement ps = tx.prepare("SELECT " + AuditRows.SUMMARY_COLUMNS + " FROM audits WHERE url = ? ORDER BY seq DESC LIMIT ?");
            ps.setString(1, exact);
            ps.setInt(2, limit);
            List<AuditSummary> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(AuditRows.summary(rs));
                }
            }
            return items;
        });
    }

    @Override
    public Comparison compare(List<AuditId> ids) {
        Require.present("ids", ids);
        List<AuditId> distinct = ids.stream().distinct().toList();
        if (distinct.size() < 2) {
            throw new IllegalArgumentException("compare needs at least 2 different audit ids (got " + distinct.size() + ")");
        }
        if (distinct.size() > 20) {
            throw new IllegalArgumentException("compare takes at most 20 audits (got " + distinct.size() + ")");
        }
        List<Audit> audits = read(tx -> {
            List<Audit> loaded = new ArrayList<>();
            for (AuditId id : distinct) {
                loaded.add(loadAudit(tx, id).orElseThrow(() -> new AuditNotFoundException(id)));
            }
            return loaded;
        });
        return AuditComparer.compare(audits);
    }

    // ---------------------------------------------------------------- deleting

    @Override
    public boolean delete(AuditId id) {
        return write(tx -> {
            Optional<AuditStatus> current = currentStatus(tx, id, true);
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

    // ---------------------------------------------------------------- screenshots

    @Override
    public Screenshot addScreenshot(Lease lease, NewScreenshot shot) {
        return screenshots.addScreenshot(lease, shot);
    }

    @Override
    public Optional<ScreenshotContent> screenshot(AuditId id, int index) {
        return screenshots.screenshot(id, index);
    }

    // ---------------------------------------------------------------- recovery

    @Override
    public RecoveryReport recoverInterrupted() {
        RecoveryReport report = write(tx -> {
            long now = clock.millis();
            List<String[]> running = new ArrayList<>();
            PreparedStatement ps = tx.prepare("SELECT id, attempts, lease_owner, lease_expires_at FROM audits WHERE status = 'running'" + dialect.forUpdate());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long expires = rs.getLong(4);
                    boolean expired = rs.wasNull() || expires < now;
                    boolean dead = WorkerId.decode(rs.getString(3)).map(WorkerId::isKnownDead).orElse(true);
                    if (expired || dead) {
                        running.add(new String[] {rs.getString(1), Integer.toString(rs.getInt(2))});
                    }
                }
            }
            List<AuditId> requeued = new ArrayList<>();
            List<AuditId> failed = new ArrayList<>();
            for (String[] row : running) {
                AuditId id = new AuditId(row[0]);
                int attempts = Integer.parseInt(row[1]) + 1;
                boolean giveUp = attempts >= MAX_ATTEMPTS;
                String message = "interrupted: the process running this audit stopped " + attempts
                        + " times, so Veritas gave up on it; start a new audit of this site";
                PreparedStatement up = tx.prepare("UPDATE audits SET status = ?, attempts = ?, error_message = ?, completed_at = ?, "
                        + "screenshots_count = 0, lease_owner = NULL, lease_expires_at = NULL, updated_at = ?, version = version + 1 "
                        + "WHERE id = ? AND status = 'running'");
                up.setString(1, giveUp ? "failed" : "queued");
                up.setInt(2, attempts);
                setNullableString(up, 3, giveUp ? message : null);
                setNullableLong(up, 4, giveUp ? now : null);
                up.setLong(5, now);
                up.setString(6, id.value());
                up.executeUpdate();
                forgetAttempt(tx, id);
                if (giveUp) {
                    insertEvent(tx, id, EventType.AUDIT_ERROR.wire(), Json.write(Json.object().put("error", message)), now);
                    failed.add(id);
                } else {
                    ObjectNode data = Json.object().put("status", "queued").put("reason", "interrupted").put("attempts", attempts);
                    insertEvent(tx, id, EventType.STATUS.wire(), Json.write(data), now);
                    requeued.add(id);
                }
            }
            return new RecoveryReport(requeued, failed);
        });
        // Bytes left by an audit whose deletion committed but whose clean-up did not run (the process stopped in between).
        screenshots.bytes().removeOrphans(id -> status(id).isPresent());
        return report;
    }

    // ---------------------------------------------------------------- checks shared by both databases

    /**
     * The parts of {@code veritas db check} that are the same on every database: the schema version, row counts,
     * and screenshot files that rows point at but that are gone from disk.
     */
    protected String checkContents(java.sql.Statement st, java.util.Map<String, Long> counts, List<String> problems) throws SQLException {
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

    // ---------------------------------------------------------------- helpers

    private Optional<AuditStatus> currentStatus(Tx tx, AuditId id, boolean lock) throws SQLException {
        PreparedStatement ps = tx.prepare("SELECT status FROM audits WHERE id = ?" + (lock ? dialect.forUpdate() : ""));
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(AuditStatus.parse(rs.getString(1))) : Optional.empty();
        }
    }

    private void requireLease(Tx tx, Lease lease, String attempted) throws SQLException {
        fence.require(tx, lease, attempted);
    }

    private void requireTransition(Tx tx, AuditId id, AuditStatus target, String verb) throws SQLException {
        AuditStatus current = currentStatus(tx, id, true).orElseThrow(() -> new AuditNotFoundException(id));
        if (!current.canMoveTo(target)) {
            throw new IllegalTransitionException(id, current, verb);
        }
    }

    protected static void setNullableString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    protected static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
