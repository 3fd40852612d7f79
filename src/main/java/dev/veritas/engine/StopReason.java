package dev.veritas.engine;

/** Why a running audit was stopped from outside its own work; each ends the run in its own way. */
public enum StopReason {
    /** A user cancelled it: the store already holds its end; nothing more is written. */
    CANCELLED("the audit was cancelled"),
    /** Another worker holds it now (this one's lease lapsed, or was taken over): nothing more may be written. */
    LEASE_LOST("another worker took the audit over"),
    /** Its tier's time ran out: what was captured is judged, or the audit fails if nothing was. */
    DEADLINE("the tier's time budget ran out"),
    /** The server is stopping: the audit goes back to the queue for the next start. */
    SHUTDOWN("the server shut down before the audit finished");

    private final String description;

    StopReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
