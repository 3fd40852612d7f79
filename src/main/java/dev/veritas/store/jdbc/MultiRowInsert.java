package dev.veritas.store.jdbc;

import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?), …}: one statement for many rows. Each statement costs a
 * round trip through the driver; for the 50 events and 20 findings of an audit this is most of the writer's time.
 * The SQL for each row count is built once: built on every call, its 1–2 KB were built, hashed and compared again to
 * find the cached statement.
 */
final class MultiRowInsert {
    static final int MAX_ROWS = 100;

    private final String prefix;
    private final IntFunction<String> tuple;
    private final AtomicReferenceArray<String> byRows = new AtomicReferenceArray<>(MAX_ROWS + 1);

    /** @param valuesTuple the placeholder tuple of every row, e.g. {@code (?, ?, CAST(? AS jsonb))} */
    MultiRowInsert(String table, String columns, String valuesTuple) {
        this(table, columns, row -> valuesTuple);
    }

    /** @param tuple the placeholder tuple of row {@code i} (from 0), for rows that number their parameters */
    MultiRowInsert(String table, String columns, IntFunction<String> tuple) {
        this.prefix = "INSERT INTO " + table + " (" + columns + ") VALUES ";
        this.tuple = tuple;
    }

    /** The statement for {@code rows} rows, 1 to {@link #MAX_ROWS}. */
    String sql(int rows) {
        String sql = byRows.get(rows);
        if (sql == null) {
            StringJoiner values = new StringJoiner(", ", prefix, "");
            for (int i = 0; i < rows; i++) {
                values.add(tuple.apply(i));
            }
            sql = values.toString();
            byRows.set(rows, sql); // a race builds the same text twice, harmlessly
        }
        return sql;
    }
}
