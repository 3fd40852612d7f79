package dev.veritas.testing;

import dev.veritas.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Parts of the machine some tests need. Where one is missing, the test is skipped with the reason on a
 * developer's machine, and fails in CI (CI=true), where .ci/run provides everything.
 */
public final class Requirements {
    private Requirements() {}

    public static String postgresUrl() {
        return Env.get("VERITAS_TEST_DATABASE_URL").orElse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    }

    public static void postgres() {
        String url = postgresUrl();
        try (Connection c = DriverManager.getConnection(url, new Properties())) {
            c.isValid(2);
        } catch (SQLException e) {
            missing("PostgreSQL is not reachable at " + url + " (" + e.getMessage()
                    + "); start it or point VERITAS_TEST_DATABASE_URL at one");
        }
    }

    /** Debian's Chromium, or the one VERITAS_CHROMIUM names. */
    public static Path chromium() {
        Path path = Path.of(Env.get("VERITAS_CHROMIUM").orElse("/usr/bin/chromium"));
        if (!Files.isExecutable(path)) {
            missing("Chromium not found at " + path + "; install it (apt-get install chromium) or set VERITAS_CHROMIUM");
        }
        return path;
    }

    /** A file of the development data kept beside the project in {@code ../shared/data} (or under VERITAS_SHARED_DATA). */
    public static Path sharedData(String relative) {
        Path path = Path.of(Env.get("VERITAS_SHARED_DATA").orElse("../shared/data")).resolve(relative).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            missing("the development data " + path + " is not here; clone the project beside shared/ or set VERITAS_SHARED_DATA");
        }
        return path;
    }

    private static void missing(String reason) {
        if (Env.isCi()) {
            Assertions.fail(reason + " — CI=true, so this is a failure, not a skip");
        }
        Assumptions.abort(reason);
    }
}
