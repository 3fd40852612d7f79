package dev.veritas.store.jdbc;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditComparer;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditSummary;
import dev.veritas.audit.Comparison;
import dev.veritas.audit.Finding;
import dev.veritas.audit.Screenshot;
import dev.veritas.audit.TargetUrl;
import dev.veritas.store.AuditNotFoundException;
import dev.veritas.store.AuditReader;
import dev.veritas.store.HistoryCursor;
import dev.veritas.store.HistoryPage;
import dev.veritas.store.HistoryQuery;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.Require;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads: audits, history, comparisons and events, each on one consistent snapshot. */
public final class JdbcAuditReader implements AuditReader {
    private final Database db;
    private final Dialect dialect;
    private final AuditSql sql;

    JdbcAuditReader(Database db, Dialect dialect, Clock clock, EventRows events) {
        this.db = db;
        this.dialect = dialect;
        this.sql = new AuditSql(dialect, clock, events);
    }

    @Override
    public Optional<AuditStatus> status(AuditId id) {
        return db.read(tx -> sql.currentStatus(tx, id, false));
    }

    @Override
    public List<AuditEvent> eventsAfter(AuditId id, long afterId, int limit) {
        Require.between("limit", limit, 1, 10_000);
        return db.read(tx -> {
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
            if (events.isEmpty() && sql.currentStatus(tx, id, false).isEmpty()) {
                throw new AuditNotFoundException(id);
            }
            return events;
        });
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Optional<Audit> find(AuditId id) {
        return db.read(tx -> loadAudit(tx, id));
    }

    Optional<Audit> loadAudit(Tx tx, AuditId id) throws SQLException {
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
        return db.read(tx -> {
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
        return db.read(tx -> {
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
        List<Audit> audits = db.read(tx -> {
            List<Audit> loaded = new ArrayList<>();
            for (AuditId id : distinct) {
                loaded.add(loadAudit(tx, id).orElseThrow(() -> new AuditNotFoundException(id)));
            }
            return loaded;
        });
        return AuditComparer.compare(audits);
    }
}
