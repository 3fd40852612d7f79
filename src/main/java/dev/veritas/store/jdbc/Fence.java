package dev.veritas.store.jdbc;

import dev.veritas.audit.AuditStatus;
import dev.veritas.store.AuditNotFoundException;
import dev.veritas.store.Lease;
import dev.veritas.store.LeaseLostException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fence every write for a running audit passes: the audit must still be running under exactly this lease (worker
 * and claim). Read under a row lock in the write's own transaction, so a sweep or a new claim cannot slip in between
 * this check and the write. Counts the writes it refused.
 */
public final class Fence {
    private final String sql;
    private final AtomicLong refused = new AtomicLong();

    public Fence(Dialect dialect) {
        this.sql = "SELECT status, lease_owner, lease_epoch FROM audits WHERE id = ?" + dialect.forUpdate();
    }

    /** @throws LeaseLostException when the audit is no longer running under this lease */
    public void require(Tx tx, Lease lease, String attempted) throws SQLException {
        PreparedStatement ps = tx.prepare(sql);
        ps.setString(1, lease.auditId().value());
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new AuditNotFoundException(lease.auditId());
            }
            AuditStatus status = AuditStatus.parse(rs.getString(1));
            if (status != AuditStatus.RUNNING || !lease.worker().encode().equals(rs.getString(2)) || rs.getLong(3) != lease.epoch()) {
                refused.incrementAndGet();
                throw new LeaseLostException(lease, status, attempted);
            }
        }
    }

    /** Writes refused since start. */
    public long refused() {
        return refused.get();
    }
}
