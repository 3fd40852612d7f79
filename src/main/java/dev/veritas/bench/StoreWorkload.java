package dev.veritas.bench;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.Evidence;
import dev.veritas.audit.Finding;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.Recommendation;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Severity;
import dev.veritas.audit.Signal;
import dev.veritas.audit.Tier;
import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import dev.veritas.store.Claim;
import dev.veritas.store.NewEvent;
import dev.veritas.store.WorkerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The benchmark's unit of work, the same for every contender: one audit, 50 progress events and 20 findings,
 * written as an audit run writes them (create running, append the events, complete with the result).
 */
final class StoreWorkload {
    static final int EVENTS = 50;
    static final int FINDINGS = 20;

    private StoreWorkload() {}

    interface Timer {
        void record(long nanos);
    }

    /**
     * Writes one unit and records one latency: from the first call's submission to the last call's acknowledgement.
     * That is what a unit costs its caller; timing the three calls separately made p99 look about a third as long.
     */
    static void unit(AuditStore store, int n, Timer unitAckTimer) {
        long t0 = System.nanoTime();
        Claim a = store.createRunning(NewAudit.of("https://bench" + n + ".example/shop", Tier.STANDARD_AUDIT), WorkerId.current(), Duration.ofMinutes(5));
        store.appendEvents(a.lease(), events(n));
        store.complete(a.lease(), result(n));
        unitAckTimer.record(System.nanoTime() - t0);
    }

    static List<NewEvent> events(int n) {
        List<NewEvent> events = new ArrayList<>(EVENTS);
        for (int e = 0; e < EVENTS; e++) {
            events.add(new NewEvent("log_entry", Json.object().put("phase", "capture").put("message", eventMessage(n, e)).put("pct", e * 2)));
        }
        return events;
    }

    static String eventMessage(int n, int e) {
        return "Captured https://bench" + n + ".example/page/" + e + " — 1,234 elements, 12 scripts, 3 forms";
    }

    static AuditResult result(int n) {
        List<Finding> findings = new ArrayList<>(FINDINGS);
        Severity[] sev = Severity.values();
        for (int i = 0; i < FINDINGS; i++) {
            findings.add(new Finding("dp.text.low_stock", "scarcity", "low_stock_message", sev[i % 4], 0.87,
                    "Low-stock message", "The page claims stock is about to run out.",
                    "The shop says only a few items are left to hurry you; such claims are often false.",
                    Optional.of("https://bench" + n + ".example/product/" + i),
                    Evidence.of("Hurry! Only " + (i + 2) + " left in stock", "div.stock > span", Map.of("count", i + 2)),
                    OptionalInt.of(i % 3)));
        }
        int score = 40 + n % 60;
        return new AuditResult(score, RiskLevel.forScore(score),
                Map.of("security", new Signal(0.8, 0.9, 0.25), "dark_patterns", new Signal(0.4, 0.85, 0.3),
                        "phishing", new Signal(1.0, 0.9, 0.25), "transparency", new Signal(0.7, 0.7, 0.2)),
                List.of(), "The site uses several pressure tactics but shows no sign of phishing.",
                List.of(new Recommendation(Severity.MEDIUM, "Ignore the low-stock claims; compare prices elsewhere.", List.of("dp.text.low_stock"))),
                "ecommerce", 0.8, Json.object().put("grade", "B"), 5, 12, 14_000, List.of(), findings);
    }
}
