package dev.veritas.store.jdbc;

/** How a unit of work reaches the database: what the SQLite and PostgreSQL stores decide, and every role shares. */
public interface Database {

    /** Runs a unit of work in a write transaction; returns once it is committed. */
    <T> T write(Tx.Work<T> work);

    /** Runs work on a consistent read-only snapshot. */
    <T> T read(Tx.Work<T> work);
}
