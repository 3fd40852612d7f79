package dev.veritas.store;

/** The store could not do the work now (disk full, file unreadable, database held by another process too long). Nothing partial was written. */
public final class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
