package dev.veritas.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditComparer;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.AuditSummary;
import dev.veritas.audit.RiskLevel;
import dev.veritas.json.Json;
import dev.veritas.store.AuditStore;
import dev.veritas.store.EventStreams;
import dev.veritas.store.HistoryPage;
import dev.veritas.store.HistoryQuery;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        AuditsApi.json(ctx, LegacyJson.Started.of(api.queue(body).id()));
    }

    void status(Context ctx) {
        String raw = ctx.pathParam("id");
        Optional<Audit> a = AuditId.isValid(raw) ? store.find(new AuditId(raw)) : Optional.empty();
        if (a.isEmpty()) {
            throw Problem.notFound("Audit not found");
        }
        AuditsApi.json(ctx, LegacyJson.Status.of(a.get()));
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
                AuditsApi.json(ctx, LegacyJson.History.of(List.of(), limit, offset));
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
        AuditsApi.json(ctx, LegacyJson.History.of(rows, limit, offset));
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
        if (known.stream().distinct().count() == 1) {
            AuditsApi.json(ctx, LegacyJson.Compare.single(AuditComparer.summaryOf(store.get(known.get(0)))));
            return;
        }
        AuditsApi.json(ctx, LegacyJson.Compare.of(store.compare(known)));
    }

    /** WS /api/audit/stream/{id}: the same events as JSON messages with a {@code type} field. */
    void stream(WsConfig ws) {
        ws.onConnect(ctx -> {
            String raw = ctx.pathParam("id");
            Optional<AuditStatus> status = AuditId.isValid(raw) ? store.status(new AuditId(raw)) : Optional.empty();
            if (status.isEmpty()) {
                ctx.send(Json.write(LegacyJson.StreamRefused.notFound()));
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
                // audit_result is written in the transaction that stores the result, so the result is there to send.
                audit.result().ifPresent(r -> ctx.send(Json.write(LegacyJson.ResultMessage.of(audit, r))));
                ctx.send(Json.write(LegacyJson.Completed.of(id, audit.result())));
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
                withId.put("id", LegacyJson.findingId(f.path("pattern_type").asText(), f.path("confidence").asDouble()));
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
