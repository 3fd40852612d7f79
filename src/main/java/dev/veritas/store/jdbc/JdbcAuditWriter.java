package dev.veritas.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.Finding;
import dev.veritas.store.AuditWriter;
import dev.veritas.store.Lease;
import dev.veritas.store.NewEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.EventType;
import dev.veritas.audit.Require;
import dev.veritas.json.EventPayload.AuditCompleted;
import dev.veritas.json.EventPayload.AuditFailed;
import dev.veritas.json.Json;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The writes of a running audit, each fenced by its lease in the write's own transaction. */
public final class JdbcAuditWriter implements AuditWriter {
    private final Database db;
    private final Clock clock;
    private final Fence fence;
    private final EventRows events;
    private final AuditSql sql;
    /** Built once: the writer looks its statements up by their text, so a text built per call is hashed per call. */
    private final MultiRowInsert findingRows;
    private final String completeSql;

    JdbcAuditWriter(Database db, Dialect dialect, Clock clock, Fence fence, EventRows events) {
        this.db = db;
        this.clock = clock;
        this.fence = fence;
        this.events = events;
        this.sql = new AuditSql(dialect, clock, events);
        this.findingRows = new MultiRowInsert("audit_findings", "audit_id, check_id, category, pattern_type, severity, confidence, title, "
                + "description, plain_english, page_url, evidence, screenshot_index, created_at",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + dialect.json() + ", ?, ?)");
        this.completeSql = "UPDATE audits SET status = 'completed', trust_score = ?, risk_level = ?, "
                + "signal_scores = " + dialect.json() + ", overrides = " + dialect.json() + ", narrative = ?, "
                + "recommendations = " + dialect.json() + ", site_type = ?, site_type_confidence = ?, "
                + "security_results = " + dialect.json() + ", pages_scanned = ?, "
                + "screenshots_count = (SELECT count(*) FROM audit_screenshots WHERE audit_id = ?), findings_count = ?, "
                + "elapsed_ms = ?, errors = " + dialect.json() + ", error_message = NULL, completed_at = ?, updated_at = ?, "
                + "lease_owner = NULL, lease_expires_at = NULL, version = version + 1 WHERE id = ? AND status = 'running'";
    }

    @Override
    public long fencedWrites() {
        return fence.refused();
    }

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
        return db.write(tx -> {
            fence.require(tx, lease, "given new events");
            return this.events.insert(tx, lease.auditId(), events.stream().map(NewEvent::type).toList(), payloads, clock.millis());
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
        AuditCompleted event = new AuditCompleted(result.trustScore(), result.riskLevel(), result.findings().size(),
                result.pagesScanned(), result.elapsedMs());
        db.write(tx -> {
            fence.require(tx, lease, "completed");
            long now = clock.millis();
            PreparedStatement ps = tx.prepare(completeSql);
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
            insertFindings(tx, id, result.findings(), evidence, now);
            sql.insertEvent(tx, id, event, now);
            // The status change comes last: its trigger locks the per-status totals every claim and submission also
            // updates, so those locks are held for the commit only, not while the findings are written (on a busy
            // PostgreSQL a long hold made submissions time out waiting for the lock).
            ps.executeUpdate();
            return null;
        });
    }

    private void insertFindings(Tx tx, AuditId id, List<Finding> findings, List<String> evidence, long now) throws SQLException {
        for (int from = 0; from < findings.size(); from += MultiRowInsert.MAX_ROWS) {
            int to = Math.min(findings.size(), from + MultiRowInsert.MAX_ROWS);
            PreparedStatement ps = tx.prepare(findingRows.sql(to - from));
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
                AuditSql.setNullableString(ps, i++, f.pageUrl().orElse(null));
                ps.setString(i++, evidence.get(n));
                AuditSql.setNullableLong(ps, i++, f.screenshotIndex().isPresent() ? (long) f.screenshotIndex().getAsInt() : null);
                ps.setLong(i++, now);
            }
            ps.executeUpdate();
        }
    }

    @Override
    public void fail(Lease lease, String message) {
        Require.text("message", message);
        db.write(tx -> {
            fence.require(tx, lease, "failed");
            sql.setEnded(tx, lease.auditId(), AuditStatus.FAILED, message, new AuditFailed(message));
            return null;
        });
    }
}
