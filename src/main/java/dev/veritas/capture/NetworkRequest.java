package dev.veritas.capture;

import java.net.URI;
import java.util.Optional;

/** A request the page made while loading (scripts, images, XHR …). */
public record NetworkRequest(URI url, String resourceType, Optional<Integer> status, boolean blocked) {}
