package dev.veritas.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The one-column table {@code t (v INTEGER PRIMARY KEY)} that the writer's tests write through it and read back beside it. */
final class IntTable {
    private IntTable() {
    }

    /** Inserts {@code v}; returns the number of rows changed (1). */
    static int insert(Connection c, int v) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate("INSERT INTO t (v) VALUES (" + v + ")");
        }
    }

    /** The committed values, read on a connection of their own as another reader would. */
    static List<Integer> values(Path db) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = other.createStatement();
             ResultSet rs = st.executeQuery("SELECT v FROM t ORDER BY v")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }
}
