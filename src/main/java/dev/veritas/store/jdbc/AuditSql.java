package dev.veritas.store.jdbc;

import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.json.EventPayload;
import dev.veritas.json.Json;
import dev.veritas.store.AuditNotFoundException;
import dev.veritas.store.IllegalTransitionException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Statements more than one role runs inside its own transactions: an audit's status, its end, one event. */
final class AuditSql {
    private final Dialect dialect;
    private final Clock clock;
    private final EventRows events;

    AuditSql(Dialect dialect, Clock clock, EventRows events) {
        this.dialect = dialect;
        this.clock = clock;
        this.events = events;
    }

    Optional<AuditStatus> currentStatus(Tx tx, AuditId id, boolean lock) throws SQLException {
        PreparedStatement ps = tx.prepare("SELECT status FROM audits WHERE id = ?" + (lock ? dialect.forUpdate() : ""));
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(AuditStatus.parse(rs.getString(1))) : Optional.empty();
        }
    }

    void requireTransition(Tx tx, AuditId id, AuditStatus target, String verb) throws SQLException {
        AuditStatus current = currentStatus(tx, id, true).orElseThrow(() -> new AuditNotFoundException(id));
        if (!current.canMoveTo(target)) {
            throw new IllegalTransitionException(id, current, verb);
        }
    }

    /** Ends an audit (failed, cancelled) with its terminal event, in the caller's transaction. */
    void setEnded(Tx tx, AuditId id, AuditStatus target, String message, EventPayload event) throws SQLException {
        long now = clock.millis();
        PreparedStatement ps = tx.prepare("UPDATE audits SET status = ?, error_message = ?, completed_at = ?, updated_at = ?, "
                + "lease_owner = NULL, lease_expires_at = NULL, version = version + 1 WHERE id = ?");
        ps.setString(1, target.wire());
        ps.setString(2, message);
        ps.setLong(3, now);
        ps.setLong(4, now);
        ps.setString(5, id.value());
        ps.executeUpdate();
        insertEvent(tx, id, event, now);
    }

    /** Stores one event; its payload says its type, so the two cannot disagree. */
    long insertEvent(Tx tx, AuditId id, EventPayload payload, long now) throws SQLException {
        return events.insert(tx, id, List.of(payload.type().wire()), List.of(Json.write(payload)), now).get(0);
    }

    static void setNullableString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
