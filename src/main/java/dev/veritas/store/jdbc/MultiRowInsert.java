package dev.veritas.store.jdbc;

import java.util.StringJoiner;

/**
 * {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?), …}: one statement for many rows. Each statement costs a
 * round trip through the driver; for the 50 events and 20 findings of an audit this is most of the writer's time.
 */
final class MultiRowInsert {
    static final int MAX_ROWS = 100;

    private MultiRowInsert() {}

    /** @param valuesTuple the placeholder tuple of one row, e.g. {@code (?, ?, CAST(? AS jsonb))} */
    static String sql(String table, String columns, String valuesTuple, int rows) {
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < rows; i++) {
            values.add(valuesTuple);
        }
        return "INSERT INTO " + table + " (" + columns + ") VALUES " + values;
    }
}
