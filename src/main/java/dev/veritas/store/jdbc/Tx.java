package dev.veritas.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One unit of work's view of a connection: statements (cached on long-lived connections), and actions to
 * run only if the unit's changes are committed (signalling readers, deleting files).
 */
public final class Tx implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> cache;
    private final List<PreparedStatement> owned = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    /** @param cache statements kept across units, or null to close each statement when the unit ends */
    public Tx(Connection connection, Map<String, PreparedStatement> cache) {
        this.connection = connection;
        this.cache = cache;
    }

    public Connection connection() {
        return connection;
    }

    public PreparedStatement prepare(String sql) throws SQLException {
        if (cache != null) {
            PreparedStatement ps = cache.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                cache.put(sql, ps);
            }
            return ps;
        }
        PreparedStatement ps = connection.prepareStatement(sql);
        owned.add(ps);
        return ps;
    }

    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    public List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    @Override
    public void close() {
        for (PreparedStatement ps : owned) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing a statement can only fail if the connection is already gone
            }
        }
        owned.clear();
    }

    /**
     * A piece of work inside a transaction. It may run more than once: SQLite's writer runs a group's units in one
     * transaction and, when one of them fails after changing rows, rolls back and runs the others again. So it must
     * have no effect outside the transaction except through {@link #afterCommit}.
     */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }
}
