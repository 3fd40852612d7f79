package dev.veritas.audit;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of an audit: queued → running → completed | failed | cancelled. */
public enum AuditStatus implements WireEnum {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** The statuses an audit may move to from this one; terminal statuses are final. */
    public Set<AuditStatus> successors() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, FAILED, CANCELLED);
            // running → queued is recovery of an interrupted audit, never a user action.
            case RUNNING -> EnumSet.of(QUEUED, COMPLETED, FAILED, CANCELLED);
            case COMPLETED, FAILED, CANCELLED -> EnumSet.noneOf(AuditStatus.class);
        };
    }

    public boolean canMoveTo(AuditStatus next) {
        return successors().contains(next);
    }

    public static AuditStatus parse(String value) {
        return WireEnum.parse(AuditStatus.class, "status", value);
    }
}
