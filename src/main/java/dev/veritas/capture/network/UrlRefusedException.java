package dev.veritas.capture.network;

/** The URL guard refused a URL; the message says why and what to do. */
public final class UrlRefusedException extends IllegalArgumentException {
    public UrlRefusedException(String message) {
        super(message);
    }
}
