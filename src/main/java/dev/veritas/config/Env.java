package dev.veritas.config;

import java.util.Locale;
import java.util.Optional;

/** Reads {@code VERITAS_*} settings from the environment. Flags win over these; these win over defaults. */
public final class Env {
    private Env() {}

    public static Optional<String> get(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    public static boolean flag(String name) {
        return get(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        }).orElse(false);
    }

    public static boolean isCi() {
        return flag("CI");
    }
}
