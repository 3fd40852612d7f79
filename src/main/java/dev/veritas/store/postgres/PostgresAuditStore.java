package dev.veritas.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import dev.veritas.audit.AuditId;
import dev.veritas.store.StoreCheck;
import dev.veritas.store.StoreException;
import dev.veritas.store.StoreHealth;
import dev.veritas.store.StoreUnavailableException;
import dev.veritas.store.jdbc.Dialect;
import dev.veritas.store.jdbc.JdbcAuditStore;
import dev.veritas.store.jdbc.Tx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store for more than one machine: the same contract on PostgreSQL. Workers on any node claim audits
 * with {@code FOR UPDATE SKIP LOCKED}; new events are announced with {@code NOTIFY}, so a node streaming
 * an audit that runs elsewhere follows it live.
 */
public final class PostgresAuditStore extends JdbcAuditStore {
    private static final Logger log = LoggerFactory.getLogger(PostgresAuditStore.class);
    static final String CHANNEL = "veritas_events";
    private static final int MAX_RETRIES = 5;

    private final HikariDataSource pool;
    private final String description;
    private final PostgresTimeouts timeouts;
    private final Thread listener;
    private volatile boolean closed;
    /** The last write's failure, until a write commits again: what health reports. */
    private volatile Optional<StoreHealth> lastFault = Optional.empty();

    private PostgresAuditStore(PostgresUrl url, Path dataDir, Clock clock, PostgresTimeouts timeouts) {
        super(Dialect.POSTGRES, clock, PostgresScreenshotBytes::new);
        this.description = "postgresql " + url.redacted();
        this.timeouts = timeouts;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(config::setUsername);
        url.password().ifPresent(config::setPassword);
        url.schema().ifPresent(config::setSchema);
        config.setPoolName("veritas-pg");
        config.setMaximumPoolSize(10);
        config.setAutoCommit(false);
        config.setConnectionTimeout(timeouts.connection().toMillis());
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Every connection bounds its statements and lock waits on the server: a locked row or an overloaded server
        // ends a write with a clear error instead of holding a worker forever.
        config.addDataSourceProperty("options", timeouts.connectionOptions());
        try {
            this.pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot connect to PostgreSQL at " + url.redacted() + ": " + rootMessage(e)
                    + " — check that it runs and that VERITAS_DATABASE_URL is right", e);
        }
        migrate(url);
        this.listener = new Thread(this::listen, "veritas-pg-listen");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    /** Opens the store at {@code url}; nothing of it lives on this node's disk. */
    public static PostgresAuditStore open(String url) {
        return open(PostgresUrl.parse(url), Path.of("."), Clock.systemUTC());
    }

    public static PostgresAuditStore open(String url, Path dataDir) {
        return open(PostgresUrl.parse(url), dataDir, Clock.systemUTC());
    }

    public static PostgresAuditStore open(PostgresUrl url, Path dataDir, Clock clock) {
        return open(url, dataDir, clock, PostgresTimeouts.defaults());
    }

    public static PostgresAuditStore open(PostgresUrl url, Path dataDir, Clock clock, PostgresTimeouts timeouts) {
        return new PostgresAuditStore(url, dataDir, clock, timeouts);
    }

    private void migrate(PostgresUrl url) {
        try {
            // Migrations get a connection of their own without the statement timeout: building an index on a large
            // table may take longer than any write should.
            var flyway = Flyway.configure().dataSource(url.jdbcUrl(), url.user().orElse(null), url.password().orElse(null))
                    .locations("classpath:db/migration/postgres").failOnMissingLocations(true);
            url.schema().ifPresent(s -> flyway.schemas(s).defaultSchema(s).createSchemas(true));
            flyway.load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StoreUnavailableException("could not bring the PostgreSQL schema up to date: " + e.getMessage(), e);
        }
    }

