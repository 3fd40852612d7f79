package dev.veritas.store.sqlite;

import dev.veritas.store.AuditStore;
import dev.veritas.store.AuditStoreContract;
import dev.veritas.testing.MutableClock;
import java.nio.file.Path;

class SqliteAuditStoreTest extends AuditStoreContract {
    @Override
    protected AuditStore open(Path dataDir, MutableClock clock) {
        return SqliteAuditStore.open(SqliteOptions.defaults(dataDir).withClock(clock));
    }
}
