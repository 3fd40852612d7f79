package dev.veritas.store.postgres;

import dev.veritas.audit.Require;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A PostgreSQL location as people write it: {@code postgresql://user:secret@host:5432/db?currentSchema=s}
 * or a JDBC URL {@code jdbc:postgresql://host/db?user=…}. The password never appears in {@link #redacted()}.
 */
public record PostgresUrl(String jdbcUrl, Optional<String> user, Optional<String> password, Optional<String> schema) {
    public PostgresUrl {
        Require.text("database url", jdbcUrl);
    }

    public static PostgresUrl parse(String text) {
        Require.text("database url", text);
        String t = text.strip();
        if (t.startsWith("jdbc:postgresql:")) {
            return new PostgresUrl(t, Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (t.startsWith("postgres://") || t.startsWith("postgresql://")) {
            URI u;
            try {
                u = URI.create(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("database url is not a valid URL: " + e.getMessage());
            }
            Optional<String> user = Optional.empty();
            Optional<String> password = Optional.empty();
            if (u.getRawUserInfo() != null) {
                String[] parts = u.getRawUserInfo().split(":", 2);
                user = Optional.of(decode(parts[0]));
                if (parts.length == 2) {
                    password = Optional.of(decode(parts[1]));
                }
            }
            String host = u.getHost() == null ? "127.0.0.1" : u.getHost();
            String port = u.getPort() == -1 ? "" : ":" + u.getPort();
            String db = u.getPath() == null || u.getPath().length() <= 1 ? "veritas" : u.getPath().substring(1);
            String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
            return new PostgresUrl("jdbc:postgresql://" + host + port + "/" + db + query, user, password, Optional.empty());
        }
        throw new IllegalArgumentException("database url must start with postgresql:// or jdbc:postgresql:// (got '"
                + (t.length() > 30 ? t.substring(0, 30) + "…" : t) + "')");
    }

    public PostgresUrl withSchema(String name) {
        return new PostgresUrl(jdbcUrl, user, password, Optional.of(name));
    }

    public String redacted() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***") + user.map(u -> " as " + u).orElse("");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
