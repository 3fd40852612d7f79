package dev.veritas.store;

/** Errors of the store that callers handle by kind: an unknown audit, a forbidden change, or a store that cannot work right now. */
public abstract sealed class StoreException extends RuntimeException
        permits AuditNotFoundException, IllegalTransitionException, LeaseLostException, StoreUnavailableException {
    protected StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
