package dev.veritas.store.jdbc;

import dev.veritas.audit.AuditId;
import java.sql.SQLException;
import java.util.List;

/** How a database inserts an audit's events and numbers them (SQLite numbers them itself; PostgreSQL asks its sequence and notifies). */
@FunctionalInterface
public interface EventRows {
    /** Inserts events in order, in the caller's transaction, and returns their ids. */
    List<Long> insert(Tx tx, AuditId id, List<String> types, List<String> payloads, long now) throws SQLException;
}
