package dev.veritas.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditComparer;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.AuditSummary;
import dev.veritas.audit.Comparison;
import dev.veritas.audit.Finding;
import dev.veritas.audit.Signal;
import dev.veritas.json.AuditJson;
import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import dev.veritas.store.HistoryPage;
import dev.veritas.store.HistoryQuery;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.veritas.audit.RiskLevel;
import dev.veritas.store.EventStreams;
/**
 * The original system's API paths and field names, kept so its Next.js UI and scripts keep working:
 * POST /api/audit/start, GET /api/audit/{id}/status, GET /api/audits/history, POST /api/audits/compare and the
 * WebSocket /api/audit/stream/{id}. Unlike the original, audits run in the server whether or not anyone watches.
 */
final class LegacyApi {
    private final AuditStore store;
    private final AuditsApi api;
    private final EventStreams streams;

    LegacyApi(AuditStore store, AuditsApi api, EventStreams streams) {
        this.store = store;
        this.api = api;
        this.streams = streams;
    }

    void start(Context ctx) {
        ObjectNode body = Requests.jsonBody(ctx);
        if (Requests.text(body, "url").isEmpty()) {
            throw new Problem(422, "Unprocessable entity", "url is required");
        }
        Audit a = api.queue(body);
        AuditsApi.json(ctx, Json.object().put("audit_id", a.id().value()).put("status", "queued")
                .put("ws_url", "/api/audit/stream/" + a.id().value()));
    }

    void status(Context ctx) {
        String raw = ctx.pathParam("id");
        Optional<Audit> a = AuditId.isValid(raw) ? store.find(new AuditId(raw)) : Optional.empty();
        if (a.isEmpty()) {
            throw Problem.notFound("Audit not found");
        }
        Audit audit = a.get();
        ObjectNode out = Json.object();
        out.put("audit_id", audit.id().value());
        out.put("status", legacyStatus(audit.status()));
        out.put("url", audit.url());
        out.set("result", audit.result().map(r -> (JsonNode) legacyResult(audit, r)).orElse(Json.MAPPER.nullNode()));
        out.put("error", audit.errorMessage().orElse(null));
        out.put("created_at", audit.createdAt().toString());
        out.put("started_at", audit.startedAt().map(Instant::toString).orElse(null));
        out.put("completed_at", audit.completedAt().map(Instant::toString).orElse(null));
        AuditsApi.json(ctx, out);
    }

