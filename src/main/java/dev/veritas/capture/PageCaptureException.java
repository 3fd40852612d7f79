package dev.veritas.capture;

/** A page could not be captured; the message says why in plain words. */
public final class PageCaptureException extends RuntimeException {
    public PageCaptureException(String message) {
        super(message);
    }

    public PageCaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
