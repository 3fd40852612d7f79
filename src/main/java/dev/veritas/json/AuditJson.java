package dev.veritas.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.AuditSummary;
import dev.veritas.audit.Finding;
import dev.veritas.audit.Screenshot;
import dev.veritas.audit.Signal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The public JSON shape of audits: what {@code GET /api/audits/{id}} answers and {@code veritas audit --json}
 * prints. One place, so the CLI and the API can never drift apart. Field names are snake_case.
 */
public final class AuditJson {
    private AuditJson() {}

    public static String apiPath(AuditId id) {
        return "/api/audits/" + id.value();
    }

    /** Where the API serves a stored screenshot's image. */
    public static String screenshotPath(AuditId id, int index) {
        return apiPath(id) + "/screenshots/" + index;
    }

    public static ObjectNode audit(Audit a) {
        ObjectNode n = Json.object();
        n.put("id", a.id().value());
        n.put("url", a.url());
        n.put("host", a.host());
        n.put("status", a.status().wire());
        n.put("tier", a.tier().wire());
        n.put("verdict_mode", a.verdictMode().wire());
        n.put("attempts", a.attempts());
        time(n, "created_at", Optional.of(a.createdAt()));
        time(n, "started_at", a.startedAt());
        time(n, "completed_at", a.completedAt());
        time(n, "updated_at", Optional.of(a.updatedAt()));
        Optional<AuditResult> r = a.result();
        if (r.isPresent()) {
            AuditResult res = r.get();
            n.put("trust_score", res.trustScore());
            n.put("risk_level", res.riskLevel().wire());
            n.set("signal_scores", signals(res.signals()));
            n.set("overrides", Json.tree(res.overrides()));
            n.put("narrative", res.narrative());
            n.set("recommendations", Json.tree(res.recommendations()));
            n.put("site_type", res.siteType());
            n.put("site_type_confidence", res.siteTypeConfidence());
            n.set("security_results", res.securityResults());
            n.put("pages_scanned", res.pagesScanned());
            n.put("elapsed_ms", res.elapsedMs());
            n.set("errors", Json.tree(res.errors()));
        } else {
            n.putNull("trust_score");
            n.putNull("risk_level");
            n.set("signal_scores", Json.object());
            n.set("overrides", Json.MAPPER.createArrayNode());
            n.putNull("narrative");
            n.set("recommendations", Json.MAPPER.createArrayNode());
            n.putNull("site_type");
            n.putNull("site_type_confidence");
            n.set("security_results", Json.object());
            n.put("pages_scanned", 0);
            n.putNull("elapsed_ms");
            n.set("errors", Json.MAPPER.createArrayNode());
        }
        n.put("screenshots_count", a.screenshots().size());
        n.put("findings_count", a.findings().size());
        if (a.errorMessage().isPresent()) {
            n.put("error_message", a.errorMessage().get());
        } else {
            n.putNull("error_message");
        }
        ArrayNode findings = n.putArray("findings");
        a.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode shots = n.putArray("screenshots");
        a.screenshots().forEach(s -> shots.add(screenshot(a.id(), s)));
        n.set("links", links(a.id()));
        return n;
    }

    public static ObjectNode summary(AuditSummary s) {
        ObjectNode n = Json.object();
        n.put("id", s.id().value());
        n.put("url", s.url());
        n.put("host", s.host());
        n.put("status", s.status().wire());
        n.put("tier", s.tier().wire());
        n.put("verdict_mode", s.verdictMode().wire());
        putOptional(n, "trust_score", s.trustScore());
        n.put("risk_level", s.riskLevel().map(r -> r.wire()).orElse(null));
        n.set("signal_scores", signals(s.signals()));
        n.put("site_type", s.siteType().orElse(null));
        putOptional(n, "site_type_confidence", s.siteTypeConfidence());
        n.put("pages_scanned", s.pagesScanned());
        n.put("screenshots_count", s.screenshotsCount());
        n.put("findings_count", s.findingsCount());
        putOptional(n, "elapsed_ms", s.elapsedMs());
        n.put("attempts", s.attempts());
        time(n, "created_at", Optional.of(s.createdAt()));
        time(n, "started_at", s.startedAt());
        time(n, "completed_at", s.completedAt());
        n.put("error_message", s.errorMessage().orElse(null));
        n.set("links", links(s.id()));
        return n;
    }

    public static ObjectNode finding(Finding f) {
        ObjectNode n = Json.object();
        n.put("check_id", f.checkId());
        n.put("category", f.category());
        n.put("pattern_type", f.patternType());
        n.put("severity", f.severity().wire());
        n.put("confidence", f.confidence());
        n.put("title", f.title());
        n.put("description", f.description());
        n.put("plain_english", f.plainEnglish());
        n.put("page_url", f.pageUrl().orElse(null));
        ObjectNode ev = n.putObject("evidence");
        ev.put("text", f.evidence().text().orElse(null));
        ev.put("selector", f.evidence().selector().orElse(null));
        ev.set("values", Json.tree(f.evidence().values()));
        if (f.screenshotIndex().isPresent()) {
            n.put("screenshot_index", f.screenshotIndex().getAsInt());
        } else {
            n.putNull("screenshot_index");
        }
        return n;
    }

    public static ObjectNode screenshot(AuditId id, Screenshot s) {
        ObjectNode n = Json.object();
        n.put("index", s.index());
        n.put("label", s.label());
        n.put("page_url", s.pageUrl().orElse(null));
        n.put("media_type", s.mediaType());
        n.put("width", s.width());
        n.put("height", s.height());
        n.put("size_bytes", s.sizeBytes());
        n.put("sha256", s.sha256());
        time(n, "created_at", Optional.of(s.createdAt()));
        n.put("url", screenshotPath(id, s.index()));
        return n;
    }

    public static ObjectNode event(AuditEvent e) {
        ObjectNode n = Json.object();
        n.put("id", e.id());
        n.put("audit_id", e.auditId().value());
        n.put("type", e.type());
        n.set("data", e.data());
        time(n, "created_at", Optional.of(e.createdAt()));
        return n;
    }

    private static ObjectNode signals(Map<String, Signal> signals) {
        ObjectNode n = Json.object();
        signals.forEach((name, s) -> n.putObject(name).put("score", s.score()).put("confidence", s.confidence()).put("weight", s.weight()));
        return n;
    }

    private static ObjectNode links(AuditId id) {
        ObjectNode links = Json.object();
        links.put("self", apiPath(id));
        links.put("events", apiPath(id) + "/events");
        links.put("report", "/audits/" + id.value());
        return links;
    }

    private static void time(ObjectNode n, String field, Optional<Instant> t) {
        if (t.isPresent()) {
            n.put(field, t.get().toString());
        } else {
            n.putNull(field);
        }
    }

    private static void putOptional(ObjectNode n, String field, Optional<? extends Number> v) {
        if (v.isEmpty()) {
            n.putNull(field);
        } else if (v.get() instanceof Integer i) {
            n.put(field, i);
        } else if (v.get() instanceof Long l) {
            n.put(field, l);
        } else {
            n.put(field, v.get().doubleValue());
        }
    }
}
