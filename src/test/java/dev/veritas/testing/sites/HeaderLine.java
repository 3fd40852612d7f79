package dev.veritas.testing.sites;

/** One response header a test site sends; a name may appear in several lines (Set-Cookie). */
public record HeaderLine(String name, String value) {}
