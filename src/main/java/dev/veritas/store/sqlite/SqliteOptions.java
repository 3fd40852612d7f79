package dev.veritas.store.sqlite;

import dev.veritas.audit.Require;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How to open the SQLite store. {@code synchronous=NORMAL} (the default) survives a crashed process with
 * nothing acknowledged lost; {@code FULL} also survives a power cut, at the price of an fsync per group commit.
 */
public record SqliteOptions(
        Path dataDir,
        Synchronous synchronous,
        Duration busyTimeout,
        int readPoolSize,
        int maxBatch,
        Clock clock) {

    public enum Synchronous { NORMAL, FULL }

    public SqliteOptions {
        Require.present("data directory", dataDir);
        Require.present("synchronous", synchronous);
        Require.present("busy timeout", busyTimeout);
        Require.between("read pool size", readPoolSize, 1, 64);
        Require.between("max batch", maxBatch, 1, 10_000);
        Require.present("clock", clock);
    }

    public static SqliteOptions defaults(Path dataDir) {
        return new SqliteOptions(dataDir, Synchronous.NORMAL, Duration.ofSeconds(5), 8, 512, Clock.systemUTC());
    }

    public SqliteOptions withSynchronous(Synchronous value) {
        return new SqliteOptions(dataDir, value, busyTimeout, readPoolSize, maxBatch, clock);
    }

    public SqliteOptions withClock(Clock value) {
        return new SqliteOptions(dataDir, synchronous, busyTimeout, readPoolSize, maxBatch, value);
    }

    public SqliteOptions withReadPoolSize(int value) {
        return new SqliteOptions(dataDir, synchronous, busyTimeout, value, maxBatch, clock);
    }

    public Path databaseFile() {
        return dataDir.resolve("veritas.db");
    }

    public Path screenshotRoot() {
        return dataDir.resolve("screenshots");
    }
}
