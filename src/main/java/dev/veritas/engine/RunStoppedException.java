package dev.veritas.engine;

/** Unwinds a run that was stopped from outside (see {@link StopReason}). */
final class RunStoppedException extends RuntimeException {
    private final StopReason reason;

    RunStoppedException(StopReason reason) {
        super(reason.description());
        this.reason = reason;
    }

    StopReason reason() {
        return reason;
    }
}
