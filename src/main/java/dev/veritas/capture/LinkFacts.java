package dev.veritas.capture;

import java.net.URI;

/** A link on a page, resolved against the page's URL. */
public record LinkFacts(URI href, String text, boolean visible) {}
