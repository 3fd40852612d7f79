package dev.veritas.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import dev.veritas.audit.AuditId;
import dev.veritas.store.OnlineBackup;
import dev.veritas.store.StoreCheck;
import dev.veritas.store.StoreHealth;
import dev.veritas.store.StoreException;
import dev.veritas.store.StoreUnavailableException;
import dev.veritas.store.files.FileScreenshotBytes;
import dev.veritas.store.files.ScreenshotFiles;
import dev.veritas.store.jdbc.Dialect;
import dev.veritas.store.jdbc.JdbcAuditStore;
import dev.veritas.store.jdbc.Tx;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.util.Collections;
import java.util.Locale;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import org.sqlite.SQLiteConnection;
/**
 * The embedded store: one SQLite file in WAL mode. Writes go through the {@link GroupCommitWriter};
 * reads use a pool of read-only connections, which WAL never blocks. Other processes may open the same
 * file: their writers queue for the lock behind {@code BEGIN IMMEDIATE} and the busy timeout.
 */
public final class SqliteAuditStore extends JdbcAuditStore implements OnlineBackup {
    private static final Logger log = LoggerFactory.getLogger(SqliteAuditStore.class);

    /** A WAL past this many pages (4 KiB each, about 80 MB) is emptied, with the writer paused between groups if need be. */
    static final long WAL_PAGES_BEFORE_TRUNCATION = 20_000;
    /** How long the checkpointer waits for the writer to finish its group before it tries again next round. */
    private static final Duration WRITER_PAUSE_WAIT = Duration.ofSeconds(1);

    private final SqliteOptions options;
    private final Connection writeConnection;
    private final GroupCommitWriter writer;
    private final HikariDataSource readers;
    private final SQLiteDataSource readOnlySource;
    private final WriterStats stats = new WriterStats();
    private final WalCheckpointer checkpointer;
    /** At synchronous=FULL, what flushes the WAL to the disk before a write is acknowledged. */
    private final Optional<WalSyncer> syncer;
    private volatile boolean closed;
    /** The last event id handed out, valid while the writer's transaction number is {@link #eventIdsTransaction}; writer thread only. */
    private long lastEventId;
    private long eventIdsTransaction = -1;

    /** Opens the WAL file that a FULL store flushes before acknowledging; tests give one whose flush blocks or fails. */
    @FunctionalInterface
    interface WalFiles {
        WalSyncer.WalFile open(SqliteOptions options) throws SQLException;
    }

    private SqliteAuditStore(SqliteOptions options, Duration writerCloseWait, GroupCommitWriter.Restarter restarter, WalFiles walFiles)
            throws SQLException {
        super(Dialect.SQLITE, options.clock(), db -> new FileScreenshotBytes(new ScreenshotFiles(options.screenshotRoot())));
        this.options = options;
        String url = "jdbc:sqlite:" + options.databaseFile();
        SQLiteDataSource writeSource = new SQLiteDataSource(writeConfig(options));
        writeSource.setUrl(url);
        this.writeConnection = writeSource.getConnection();
        boolean walMode;
        try (Statement st = writeConnection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            String mode = rs.next() ? rs.getString(1) : "?";
            walMode = "wal".equalsIgnoreCase(mode);
            if (!walMode) {
                log.warn("SQLite refused WAL mode for {} (journal_mode={}); is the data directory on a network file system?", options.databaseFile(), mode);
            }
        }
        boolean full = options.synchronous() == SqliteOptions.Synchronous.FULL;
        if (full && !walMode) {
            // Without a WAL there is nothing for the WalSyncer to flush: SQLite's own FULL makes each commit durable.
            try (Statement st = writeConnection.createStatement()) {
                st.execute("PRAGMA synchronous=FULL");
            }
        }
        migrate(writeSource);
        try (Statement st = writeConnection.createStatement()) {
            // Checkpoints move to WalCheckpointer's own thread; see there why.
            st.execute("PRAGMA wal_autocheckpoint=0");
        }
        this.checkpointer = new WalCheckpointer(writeSource.getConnection(), Duration.ofSeconds(1), WAL_PAGES_BEFORE_TRUNCATION,
                this::whileWriterPaused, "veritas-sqlite-checkpoint");
        this.readOnlySource = new SQLiteDataSource(readConfig(options));
        this.readOnlySource.setUrl(url);
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(readOnlySource);
        pool.setPoolName("veritas-read");
        pool.setMaximumPoolSize(options.readPoolSize());
        pool.setMinimumIdle(1);
        pool.setAutoCommit(false);
        pool.setReadOnly(true); // must match the connection's own flag: sqlite-jdbc refuses to change it later
        // A read that cannot get a connection within this says so instead of holding its HTTP request indefinitely.
        pool.setConnectionTimeout(10_000);
        this.readers = new HikariDataSource(pool);
        this.syncer = full && walMode ? Optional.of(new WalSyncer(walFiles.open(options), "veritas-sqlite-wal-sync")) : Optional.empty();
        this.writer = new GroupCommitWriter(writeConnection, 4096, options.maxBatch(), options.busyTimeout().multipliedBy(12),
                syncer, this::translate, stats, "veritas-sqlite-writer", writerCloseWait, restarter);
    }