    @Override
    protected <T> T write(Tx.Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            requireOpen();
            T result;
            List<Runnable> afterCommit;
            try (Connection c = pool.getConnection(); Tx tx = new Tx(c, null)) {
                try {
                    result = work.run(tx);
                    c.commit();
                } catch (RuntimeException | SQLException e) {
                    rollbackQuietly(c, e);
                    throw e;
                }
                afterCommit = tx.afterCommitActions();
            } catch (SQLException e) {
                // 40001 serialization failure, 40P01 deadlock: the transaction did nothing; run it again.
                if (attempt < MAX_RETRIES && ("40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState()))) {
                    continue;
                }
                throw fault(translate(e), e);
            }
            lastFault = Optional.empty();
            // Outside the failure path: the write is committed, and an action failing now must not report it failed.
            for (Runnable action : afterCommit) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.warn("an after-commit action failed: {}", e.getMessage());
                }
            }
            return result;
        }
    }

    /** A rollback that fails (the connection is gone) must not hide the error that made it necessary. */
    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private StoreException fault(StoreException error, SQLException cause) {
        lastFault = Optional.of(new StoreHealth(conditionOf(cause), "the last write failed: " + error.getMessage()
                + "; no write has succeeded since"));
        return error;
    }

    private static StoreHealth.Condition conditionOf(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("53100")) {
            return StoreHealth.Condition.DISK_FULL;
        }
        if (e instanceof SQLTransientConnectionException || BUSY_STATES.contains(state)) {
            return StoreHealth.Condition.BUSY;
        }
        return StoreHealth.Condition.STORAGE_ERROR;
    }

    /** Lock wait or statement cut by its timeout, too many connections: the server is there but busy. */
    private static final Set<String> BUSY_STATES = Set.of("55P03", "57014", "53300");

    @Override
    public StoreHealth health() {
        return lastFault.orElseGet(StoreHealth::healthy);
    }

    @Override
    protected <T> T read(Tx.Work<T> work) {
        requireOpen();
        try (Connection c = pool.getConnection(); Tx tx = new Tx(c, null)) {
            try (Statement st = c.createStatement()) {
                // One snapshot for all statements of the read, as SQLite's read transaction gives, and a shorter bound
                // than writes get: a read answers a person waiting for a page. One round trip for both.
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL statement_timeout = "
                        + timeouts.read().toMillis());
            }
            try {
                T result = work.run(tx);
                c.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    protected List<Long> insertEventRows(Tx tx, AuditId id, List<String> types, List<String> payloads, long now) throws SQLException {
        List<Long> ids = super.insertEventRows(tx, id, types, payloads, now);
        PreparedStatement notify = tx.prepare("SELECT pg_notify('" + CHANNEL + "', ?)");
        notify.setString(1, id.value());
        notify.executeQuery().close(); // delivered to listeners on commit, never before
        return ids;
    }

    /** Relays NOTIFY from every node to this process's readers. */
    private void listen() {
        while (!closed) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes != null) {
                        for (PGNotification n : notes) {
                            if (AuditId.isValid(n.getParameter())) {
                                signal.signal(new AuditId(n.getParameter()));
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    log.warn("lost the PostgreSQL event listener ({}); readers fall back to polling until it reconnects", e.getMessage());
                    try {
                        Thread.sleep(1000); // reconnect back-off
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StoreUnavailableException("the audit store is closed", null);
        }
    }

    private StoreException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientConnectionException) {
            return new StoreUnavailableException("no PostgreSQL connection became free within " + timeouts.connection().toSeconds()
                    + " s: the server is overloaded or unreachable; try again", e);
        }
        if (state.equals("55P03")) {
            return new StoreUnavailableException("PostgreSQL is busy: a row this write needs stayed locked longer than "
                    + timeouts.lock().toMillis() + " ms (lock_timeout); nothing was written, try again", e);
        }
        if (state.equals("53300")) {
            return new StoreUnavailableException("PostgreSQL refused the connection: too many clients; try again or raise max_connections", e);
        }
        if (state.startsWith("08")) {
            return new StoreUnavailableException("lost the connection to PostgreSQL (" + e.getMessage() + "); check the server and try again", e);
        }
        if (state.equals("53100")) {
            return new StoreUnavailableException("PostgreSQL's disk is full; free some space and try again (nothing acknowledged was lost)", e);
        }
        if (state.equals("57014")) {
            return new StoreUnavailableException("PostgreSQL cancelled the statement after its time limit (statement_timeout); "
                    + "the server is busy, try again", e);
        }
        return new StoreUnavailableException("PostgreSQL error " + state + ": " + e.getMessage(), e);
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void bindMetrics(MeterRegistry registry) {
        pool.setMetricRegistry(registry);
    }

    @Override
    public StoreCheck check() {
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] version = {"none"};
        read(tx -> {
            try (Statement st = tx.connection().createStatement()) {
                try (ResultSet rs = st.executeQuery("SHOW server_version")) {
                    rs.next();
                    settings.put("server_version", rs.getString(1));
                }
                try (ResultSet rs = st.executeQuery("SELECT current_schema()")) {
                    rs.next();
                    settings.put("schema", rs.getString(1));
                }
                version[0] = checkContents(st, counts, problems);
            }
            return null;
        });
        return new StoreCheck(describe(), version[0], settings, counts, problems);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.close();
    }
}
