package dev.veritas.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code VERITAS_*} settings from an environment (the process's, or a map in tests). Flags win over these; these
 * win over defaults. A blank value counts as unset.
 */
public final class Env {
    private static final Env SYSTEM = new Env(System.getenv());

    private final Map<String, String> variables;

    public Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The process's environment. */
    public static Env system() {
        return SYSTEM;
    }

    public Optional<String> value(String name) {
        String v = variables.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** True for 1, true, yes or on (any case); false for anything else, and when unset. */
    public boolean isSet(String name) {
        return value(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        }).orElse(false);
    }

    public static Optional<String> get(String name) {
        return SYSTEM.value(name);
    }

    public static boolean flag(String name) {
        return SYSTEM.isSet(name);
    }

    public static boolean isCi() {
        return flag("CI");
    }
}
