package dev.veritas.store.postgres;

import dev.veritas.audit.Require;
import java.time.Duration;

/**
 * How long the PostgreSQL store waits, so a busy or unreachable server means a clear error, never a hung worker or
 * request: for a free connection from the pool, for any one statement, for a row or table lock, and for any statement
 * of a read (the API's reads give up sooner than an audit's writes).
 */
public record PostgresTimeouts(Duration connection, Duration statement, Duration lock, Duration read) {

    public PostgresTimeouts {
        Require.present("connection timeout", connection);
        Require.present("statement timeout", statement);
        Require.present("lock timeout", lock);
        Require.present("read timeout", read);
        if (connection.toMillis() < 250) {
            throw new IllegalArgumentException("the connection timeout must be at least 250 ms (HikariCP's floor)");
        }
    }

    public static PostgresTimeouts defaults() {
        return new PostgresTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** The server-side settings every pooled connection starts with (PgJDBC's {@code options} start-up parameter). */
    String connectionOptions() {
        return "-c statement_timeout=" + statement.toMillis() + " -c lock_timeout=" + lock.toMillis();
    }
}
