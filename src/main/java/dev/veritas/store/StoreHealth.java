package dev.veritas.store;

import dev.veritas.audit.Require;

/**
 * What the store can say about its own state, for {@code /api/health}: whether writes are getting through and, when
 * not, why and what to do. Read from counters the store keeps anyway; asking costs no database round trip.
 */
public record StoreHealth(Condition condition, String detail) {

    public enum Condition {
        /** Writes are committed. */
        OK,
        /** The last write failed because the disk (or the database's size limit) is full; no write has succeeded since. */
        DISK_FULL,
        /** The last write failed with an I/O or storage error; no write has succeeded since. */
        STORAGE_ERROR,
        /** The database is busy: writes wait for a lock or a connection longer than they may. */
        BUSY,
        /** The thread that writes to the database has stopped; it is being restarted and writes wait meanwhile. */
        WRITER_DOWN,
        /** The writer has been inside one commit for much longer than a commit takes. */
        WRITER_STALLED
    }

    public StoreHealth {
        Require.present("condition", condition);
        Require.present("detail", detail);
    }

    public static StoreHealth healthy() {
        return new StoreHealth(Condition.OK, "writes are committed");
    }

    public boolean ok() {
        return condition == Condition.OK;
    }
}
