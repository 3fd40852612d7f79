package dev.veritas.capture;

/** The capture was stopped from outside (the audit was cancelled, its time ran out, the server is stopping); the message says why. */
public final class CaptureStoppedException extends RuntimeException {
    public CaptureStoppedException(String reason) {
        super(reason);
    }
}
