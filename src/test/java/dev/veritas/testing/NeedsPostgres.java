package dev.veritas.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test needs a reachable PostgreSQL (VERITAS_TEST_DATABASE_URL, default the local test database):
 * skipped with the reason where it is missing, a failure under CI=true. Also the tag `postgres` that the fast test profile leaves out, so the need and the tag cannot drift apart.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("postgres")
@ExtendWith(NeedsPostgres.Check.class)
public @interface NeedsPostgres {
    /** Checks the need before the class's set-up runs, and again before each test of a method-level use. */
    final class Check implements BeforeAllCallback, BeforeEachCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            Requirements.postgres();
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            Requirements.postgres();
        }
    }
}
