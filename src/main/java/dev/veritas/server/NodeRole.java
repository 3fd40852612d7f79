package dev.veritas.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one `veritas serve` process does in a deployment. {@code all} is a whole Veritas on one machine;
 * {@code api} and {@code worker} split it so the public side (behind a load balancer) and the audit runners (with
 * Chromium) scale apart, sharing one PostgreSQL.
 */
public enum NodeRole {
    /** The API, the web UI and the workers: one node does everything (the default). */
    ALL,
    /** The API and the web UI; runs no audits, so it needs no browser. */
    API,
    /** Claims and runs audits; answers only its health and metrics. */
    WORKER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this node claims and runs audits. */
    public boolean runsAudits() {
        return this != API;
    }

    /** Whether this node serves the public API and the web UI. */
    public boolean servesApi() {
        return this != WORKER;
    }

    /** Whether this node can only work on a store that other nodes share (PostgreSQL). */
    public boolean needsSharedStore() {
        return this != ALL;
    }

    /** The role named {@code text}; the error says "must be one of …", for the caller to prefix with the flag or variable. */
    public static NodeRole parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.wire().equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + Arrays.stream(values()).map(NodeRole::wire)
                        .collect(Collectors.joining(", ")) + "; got '" + (t.length() > 20 ? t.substring(0, 20) + "…" : t) + "'"));
    }
}
