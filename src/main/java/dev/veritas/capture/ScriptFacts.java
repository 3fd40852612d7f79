package dev.veritas.capture;

import java.util.Optional;

/** A script element: external ({@code src}) or inline (the first part of its text). */
public record ScriptFacts(Optional<String> src, Optional<String> integrity, Optional<String> crossorigin, String type, String inlineText) {
    public static final int MAX_INLINE = 20_000;

    public ScriptFacts {
        inlineText = inlineText.length() > MAX_INLINE ? inlineText.substring(0, MAX_INLINE) : inlineText;
    }
}
