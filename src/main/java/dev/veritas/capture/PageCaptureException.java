package dev.veritas.capture;

/** A page could not be captured; the message says why in plain words, and the kind what that means for the audit. */
public final class PageCaptureException extends RuntimeException {
    /** What went wrong, as the audit must treat it. */
    public enum Kind {
        /** Nothing answered at the address (DNS, refused connection, TLS handshake, no answer in time): there is no site to judge. */
        UNREACHABLE,
        /** Something answered, but not with a page that can be audited (a download, a redirect loop, an address the guard refused). */
        NOT_A_PAGE,
        /** The page answered, then stopped answering (its scripts hung the browser, or a call ran out of time): judge what was seen. */
        CUT_SHORT,
        /** Anything else the browser reported. */
        OTHER
    }

    private final Kind kind;

    public PageCaptureException(String message) {
        this(Kind.OTHER, message);
    }

    public PageCaptureException(String message, Throwable cause) {
        this(Kind.OTHER, message, cause);
    }

    public PageCaptureException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PageCaptureException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
