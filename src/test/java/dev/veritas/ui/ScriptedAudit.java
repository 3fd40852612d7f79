package dev.veritas.ui;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.Evidence;
import dev.veritas.audit.Finding;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Severity;
import dev.veritas.audit.TargetUrl;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.json.EventPayload;
import dev.veritas.json.EventPayload.CaptureStart;
import dev.veritas.json.EventPayload.Claimed;
import dev.veritas.json.EventPayload.FindingFound;
import dev.veritas.json.EventPayload.Interrupted;
import dev.veritas.json.EventPayload.LogEntry;
import dev.veritas.json.EventPayload.LogLevel;
import dev.veritas.json.EventPayload.PageCaptured;
import dev.veritas.json.EventPayload.PhaseComplete;
import dev.veritas.json.EventPayload.PhaseStart;
import dev.veritas.json.EventPayload.PhaseSummary;
import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import dev.veritas.store.Claim;
import dev.veritas.store.Lease;
import dev.veritas.store.WorkerId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An audit whose events the test writes itself, one step at a time, with the payloads the engine and the store write
 * ({@link EventPayload}): the UI's live view can then be checked at each moment of an
 * audit, deterministically, including moments a real audit passes too quickly to see or that need a killed server.
 * The audit is created {@code running} for a worker of this test, so the server's own workers never claim it.
 */
final class ScriptedAudit {
    private static final WorkerId WORKER = WorkerId.current().named("ui-test-script");

    final AuditStore store;
    final AuditId id;
    final Lease lease;
    final String url;
    final Tier tier;
    private int pagesCaptured;

    private ScriptedAudit(AuditStore store, Claim claim) {
        Audit audit = claim.audit();
        this.store = store;
        this.lease = claim.lease();
        this.id = audit.id();
        this.url = audit.url();
        this.tier = audit.tier();
    }

    /** A new running audit; its stream starts with the status event the store writes ({status: running, url, tier}). */
    static ScriptedAudit start(AuditStore store, String url, Tier tier) {
        return new ScriptedAudit(store, store.createRunning(new NewAudit(TargetUrl.parse(url), tier, VerdictMode.EXPERT), WORKER,
                Duration.ofMinutes(30)));
    }

    /** A completed audit with this score, pages and findings. */
    static ScriptedAudit completed(AuditStore store, String url, Tier tier, int score, int pages, List<Finding> findings) {
        ScriptedAudit a = start(store, url, tier);
        a.complete(score, pages, findings);
        return a;
    }

    /** A failed audit. */
    static ScriptedAudit failed(AuditStore store, String url, Tier tier, String message) {
        ScriptedAudit a = start(store, url, tier);
        a.fail(message);
        return a;
    }

    String idText() {
        return id.value();
    }

    private ScriptedAudit emit(EventPayload payload) {
        store.appendEvent(lease, payload.type().wire(), Json.tree(payload));
        return this;
    }

    ScriptedAudit phaseStart(String phase, String label, String message, int pct, int endPct) {
        emit(new PhaseStart(phase, label, message, pct, endPct));
        return log(message);
    }

    ScriptedAudit phaseComplete(String phase, String label, String message, int pct, PhaseSummary summary) {
        return emit(new PhaseComplete(phase, label, message, pct, summary));
    }

    /** The engine's first two phases: "init" at 0%, then "capture" from 5% to 60% with the tier's page budget. */
    ScriptedAudit startCapture() {
        phaseStart("init", "Initialization", "Starting a " + tier.wire().replace('_', ' ') + " of " + url, 0, 5);
        pagesCaptured = 0;
        String message = tier.maxPages() == 1 ? "Visiting the page" : "Visiting up to " + tier.maxPages() + " pages";
        emit(new CaptureStart("capture", "Capturing pages", message, 5, 60, tier.maxPages()));
        return log(message);
    }

    /** A page captured, with the percentage the engine gives it: its share of the capture phase's 5% to 60%. */
    ScriptedAudit pageCaptured(int index, String path, String title) {
        String pageUrl = url.replaceAll("/$", "") + path;
        pagesCaptured++;
        int pct = (int) Math.round(5 + 55.0 * Math.min(pagesCaptured, tier.maxPages()) / tier.maxPages());
        emit(new PageCaptured(index, pageUrl, pageUrl, 200, title, "chromium", 0, tier.maxPages(), pct));
        return log("Captured " + pageUrl + " (200)");
    }

    ScriptedAudit finding(Finding f) {
        return emit(new FindingFound(f));
    }

    ScriptedAudit log(String message) {
        return emit(new LogEntry("12:00:00", "Script", message, LogLevel.INFO));
    }

    /** What the store writes when a killed server's audit is found and queued again (recoverInterrupted). */
    ScriptedAudit interrupted(int attempts) {
        return emit(new Interrupted(attempts));
    }

    /** What the store writes when a worker claims the queued audit again (claimNext). */
    ScriptedAudit claimed(int attempt) {
        return emit(new Claimed("worker-0", attempt));
    }

    void complete(int score, int pages, List<Finding> findings) {
        store.complete(lease, new AuditResult(score, RiskLevel.forScore(score), Map.of(), List.of(), "A scripted audit scored " + score + ".",
                List.of(), "ecommerce", 0.5, Json.object(), pages, 0, 1234, List.of(), findings));
    }

    void fail(String message) {
        store.fail(lease, message);
    }

    /** A finding on the page at path of this audit's site. */
    Finding finding(String patternType, Severity severity, String title, String path) {
        return finding(url, patternType, severity, title, path);
    }

    static Finding finding(String siteUrl, String patternType, Severity severity, String title, String path) {
        return new Finding("dp.text", "dark_patterns", patternType, severity, 0.9, title, title + ": seen on the page.",
                "The page says: " + title + ".", Optional.of(siteUrl.replaceAll("/$", "") + path), Evidence.text(title), OptionalInt.empty());
    }
}
