package dev.veritas.audit;

import java.util.regex.Pattern;

/** The event types Veritas writes. Stored as strings so older rows with other types still read. */
public enum EventType implements WireEnum {
    STATUS,
    PHASE_START,
    PHASE_COMPLETE,
    PAGE_CAPTURED,
    SCREENSHOT,
    FINDING,
    SITE_TYPE,
    SECURITY_RESULT,
    STATS_UPDATE,
    LOG_ENTRY,
    AUDIT_RESULT,
    AUDIT_ERROR,
    AUDIT_CANCELLED;

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9_]{0,59}");

    /** After one of these an audit writes no more events; streams close. */
    public boolean isTerminal() {
        return this == AUDIT_RESULT || this == AUDIT_ERROR || this == AUDIT_CANCELLED;
    }

    public static boolean isTerminal(String type) {
        return AUDIT_RESULT.wire().equals(type) || AUDIT_ERROR.wire().equals(type) || AUDIT_CANCELLED.wire().equals(type);
    }

    public static String requireValidType(String type) {
        Require.present("event type", type);
        if (!SHAPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must be lower-case letters, digits and _ (got '" + type + "')");
        }
        return type;
    }
}