    /** The folder beside the database that holds the screenshot files. */
    public ScreenshotFiles screenshotFiles() {
        return ((FileScreenshotBytes) screenshots.bytes()).files();
    }

    /**
     * Opens the store only if its database file exists: for commands that inspect a database (db check, db backup),
     * where creating an empty one would hide a mistyped --data.
     */
    public static SqliteAuditStore openExisting(SqliteOptions options) {
        Path db = options.databaseFile().toAbsolutePath();
        if (!Files.isRegularFile(db)) {
            throw new StoreUnavailableException("no Veritas database at " + db
                    + "; give the data directory that holds veritas.db with --data or VERITAS_DATA", null);
        }
        return open(options);
    }

    /** Opens (creating if needed) the store in {@code options.dataDir()}, applying migrations. */
    public static SqliteAuditStore open(SqliteOptions options) {
        return open(options, Duration.ofSeconds(60));
    }

    /** @param writerCloseWait how long {@link #close()} waits for the writer to commit what is queued */
    static SqliteAuditStore open(SqliteOptions options, Duration writerCloseWait) {
        return open(options, writerCloseWait, GroupCommitWriter.Restarter.DELAYED);
    }

    /** @param restarter starts a new writer thread after one died (tests decide when) */
    static SqliteAuditStore open(SqliteOptions options, Duration writerCloseWait, GroupCommitWriter.Restarter restarter) {
        return open(options, writerCloseWait, restarter, SqliteAuditStore::walFile);
    }

    /** @param walFiles opens the WAL file flushed at FULL (tests give one that fails) */
    static SqliteAuditStore open(SqliteOptions options, WalFiles walFiles) {
        return open(options, Duration.ofSeconds(60), GroupCommitWriter.Restarter.DELAYED, walFiles);
    }

