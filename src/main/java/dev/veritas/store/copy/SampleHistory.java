package dev.veritas.store.copy;

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
import dev.veritas.store.NewScreenshot;
import dev.veritas.store.WorkerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A history of made-up audits written as audit runs write them (claim, events, screenshots, result), for trying and
 * measuring {@code veritas db copy} on a realistic amount of data without auditing thousands of sites.
 */
public final class SampleHistory {
    private SampleHistory() {}

    /** What each audit gets. */
    public record Shape(int events, int findings, int screenshotEvery) {}

    /** Writes {@code audits} completed audits with a few threads (so the SQLite writer commits them in groups). */
    public static void write(AuditStore store, int audits, Shape shape, IntConsumer progress) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int n = 0; n < audits; n++) {
                int i = n;
                futures.add(pool.submit(() -> {
                    one(store, i, shape);
                    int d = done.incrementAndGet();
                    if (d % 1000 == 0) {
                        progress.accept(d);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.MINUTES);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing sample audits", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write sample audits: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void one(AuditStore store, int n, Shape shape) {
        Claim a = store.createRunning(NewAudit.of("https://sample" + n + ".example/shop", Tier.STANDARD_AUDIT), WorkerId.current().named("sample"),
                Duration.ofMinutes(5));
        List<NewEvent> events = new ArrayList<>(shape.events());
        for (int e = 0; e < shape.events(); e++) {
            events.add(new NewEvent("log_entry", Json.object().put("phase", "capture").put("message", "Captured https://sample" + n
                    + ".example/page/" + e + " — 1,234 elements").put("pct", e * 100 / Math.max(1, shape.events()))));
        }
        if (!events.isEmpty()) {
            store.appendEvents(a.lease(), events);
        }
        if (shape.screenshotEvery() > 0 && n % shape.screenshotEvery() == 0) {
            byte[] image = new byte[2_000 + n % 5_000];
            new Random(n).nextBytes(image);
            store.addScreenshot(a.lease(), new NewScreenshot(0, "viewport at load", Optional.of("https://sample" + n + ".example/shop"),
                    "image/png", 1280, 800, image));
        }
        store.complete(a.lease(), result(n, shape.findings()));
    }

    private static AuditResult result(int n, int count) {
        List<Finding> findings = new ArrayList<>(count);
        Severity[] sev = Severity.values();
        for (int i = 0; i < count; i++) {
            findings.add(new Finding("dp.text.low_stock", "scarcity", "low_stock_message", sev[i % 4], 0.87, "Low-stock message",
                    "The page claims stock is about to run out.", "The shop says only a few items are left to hurry you.",
                    Optional.of("https://sample" + n + ".example/product/" + i),
                    Evidence.of("Only " + (i + 2) + " left in stock", "div.stock > span", Map.of("count", i + 2)), OptionalInt.of(0)));
        }
        int score = 40 + n % 60;
        return new AuditResult(score, RiskLevel.forScore(score),
                Map.of("security", new Signal(0.8, 0.9, 0.25), "dark_patterns", new Signal(0.4, 0.85, 0.3)),
                List.of(), "The site uses pressure tactics but shows no sign of phishing.",
                List.of(new Recommendation(Severity.MEDIUM, "Ignore the low-stock claims.", List.of("dp.text.low_stock"))),
                "ecommerce", 0.8, Json.object().put("grade", "B"), 3, 1, 9_000, List.of(), findings);
    }
}
