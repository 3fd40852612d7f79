package dev.veritas.checks;

import java.util.List;

/** The checks an audit runs, in the order their outcomes are reported. */
public final class Checks {
    private Checks() {}

    /** A new set of the standard checks (each holds its own detectors; they are immutable and may be shared). */
    public static List<Check> standard() {
        return List.of(new SecurityHeadersCheck(), new TransportCheck(), new PhishingCheck(), new DarkPatternCheck(),
                new ScriptsCheck(), new TransparencyCheck(), new CaptureCheck());
    }

    /**
     * The kinds a check declares. The security headers check names its findings after the Observatory's tests
     * ({@link SecurityHeaderFindings}); until it overrides {@link Check#possibleFindings()} itself, they are taken from there.
     */
    public static List<? extends FindingKind> declaredBy(Check check) {
        if (check instanceof SecurityHeadersCheck && check.possibleFindings().isEmpty()) {
            return SecurityHeaderFindings.all();
        }
        return check.possibleFindings();
    }
}