    private static SqliteAuditStore open(SqliteOptions options, Duration writerCloseWait, GroupCommitWriter.Restarter restarter,
                                         WalFiles walFiles) {
        Path dir = options.dataDir();
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw new StoreUnavailableException("cannot create the data directory " + dir.toAbsolutePath()
                    + ": permission denied — choose another with --data or VERITAS_DATA", e);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot create the data directory " + dir.toAbsolutePath() + ": " + e.getMessage()
                    + " — choose another with --data or VERITAS_DATA", e);
        }
        if (!Files.isWritable(dir)) {
            throw new StoreUnavailableException("the data directory " + dir.toAbsolutePath() + " is not writable — fix its permissions or choose another with --data", null);
        }
        try {
            return new SqliteAuditStore(options, writerCloseWait, restarter, walFiles);
        } catch (SQLException e) {
            throw translate(e, options.databaseFile());
        }
    }

    /**
     * The writer's page cache, in KiB (a negative cache_size). Small on purpose: when SQLite splits a b-tree page it
     * parks a page under a temporary number far past the end of the file, and the commit after it then walks the whole
     * page cache to drop pages past the end. At 32 MB (8,000 pages) that walk, through page headers other threads had
     * pushed out of the CPU caches, was 10-14% of the writer's CPU; at 8 MB the writer spent 20% less CPU per unit in
     * the store benchmark. The pages it reads again come from the operating system's file cache.
     */
    static final int WRITER_CACHE_KIB = -8_000;

    /**
     * The WAL file, for the flush that makes a group durable at FULL. It exists from the migration's first write and
     * stays while this store's connections are open (a checkpoint truncates it, never removes it); the folder is
     * flushed too, so that the file itself survives a power cut.
     */
    private static WalSyncer.WalFile walFile(SqliteOptions options) throws SQLException {
        Path wal = Path.of(options.databaseFile() + "-wal");
        try {
            // SQLite follows a symbolic link to the database and keeps its WAL beside the file it points to.
            Path database = options.databaseFile().toRealPath();
            wal = database.resolveSibling(database.getFileName() + "-wal");
            try (FileChannel dir = FileChannel.open(wal.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException e) {
                log.debug("could not flush the folder of {}: {}", wal, e.getMessage());
            }
            return WalSyncer.WalFile.of(wal);
        } catch (IOException e) {
            throw new SQLException("cannot open " + wal + " to make writes durable: " + e.getMessage(), e);
        }
    }

    private static SQLiteConfig writeConfig(SqliteOptions options) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL even when FULL is asked for: then the WalSyncer flushes the WAL after COMMIT, behind the writer.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(WRITER_CACHE_KIB);
        // Otherwise the driver runs "SELECT last_insert_rowid()" after every INSERT, a prepared statement each time;
        // no write here asks for generated keys.
        config.setGetGeneratedKeys(false);
        return config;
    }

    private static SQLiteConfig readConfig(SqliteOptions options) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-16_000);
        return config;
    }

    private static void migrate(SQLiteDataSource source) {
        try {
            Flyway.configure()
                    .dataSource(source)
                    .locations("classpath:db/migration/sqlite")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("could not bring the database schema up to date: " + e.getMessage(), e);
        }
    }

    @Override
    protected <T> T write(Tx.Work<T> work) {
        if (closed) {
            throw new StoreUnavailableException("the audit store is closed", null);
        }
        try {
            return writer.submit(work).join();
        } catch (CompletionException e) {
            throw unwrap(e.getCause());
        }
    }

    /**
     * Prepared statements kept per physical read connection: preparing SQL was a third of the cost of a read.
     * A pooled connection serves one thread at a time, so each inner map is used by one thread at a time.
     */
    private final Map<Connection, Map<String, PreparedStatement>> readStatements =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Map<String, PreparedStatement> statementsOf(Connection physical) {
        return readStatements.computeIfAbsent(physical, k -> new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() > 256) {
                    try {
                        eldest.getValue().close();
                    } catch (SQLException ignored) {
                        // a statement that cannot be closed is released with its connection
                    }
                    return true;
                }
                return false;
            }
        });
    }

    @Override
    protected <T> T read(Tx.Work<T> work) {
        if (closed) {
            throw new StoreUnavailableException("the audit store is closed", null);
        }
        try (Connection c = readers.getConnection()) {
            // Statements are prepared on the physical connection: the pool closes those made through its proxy on every return.
            Connection physical = c.unwrap(SQLiteConnection.class);
            Tx tx = new Tx(physical, statementsOf(physical));
            try {
                T result = work.run(tx);
                c.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailed) {
                    // SQLite ends the transaction itself on some errors (a damaged file): the first error is the one to report.
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            } finally {
                tx.close();
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private RuntimeException unwrap(Throwable cause) {
        if (cause instanceof SQLException sql) {
            return translate(sql);
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        return new StoreUnavailableException("write failed: " + cause, cause);
    }

    RuntimeException translate(SQLException e) {
        return translate(e, options.databaseFile());
    }

    /** Turns SQLite's error codes into messages that say what happened and what to do. */
    static StoreException translate(SQLException e, Path db) {
        if (e instanceof SQLiteException se) {
            int primary = se.getResultCode().code & 0xff;
            if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
                return new StoreUnavailableException("the disk holding " + db + " is full; free some space and try again "
                        + "(nothing that was acknowledged is lost)", e);
            }
            if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                return new StoreUnavailableException("another process has held the database " + db
                        + " for too long; stop it or try again", e);
            }
            if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
                return new StoreUnavailableException("the database " + db + " is read-only; check the permissions of the file and its folder", e);
            }
            if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
                return new StoreUnavailableException("the database " + db + " is damaged or is not a Veritas database: "
                        + damagedAdvice(db), e);
            }
            if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code || primary == SQLiteErrorCode.SQLITE_IOERR.code) {
                return new StoreUnavailableException("could not read or write the database " + db + " (" + se.getResultCode().name()
                        + "); check the disk and the file's permissions", e);
            }
        }
        return new StoreUnavailableException("database error on " + db + ": " + e.getMessage(), e);
    }

    /**
     * SQLite allocates event ids here: every write holds the database's write lock (BEGIN IMMEDIATE), so the
     * next ids are known and all of an append goes in one multi-row INSERT instead of a statement per event.
     * Ids continue from {@code sqlite_sequence}, as AUTOINCREMENT would, so they are never reused; it is read once per
     * transaction, not once per append. Ids of a unit that failed are skipped, never given twice.
     */
    @Override
    protected List<Long> insertEventRows(Tx tx, AuditId id, List<String> types, List<String> payloads, long now) throws SQLException {
        long transaction = writer.transaction();
        if (transaction != eventIdsTransaction) {
            // Another process may have written since this writer's last transaction; within one, nobody else can.
            try (ResultSet rs = tx.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_events'").executeQuery()) {
                lastEventId = rs.next() ? rs.getLong(1) : 0;
            }
            eventIdsTransaction = transaction;
        }
        long last = lastEventId;
        lastEventId += types.size();
        insertEventRowsWithIds(tx, id, last + 1, types, payloads, now);
        List<Long> ids = new ArrayList<>(types.size());
        for (int i = 1; i <= types.size(); i++) {
            ids.add(last + i);
        }
        return ids;
    }

    // ---------------------------------------------------------------- operations only SQLite has

    public SqliteOptions options() {
        return options;
    }

    public WriterStats writerStats() {
        return stats;
    }

    @Override
    public void bindMetrics(MeterRegistry registry) {
        stats.bindTo(registry);
        readers.setMetricRegistry(registry);
    }

    /** A commit that runs this long is not waiting for the disk but for something that may never come (a lock held elsewhere). */
    private static final Duration STALLED_AFTER = Duration.ofSeconds(30);

    @Override
    public StoreHealth health() {
        Optional<GroupCommitWriter.Down> down = writer.down();
        if (down.isPresent()) {
            return new StoreHealth(StoreHealth.Condition.WRITER_DOWN, "the database writer stopped (" + down.get().reason() + ") at "
                    + down.get().since() + " and is being restarted; writes wait meanwhile (the log has the details)");
        }
        OptionalLong running = writer.groupRunningNanos();
        if (running.isPresent() && running.getAsLong() > STALLED_AFTER.toNanos()) {
            return new StoreHealth(StoreHealth.Condition.WRITER_STALLED, "the database writer has been inside one commit for "
                    + running.getAsLong() / 1_000_000_000 + " s; another process may hold " + options.databaseFile() + " locked");
        }
        OptionalLong flushing = syncer.map(WalSyncer::flushRunningNanos).orElse(OptionalLong.empty());
        if (flushing.isPresent() && flushing.getAsLong() > STALLED_AFTER.toNanos()) {
            return new StoreHealth(StoreHealth.Condition.WRITER_STALLED, "flushing writes to the disk has taken "
                    + flushing.getAsLong() / 1_000_000_000 + " s; the disk holding " + options.databaseFile()
                    + " may have stopped answering, and writes wait until it does");
        }
        Optional<WalSyncer.Failure> undurable = syncer.flatMap(WalSyncer::failure);
        if (undurable.isPresent()) {
            return new StoreHealth(StoreHealth.Condition.STORAGE_ERROR, "flushing writes to the disk failed at " + undurable.get().at()
                    + ": " + undurable.get().error().getMessage());
        }
        Optional<GroupCommitWriter.Fault> fault = writer.fault();
        if (fault.isPresent()) {
            RuntimeException error = fault.get().error();
            String detail = "the last write failed at " + fault.get().at() + ": " + error.getMessage() + "; no write has succeeded since";
            return new StoreHealth(conditionOf(error.getCause()), detail);
        }
        return StoreHealth.healthy();
    }

    private static StoreHealth.Condition conditionOf(Throwable cause) {
        if (cause instanceof SQLiteException se) {
            int primary = se.getResultCode().code & 0xff;
            if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
                return StoreHealth.Condition.DISK_FULL;
            }
            if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                return StoreHealth.Condition.BUSY;
            }
        }
        return StoreHealth.Condition.STORAGE_ERROR;
    }

    /** The checkpointer runs an action with the writer stopped between groups (see {@link WalCheckpointer}). */
    private boolean whileWriterPaused(Runnable action) {
        GroupCommitWriter w = writer; // null until the constructor has made it; the checkpointer's next round asks again
        return w != null && w.whilePaused(action, WRITER_PAUSE_WAIT);
    }

    /** How many times the checkpointer stopped the writer to catch up with a WAL that kept growing. */
    long checkpointerWriterPauses() {
        return checkpointer.writerPauses();
    }

    /** True at synchronous=FULL: a write is acknowledged only once the WAL holding it has been flushed to the disk. */
    boolean flushesWalBeforeAcknowledging() {
        return syncer.isPresent();
    }

    /** Completes once the writer thread will no longer touch the write connection (for tests of close). */
    CompletableFuture<Void> writerStopped() {
        return writer.stopped();
    }

    /** The thread writing now, for tests that stop it as a fatal error would. */
    Thread writerThread() {
        return writer.thread();
    }

    @Override
    public String describe() {
        return "sqlite " + options.databaseFile().toAbsolutePath();
    }

    /**
     * Integrity, journal mode and contents as read through a reader; synchronous, foreign_keys and busy_timeout as
     * read from the write connection: they belong to a connection, not to the file, and only the writer's decide durability.
     */
    @Override
    public StoreCheck check() {
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] version = {"none"};
        try {
            readFileChecks(settings, counts, problems, version);
        } catch (StoreUnavailableException e) {
            if (!isDamage(e.getCause())) {
                throw e;
            }
            // Damage that stops the check itself (or its read transaction) is still a finding to report, not a crash of the command.
            if (problems.stream().noneMatch(p -> p.startsWith("integrity_check reported"))) {
                settings.put("integrity_check", "could not finish: " + e.getCause().getMessage());
                problems.add("the file is damaged (" + e.getCause().getMessage() + "): " + damagedAdvice(options.databaseFile()));
            }
            version[0] = "unknown (damaged file)";
        }
        writeConnectionSettings(settings, problems);
        return new StoreCheck(describe(), version[0], settings, counts, problems);
    }

    private void readFileChecks(Map<String, String> settings, Map<String, Long> counts, List<String> problems, String[] version) {
        read(tx -> {
            try (Statement st = tx.connection().createStatement()) {
                List<String> integrity = strings(st, "PRAGMA integrity_check");
                settings.put("integrity_check", String.join("; ", integrity));
                boolean intact = integrity.size() == 1 && integrity.get(0).equals("ok");
                if (!intact) {
                    problems.add("integrity_check reported: " + String.join("; ", integrity) + ". The file is damaged: "
                            + damagedAdvice(options.databaseFile()));
                }
                String mode = strings(st, "PRAGMA journal_mode").get(0);
                settings.put("journal_mode", mode);
                if (!mode.equalsIgnoreCase("wal")) {
                    problems.add("journal_mode is " + mode + ", expected wal");
                }
                settings.put("page_size", strings(st, "PRAGMA page_size").get(0));
                settings.put("page_count", strings(st, "PRAGMA page_count").get(0));
                if (!intact) {
                    // Counting rows of a damaged file fails or misleads; the problem above says what to do.
                    version[0] = "unknown (damaged file)";
                    return null;
                }
                List<String> fk = strings(st, "PRAGMA foreign_key_check");
                if (!fk.isEmpty()) {
                    problems.add(fk.size() + " rows point at audits that do not exist (foreign_key_check)");
                }
                version[0] = checkContents(st, counts, problems);
            }
            return null;
        });
    }

    private static boolean isDamage(Throwable t) {
        if (t instanceof SQLiteException se) {
            int primary = se.getResultCode().code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code;
        }
        return false;
    }

    private void writeConnectionSettings(Map<String, String> settings, List<String> problems) {
        Map<String, String> read;
        try {
            read = write(tx -> {
                Map<String, String> m = new LinkedHashMap<>();
                try (Statement st = tx.connection().createStatement()) {
                    m.put("synchronous", strings(st, "PRAGMA synchronous").get(0));
                    m.put("foreign_keys", strings(st, "PRAGMA foreign_keys").get(0));
                    m.put("busy_timeout", strings(st, "PRAGMA busy_timeout").get(0));
                }
                return m;
            });
        } catch (StoreException e) {
            problems.add("could not read the write connection's settings: " + e.getMessage());
            return;
        }
        String synchronous = switch (read.get("synchronous")) {
            case "0" -> "off";
            // At FULL the connection commits at NORMAL and the WalSyncer flushes the WAL before each acknowledgement.
            case "1" -> syncer.isPresent() ? "full" : "normal";
            case "2" -> "full";
            case "3" -> "extra";
            default -> read.get("synchronous");
        };
        settings.put("synchronous", synchronous);
        String asked = options.synchronous().name().toLowerCase(Locale.ROOT);
        if (!synchronous.equals(asked)) {
            problems.add("synchronous is " + synchronous + " on the write connection, but " + asked + " was asked for");
        }
        boolean foreignKeys = read.get("foreign_keys").equals("1");
        settings.put("foreign_keys", foreignKeys ? "on" : "off");
        if (!foreignKeys) {
            problems.add("foreign keys are not enforced on the write connection");
        }
        settings.put("busy_timeout", read.get("busy_timeout") + " ms");
    }

    /** What to do about a damaged file; never "run db check" again, which is how the user found out. */
    static String damagedAdvice(Path db) {
        String name = db.getFileName().toString();
        return "stop Veritas, then replace " + db.toAbsolutePath() + " with a copy made by `veritas db backup`, or move it (and "
                + name + "-wal, " + name + "-shm if present) aside so Veritas starts a new, empty database";
    }

    @Override
    public Optional<OnlineBackup> onlineBackup() {
        return Optional.of(this);
    }

    @Override
    public Path screenshotRoot() {
        return screenshotFiles().root();
    }

    /** An online copy of the database (taken while writes go on), verified with integrity_check before it is named {@code target}. */
    @Override
    public Report backup(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new IllegalArgumentException(absolute + " already exists; choose another file name or delete it first");
        }
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("the folder of " + absolute + " does not exist; create it first");
        }
        Path partial = dir.resolve("." + absolute.getFileName() + ".part-" + System.nanoTime());
        long started = System.nanoTime();
        try {
            try (Connection c = readOnlySource.getConnection(); Statement st = c.createStatement()) {
                // VACUUM INTO reads one consistent snapshot; WAL lets writers continue meanwhile.
                st.execute("VACUUM INTO '" + partial.toString().replace("'", "''") + "'");
            }
            String integrity;
            SQLiteDataSource copy = new SQLiteDataSource();
            copy.setUrl("jdbc:sqlite:" + partial);
            long audits;
            try (Connection c = copy.getConnection(); Statement st = c.createStatement()) {
                integrity = String.join("; ", strings(st, "PRAGMA integrity_check"));
                audits = count(st, "SELECT count(*) FROM audits");
            }
            if (!integrity.equals("ok")) {
                throw new StoreUnavailableException("the backup copy failed integrity_check (" + integrity + "); the original is untouched", null);
            }
            Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
            return new Report(absolute, Files.size(absolute), audits, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw translate(e, options.databaseFile());
        } catch (IOException e) {
            throw new StoreUnavailableException("could not write the backup " + absolute + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a stray .part file is visible and harmless
            }
        }
    }

    private static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Commits what is queued, checkpoints the WAL into the main file, and closes every connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean writerStopped = writer.close();
        checkpointer.close();
        readers.close();
        if (writerStopped) {
            checkpointAndCloseWriteConnection();
        } else {
            // The writer is still inside a commit (most likely waiting for another process's lock). Closing the
            // connection under it would fail units it may already have written; it closes the connection itself when done.
            log.error("the database writer of {} is still committing after the close timeout; its connection will be closed when it finishes",
                    options.databaseFile());
            writer.stopped().thenRun(this::checkpointAndCloseWriteConnection);
        }
    }

    /** Only once the writer has stopped: the write connection is its alone until then, and it may still hand groups to the syncer. */
    private void checkpointAndCloseWriteConnection() {
        syncer.ifPresent(WalSyncer::close);
        try (Statement st = writeConnection.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            log.warn("could not checkpoint {} on close: {}", options.databaseFile(), e.getMessage());
        }
        try {
            writeConnection.close();
        } catch (SQLException e) {
            log.warn("could not close {}: {}", options.databaseFile(), e.getMessage());
        }
    }
}
