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
 * The test needs Debian's Chromium (or the one VERITAS_CHROMIUM names):
 * skipped with the reason where it is missing, a failure under CI=true. Also the tag `chromium` that the fast test profile leaves out, so the need and the tag cannot drift apart.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("chromium")
@ExtendWith(NeedsChromium.Check.class)
public @interface NeedsChromium {
    /** Checks the need before the class's set-up runs, and again before each test of a method-level use. */
    final class Check implements BeforeAllCallback, BeforeEachCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            Requirements.chromium();
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            Requirements.chromium();
        }
    }
}