    void history(Context ctx) {
        int limit = legacyInt(ctx, "limit", 20, 1, 100);
        int offset = legacyInt(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        HistoryQuery.Builder q = HistoryQuery.builder().limit(HistoryQuery.MAX_LIMIT);
        try {
            Optional.ofNullable(ctx.queryParam("status_filter")).filter(s -> !s.isBlank()).map(AuditStatus::parse).ifPresent(q::status);
        } catch (IllegalArgumentException ignored) {
            // the original ignored an unknown status filter; its clients rely on that
        }
        String risk = ctx.queryParam("risk_level_filter");
        if (risk != null && !risk.isBlank()) {
            try {
                q.riskLevel(RiskLevel.parse(risk));
            } catch (IllegalArgumentException e) {
                AuditsApi.json(ctx, legacyPage(List.of(), limit, offset));
                return;
            }
        }
        List<AuditSummary> rows = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int skipped = 0;
        do {
            HistoryPage page = store.history(q.cursor(cursor.orElse(null)).build());
            for (AuditSummary s : page.items()) {
                if (skipped < offset) {
                    skipped++;
                } else if (rows.size() < limit) {
                    rows.add(s);
                }
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent() && rows.size() < limit);
        AuditsApi.json(ctx, legacyPage(rows, limit, offset));
    }

    private static ObjectNode legacyPage(List<AuditSummary> rows, int limit, int offset) {
        ObjectNode out = Json.object();
        ArrayNode audits = out.putArray("audits");
        for (AuditSummary s : rows) {
            ObjectNode a = audits.addObject();
            a.put("audit_id", s.id().value());
            a.put("url", s.url());
            a.put("status", legacyStatus(s.status()));
            a.put("audit_tier", s.tier().wire());
            a.put("verdict_mode", s.verdictMode().wire());
            s.trustScore().ifPresentOrElse(v -> a.put("trust_score", v), () -> a.putNull("trust_score"));
            a.put("risk_level", s.riskLevel().map(r -> r.wire()).orElse(null));
            a.set("signal_scores", legacySignals(s.signals()));
            a.put("site_type", s.siteType().orElse(null));
            s.siteTypeConfidence().ifPresentOrElse(v -> a.put("site_type_confidence", v), () -> a.putNull("site_type_confidence"));
            a.put("pages_scanned", s.pagesScanned());
            a.put("screenshots_count", s.screenshotsCount());
            a.put("elapsed_seconds", s.elapsedMs().map(ms -> ms / 1000.0).orElse(0.0));
            a.put("created_at", s.createdAt().toString());
            a.put("started_at", s.startedAt().map(Instant::toString).orElse(null));
            a.put("completed_at", s.completedAt().map(Instant::toString).orElse(null));
        }
        out.put("count", rows.size());
        out.put("limit", limit);
        out.put("offset", offset);
        return out;
    }

    void compare(Context ctx) {
        ObjectNode body = Requests.jsonBody(ctx);
        JsonNode ids = body.get("audit_ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw Problem.badRequest("audit_ids list is required");
        }
        if (ids.size() < 2) {
            throw Problem.badRequest("At least 2 audit IDs required for comparison");
        }
        if (ids.size() > 20) {
            throw Problem.badRequest("compare takes at most 20 audits");
        }
        List<AuditId> known = new ArrayList<>();
        for (JsonNode n : ids) {
            if (!n.isTextual()) {
                throw Problem.badRequest("audit_ids must be strings");
            }
            // Unknown ids are skipped, as the old API did; the comparison itself is the store's, as for GET /api/audits/compare.
            if (AuditId.isValid(n.asText()) && store.status(new AuditId(n.asText())).isPresent()) {
                known.add(new AuditId(n.asText()));
            }
        }
        if (known.isEmpty()) {
            throw Problem.notFound("No valid audits found");
        }
        ObjectNode out = Json.object();
        if (known.stream().distinct().count() == 1) {
            out.putArray("audits").add(legacyCompared(AuditComparer.summaryOf(store.get(known.get(0)))));
            out.putArray("trust_score_deltas");
            out.putArray("risk_level_changes");
            AuditsApi.json(ctx, out);
            return;
        }
        Comparison c = store.compare(known);
        ArrayNode audits = out.putArray("audits");
        c.audits().forEach(a -> audits.add(legacyCompared(a)));
        ArrayNode deltas = out.putArray("trust_score_deltas");
        c.trustScoreDeltas().forEach(d -> {
            ObjectNode n = deltas.addObject().put("from_audit_id", d.fromAuditId().value()).put("to_audit_id", d.toAuditId().value());
            d.delta().ifPresentOrElse(x -> n.put("delta", x), () -> n.putNull("delta"));
            d.percentageChange().ifPresentOrElse(p -> n.put("percentage_change", p), () -> n.putNull("percentage_change"));
        });
        ArrayNode risks = out.putArray("risk_level_changes");
        c.riskLevelChanges().forEach(r -> risks.addObject().put("from_audit_id", r.fromAuditId().value())
                .put("to_audit_id", r.toAuditId().value()).put("from", r.from()).put("to", r.to()));
        out.set("signal_deltas", Json.tree(c.signalDeltas()));
        out.set("finding_changes", Json.tree(c.findingChanges()));
        AuditsApi.json(ctx, out);
    }

    private static ObjectNode legacyCompared(Comparison.Compared a) {
        ObjectNode n = Json.object();
        n.put("audit_id", a.auditId().value());
        n.put("url", a.url());
        n.put("status", legacyStatus(a.status()));
        a.trustScore().ifPresentOrElse(v -> n.put("trust_score", v), () -> n.putNull("trust_score"));
        n.put("risk_level", a.riskLevel().map(r -> r.wire()).orElse(null));
        n.put("site_type", a.siteType().orElse(null));
        n.put("created_at", a.createdAt().toString());
        n.put("completed_at", a.completedAt().map(Instant::toString).orElse(null));
        n.put("screenshots_count", a.screenshotsCount());
        n.set("findings_summary", Json.tree(a.findingsSummary()));
        return n;
    }

    /** WS /api/audit/stream/{id}: the same events as JSON messages with a {@code type} field. */
    void stream(WsConfig ws) {
        ws.onConnect(ctx -> {
            String raw = ctx.pathParam("id");
            Optional<AuditStatus> status = AuditId.isValid(raw) ? store.status(new AuditId(raw)) : Optional.empty();
            if (status.isEmpty()) {
                ctx.send(Json.write(Json.object().put("type", "audit_error").put("error", "Audit ID not found")));
                ctx.closeSession();
                return;
            }
            AuditId id = new AuditId(raw);
            streams.subscribe(id, 0, new WsSubscriber(ctx, id));
        });
    }

    private final class WsSubscriber implements EventStreams.Subscriber {
        private final WsContext ctx;
        private final AuditId id;

        WsSubscriber(WsContext ctx, AuditId id) {
            this.ctx = ctx;
            this.id = id;
        }

        @Override
        public boolean send(AuditEvent e) {
            if (!ctx.session.isOpen()) {
                return false;
            }
            if (e.type().equals("audit_result")) {
                Audit audit = store.get(id);
                ObjectNode msg = Json.object().put("type", "audit_result");
                msg.set("result", audit.result().map(r -> (JsonNode) legacyResult(audit, r)).orElse(Json.object()));
                ctx.send(Json.write(msg));
                ctx.send(Json.write(Json.object().put("type", "audit_complete").put("audit_id", id.value())
                        .put("elapsed", audit.result().map(r -> Math.round(r.elapsedMs() / 100.0) / 10.0).orElse(0.0))));
                return true;
            }
            ObjectNode msg = Json.object().put("type", e.type());
            ClientEvents.data(e).fields().forEachRemaining(f -> msg.set(f.getKey(), f.getValue()));
            if (e.type().equals("audit_error") || e.type().equals("audit_cancelled")) {
                msg.put("audit_id", id.value());
            }
            if (e.type().equals("screenshot") && !msg.has("data")) {
                msg.putNull("data");
            }
            if (e.type().equals("finding") && msg.get("finding") instanceof ObjectNode f) {
                // The old clients de-duplicate findings by this id, live and in the final result alike.
                ObjectNode withId = f.deepCopy();
                withId.put("id", legacyFindingId(f.path("pattern_type").asText(), f.path("confidence").asDouble()));
                msg.set("finding", withId);
            }
            ctx.send(Json.write(msg));
            return ctx.session.isOpen();
        }

        @Override
        public boolean heartbeat() {
            return ctx.session.isOpen();
        }

        @Override
        public void close() {
            ctx.closeSession();
        }
    }

    static String legacyStatus(AuditStatus s) {
        return s == AuditStatus.FAILED ? "error" : s.wire();
    }

    static ObjectNode legacyResult(Audit a, AuditResult r) {
        ObjectNode n = Json.object();
        n.put("url", a.url());
        n.put("status", "completed");
        n.put("audit_tier", a.tier().wire());
        n.put("trust_score", r.trustScore());
        n.put("risk_level", r.riskLevel().wire());
        n.set("signal_scores", legacySignals(r.signals()));
        n.set("overrides", Json.tree(r.overrides()));
        n.put("narrative", r.narrative());
        n.set("recommendations", Json.tree(r.recommendations().stream().map(x -> x.text()).toList()));
        n.put("site_type", r.siteType());
        n.put("site_type_confidence", r.siteTypeConfidence());
        n.set("security_results", r.securityResults());
        n.put("pages_scanned", r.pagesScanned());
        n.put("screenshots_count", r.screenshotsCount());
        n.put("elapsed_seconds", Math.round(r.elapsedMs() / 100.0) / 10.0);
        n.set("errors", Json.tree(r.errors()));
        n.put("verdict_mode", a.verdictMode().wire());
        ArrayNode findings = Json.MAPPER.createArrayNode();
        for (Finding f : r.findings()) {
            ObjectNode x = AuditJson.finding(f);
            x.put("id", legacyFindingId(f.patternType(), f.confidence()));
            findings.add(x);
        }
        n.set("findings", findings);
        n.putObject("dark_pattern_summary").set("findings", findings);
        return n;
    }

    /** The original system's finding id, which its clients use to de-duplicate. */
    static String legacyFindingId(String patternType, double confidence) {
        return patternType + ":" + confidence;
    }

    private static ObjectNode legacySignals(Map<String, Signal> signals) {
        ObjectNode n = Json.object();
        signals.forEach((k, v) -> n.put(k, Math.round(v.score() * 1000) / 10.0));
        return n;
    }

    private static int legacyInt(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new Problem(422, "Unprocessable entity", name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Problem(422, "Unprocessable entity", name + " must be a whole number");
        }
    }
}
