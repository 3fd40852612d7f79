package dev.veritas.capture;

import java.net.URI;
import java.util.Optional;

/** One response of a redirect chain: where we asked, what came back, and where it pointed. */
public record RedirectHop(URI url, int status, Optional<String> location) {}
