package dev.veritas.checks;

import dev.veritas.audit.Severity;
import dev.veritas.checks.observatory.ObservatoryCheck;
import dev.veritas.checks.observatory.ObservatoryGrader;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings {@link SecurityHeadersCheck} can emit: one per Observatory test that fails (its id is the test's
 * name, its pattern type the result), and a redirect that downgrades HTTPS. They follow the Observatory's own list
 * of tests, so a test added there is a finding kind here.
 */
public final class SecurityHeaderFindings {
    public static final String PREFIX = "headers.";
    public static final Kind HTTPS_DOWNGRADE = new Kind("headers.https_downgrade", "https_downgrade", Severity.HIGH);

    private static final List<Kind> ALL = all0();

    private SecurityHeaderFindings() {}

    /** A finding of the security headers check; its severity follows the failed test's score modifier. */
    public record Kind(String id, String patternType, Severity defaultSeverity) implements FindingKind {
        @Override
        public String category() {
            return "security";
        }

        /** The Observatory test's name ({@code x-frame-options}), or the note's ({@code https_downgrade}). */
        public String testName() {
            return id.substring(PREFIX.length());
        }
    }

    public static List<Kind> all() {
        return ALL;
    }

    private static List<Kind> all0() {
        List<Kind> out = new ArrayList<>();
        for (ObservatoryCheck c : ObservatoryGrader.checks()) {
            out.add(new Kind(PREFIX + c.name(), c.name(), Severity.MEDIUM));
        }
        out.add(HTTPS_DOWNGRADE);
        return List.copyOf(out);
    }
}
