package dev.veritas.store.jdbc;

import dev.veritas.audit.Audit;
import dev.veritas.audit.NewAudit;
import dev.veritas.store.AuditQueue;
import dev.veritas.store.Claim;
import dev.veritas.store.Lease;
import dev.veritas.store.RecoveryReport;
import dev.veritas.store.WorkerId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.EventType;
import dev.veritas.audit.Require;
import dev.veritas.json.EventPayload;
import dev.veritas.json.EventPayload.AuditCancelled;
import dev.veritas.json.EventPayload.AuditFailed;
import dev.veritas.json.EventPayload.Claimed;
import dev.veritas.json.EventPayload.Created;
import dev.veritas.json.EventPayload.Interrupted;
import dev.veritas.json.EventPayload.Released;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The queue: submitting, claiming under a lease, renewing, giving back, cancelling, and recovering from dead workers. */
public final class JdbcQueue implements AuditQueue {
    private final Database db;
    private final Dialect dialect;
    private final Clock clock;
    private final AuditSql sql;
    private final JdbcAuditReader reader;
    private final JdbcScreenshots screenshots;

    JdbcQueue(Database db, Dialect dialect, Clock clock, EventRows events, JdbcAuditReader reader, JdbcScreenshots screenshots) {
        this.db = db;
        this.dialect = dialect;
        this.clock = clock;
        this.sql = new AuditSql(dialect, clock, events);
        this.reader = reader;
        this.screenshots = screenshots;
    }

    /** The insert of a new audit, queued (epoch 0) or claimed at once (epoch 1); constants, so the writer's statement cache finds them without building them. */
    private static final String INSERT_QUEUED = insertSql(0);
    private static final String INSERT_CLAIMED = insertSql(1);

    private static String insertSql(int epoch) {
        return "INSERT INTO audits (id, url, host, status, tier, verdict_mode, attempts, lease_owner, lease_expires_at, lease_epoch, "
                + "created_at, started_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, " + epoch + ", ?, ?, ?, 0)";
    }

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
        Created event = new Created(status, url, request.tier());
        db.write(tx -> {
            PreparedStatement ps = tx.prepare(worker.isPresent() ? INSERT_CLAIMED : INSERT_QUEUED);
            ps.setString(1, id.value());
            ps.setString(2, url);
            ps.setString(3, request.url().host());
            ps.setString(4, status.wire());
            ps.setString(5, request.tier().wire());
            ps.setString(6, request.verdictMode().wire());
            AuditSql.setNullableString(ps, 7, worker.map(WorkerId::encode).orElse(null));
            AuditSql.setNullableLong(ps, 8, worker.isPresent() ? now.plus(lease).toEpochMilli() : null);
            ps.setLong(9, now.toEpochMilli());
            AuditSql.setNullableLong(ps, 10, worker.isPresent() ? now.toEpochMilli() : null);
            ps.setLong(11, now.toEpochMilli());
            ps.executeUpdate();
            sql.insertEvent(tx, id, event, now.toEpochMilli());
            return null;
        });
        return new Audit(id, url, request.url().host(), status, request.tier(), request.verdictMode(), 0, now,
                worker.isPresent() ? Optional.of(now) : Optional.empty(), Optional.empty(), now, 0,
                Optional.empty(), Optional.empty(), List.of());
    }

    @Override
    public Optional<Claim> claimNext(WorkerId worker, Duration lease) {
        Require.present("worker", worker);
        return db.write(tx -> {
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
            sql.insertEvent(tx, id, new Claimed(worker.name(), attempts + 1), now);
            Lease granted = new Lease(id, worker, epoch);
            return reader.loadAudit(tx, id).map(a -> new Claim(a, granted));
        });
    }

    @Override
    public boolean renewLease(Lease lease, Duration duration) {
        return db.write(tx -> {
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
        AuditId id = lease.auditId();
        return db.write(tx -> {
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
            sql.insertEvent(tx, id, new Released(reason), now);
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
    public Map<AuditStatus, Long> countByStatus() {
        return db.read(tx -> {
            Map<AuditStatus, Long> counts = new EnumMap<>(AuditStatus.class);
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
    public void cancel(AuditId id, String reason) {
        String why = reason == null || reason.isBlank() ? "cancelled" : reason;
        endWith(id, AuditStatus.CANCELLED, "cancelled", why, new AuditCancelled(why));
    }

    private void endWith(AuditId id, AuditStatus target, String verb, String message, EventPayload event) {
        db.write(tx -> {
            sql.requireTransition(tx, id, target, verb);
            sql.setEnded(tx, id, target, message, event);
            return null;
        });
    }

    @Override
    public RecoveryReport recoverInterrupted() {
        RecoveryReport report = db.write(tx -> {
            long now = clock.millis();
            List<String[]> running = new ArrayList<>();
            // Rows a live worker is writing right now are locked by its fence and alive by definition: skip them rather
            // than wait behind every running audit's writes.
            PreparedStatement ps = tx.prepare("SELECT id, attempts, lease_owner, lease_expires_at FROM audits WHERE status = 'running'"
                    + dialect.skipLocked());
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
                AuditSql.setNullableString(up, 3, giveUp ? message : null);
                AuditSql.setNullableLong(up, 4, giveUp ? now : null);
                up.setLong(5, now);
                up.setString(6, id.value());
                // The attempt's leftovers go first: the status change locks the per-status totals every submission and
                // claim also updates, so it should come as late as it can.
                forgetAttempt(tx, id);
                up.executeUpdate();
                if (giveUp) {
                    sql.insertEvent(tx, id, new AuditFailed(message), now);
                    failed.add(id);
                } else {
                    sql.insertEvent(tx, id, new Interrupted(attempts), now);
                    requeued.add(id);
                }
            }
            return new RecoveryReport(requeued, failed);
        });
        // Bytes left by an audit whose deletion committed but whose clean-up did not run (the process stopped in between).
        screenshots.bytes().removeOrphans(id -> reader.status(id).isPresent());
        return report;
    }
}
