package dev.veritas.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL database of its own for one test, on the server {@link Requirements#postgresUrl()} names, dropped at
 * the end: processes started by the test reach it by URL alone, and nothing of another run (audits, NOTIFY traffic)
 * is in it.
 */
public final class FreshDatabase implements AutoCloseable {
    private final String adminUrl;
    private final String name;
    private final String url;

    private FreshDatabase(String adminUrl, String name, String url) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.url = url;
    }

    /** Creates a database named {@code prefix_<random>}; the prefix says which test made it, should one be left over. */
    public static FreshDatabase create(String prefix) throws SQLException {
        String admin = Requirements.postgresUrl();
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return new FreshDatabase(admin, name, withDatabase(admin, name));
    }

    /** The JDBC URL of the new database, with the same user and options as the test server's. */
    public String url() {
        return url;
    }

    public String name() {
        return name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    static String withDatabase(String jdbcUrl, String database) {
        URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
        String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
        return "jdbc:postgresql://" + u.getRawAuthority() + "/" + database + query;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            // FORCE: a node killed by the test may leave a session behind for a moment.
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
