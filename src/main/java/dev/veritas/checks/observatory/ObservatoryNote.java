package dev.veritas.checks.observatory;

import java.util.Objects;

/** Something worth telling the user beside the grade; it never changes the score. */
public record ObservatoryNote(String code, String message) {
    /** The redirect chain went from HTTPS back to plain HTTP. */
    public static final String HTTPS_DOWNGRADE = "https-downgrade";
    /** Bonuses were earned but not counted because the penalties were too high. */
    public static final String BONUSES_NOT_COUNTED = "bonuses-not-counted";

    public ObservatoryNote {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
