package dev.veritas.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.TargetUrl;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.capture.network.UrlGuard;
import dev.veritas.json.AuditJson;
import dev.veritas.json.Json;
import dev.veritas.report.Exports;
import dev.veritas.report.HtmlReport;
import dev.veritas.report.PdfPrinter;
import dev.veritas.store.AuditNotFoundException;
import dev.veritas.store.AuditStore;
import dev.veritas.store.HistoryPage;
import dev.veritas.store.HistoryQuery;
import dev.veritas.store.HistorySort;
import dev.veritas.store.ScreenshotContent;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import java.nio.charset.StandardCharsets;
import dev.veritas.store.EventStreams;
/** The REST API of audits: submit, read, history, compare, screenshots, delete, cancel, and the event stream. */
final class AuditsApi {
    private final AuditStore store;
    private final UrlGuard guard;
    private final WorkerPool workers;
    private final EventStreams streams;
    private final PdfPrinter printer;
    private final FinishedAuditCache finished = new FinishedAuditCache(64L * 1024 * 1024);

    AuditsApi(AuditStore store, UrlGuard guard, WorkerPool workers, EventStreams streams, PdfPrinter printer) {
        this.store = store;
        this.printer = printer;
        this.guard = guard;
        this.workers = workers;
        this.streams = streams;
    }

    /** Validates and queues an audit; shared with the legacy start endpoint. */
    Audit queue(ObjectNode body) {
        String rawUrl = Requests.text(body, "url").orElseThrow(() -> Problem.badRequest("url is required, e.g. {\"url\": \"https://example.com\"}"));
        TargetUrl url;
        Tier tier;
        VerdictMode mode;
        try {
            url = TargetUrl.parse(rawUrl);
            tier = Requests.text(body, "tier").map(Tier::parse).orElse(Tier.STANDARD_AUDIT);
            mode = Requests.text(body, "verdict_mode").map(VerdictMode::parse).orElse(VerdictMode.EXPERT);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
        if (guard.check(url.uri()) instanceof UrlGuard.Refused r) {
            throw Problem.badRequest(r.reason());
        }
        Audit audit = store.create(new NewAudit(url, tier, mode));
        workers.wake();
        return audit;
    }

    void submit(Context ctx) {
        Audit audit = queue(Requests.jsonBody(ctx));
        ctx.header("Location", AuditJson.apiPath(audit.id()));
        json(ctx.status(202), AuditJson.Submitted.of(audit));
    }

    void get(Context ctx) {
        AuditId id = Requests.auditId(ctx.pathParam("id"));
        AuditStatus status = store.status(id).orElseThrow(() -> {
            finished.evict(id);
            return new AuditNotFoundException(id);
        });
        Optional<byte[]> cached = status.isTerminal() ? finished.get(id) : Optional.empty();
        if (cached.isPresent()) {
            sendGzipped(ctx, cached.get());
            return;
        }
        Audit audit = store.get(id);
        byte[] body = Json.write(AuditJson.audit(audit)).getBytes(StandardCharsets.UTF_8);
        if (audit.status().isTerminal()) {
            sendGzipped(ctx, finished.put(id, body));
            return;
        }
        ctx.contentType("application/json").result(body);
    }

    /** Sends cached gzipped JSON as it is to clients that accept gzip, and unpacked to the others. */
    private static void sendGzipped(Context ctx, byte[] gz) {
        ctx.contentType("application/json");
        String accept = ctx.header("Accept-Encoding");
        if (accept != null && accept.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip");
            ctx.header("Vary", "Accept-Encoding");
            ctx.result(gz);
        } else {
            ctx.result(FinishedAuditCache.gunzip(gz));
        }
    }

    void history(Context ctx) {
        HistoryQuery query;
        try {
            query = HistoryQuery.builder()
                    .status(param(ctx, "status").map(AuditStatus::parse).orElse(null))
                    .riskLevel(param(ctx, "risk_level").map(RiskLevel::parse).orElse(null))
                    .host(param(ctx, "host").orElse(null))
                    .urlContains(param(ctx, "url").orElse(null))
                    .minScore(Requests.intParam(ctx, "min_score", 0, 100).orElse(null))
                    .maxScore(Requests.intParam(ctx, "max_score", 0, 100).orElse(null))
                    .createdFrom(param(ctx, "from").map(v -> time("from", v, false)).orElse(null))
                    .createdTo(param(ctx, "to").map(v -> time("to", v, true)).orElse(null))
                    .sort(param(ctx, "sort").map(HistorySort::parse).orElse(HistorySort.NEWEST))
                    .limit(Requests.intParam(ctx, "limit", 1, HistoryQuery.MAX_LIMIT).orElse(HistoryQuery.DEFAULT_LIMIT))
                    .cursor(param(ctx, "cursor").orElse(null))
                    .build();
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
        HistoryPage page;
        try {
            page = store.history(query);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
        json(ctx, AuditJson.history(page.items(), page.total(), page.nextCursor()));
    }

    void compare(Context ctx) {
        List<String> raw = new ArrayList<>();
        ctx.queryParams("ids").forEach(v -> raw.addAll(Arrays.asList(v.split(","))));
        List<AuditId> ids = raw.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Requests::auditId).distinct().toList();
        if (ids.size() < 2) {
            throw Problem.badRequest("give at least 2 audit ids, e.g. ?ids=vrts_…,vrts_…");
        }
        if (ids.size() > 20) {
            throw Problem.badRequest("compare takes at most 20 audits");
        }
        json(ctx, store.compare(ids));
    }

    void screenshot(Context ctx) {
        AuditId id = Requests.auditId(ctx.pathParam("id"));
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw Problem.notFound("screenshots are numbered 0, 1, 2, …");
        }
        ScreenshotContent shot = store.screenshot(id, index)
                .orElseThrow(() -> Problem.notFound("audit " + id + " has no screenshot " + index));
        String etag = "\"" + shot.screenshot().sha256() + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, max-age=31536000, immutable");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        try {
            InputStream in = shot.open();
            ctx.contentType(shot.screenshot().mediaType());
            ctx.header("Content-Length", Long.toString(shot.screenshot().sizeBytes()));
            ctx.result(in);
        } catch (IOException e) {
            throw Problem.notFound("the image of screenshot " + index + " is missing; run `veritas db check`");
        }
    }

    void export(Context ctx) {
        AuditId id = Requests.auditId(ctx.pathParam("id"));
        Exports.Format format;
        try {
            format = Exports.Format.parse(Optional.ofNullable(ctx.queryParam("format")).orElse("json"));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
        Audit audit = store.get(id);
        byte[] bytes;
        try {
            bytes = format == Exports.Format.PDF ? pdf(audit) : Exports.export(audit, store, format, printer.chromiumPath());
        } catch (IllegalStateException e) {
            throw new Problem(503, "Export unavailable", e.getMessage());
        }
        if (format == Exports.Format.HTML) {
            // The report shows text from audited pages: no script may run even if some escaped the escaping.
            ctx.header("Content-Security-Policy", HtmlReport.CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'");
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + Exports.fileName(audit, format) + "\"");
        ctx.contentType(format.mediaType());
        ctx.result(bytes);
    }

    /** A place in the PDF queue is taken before the report is rendered, so a full queue costs nothing but the refusal. */
    private byte[] pdf(Audit audit) {
        try (PdfPrinter.Ticket ticket = printer.reserve()) {
            return ticket.print(HtmlReport.render(audit, store));
        } catch (PdfPrinter.Busy e) {
            throw new Problem(503, "Export busy", e.getMessage(), e.retryAfterSeconds());
        }
    }

    void delete(Context ctx) {
        AuditId id = Requests.auditId(ctx.pathParam("id"));
        finished.evict(id);
        if (!store.delete(id)) {
            throw new AuditNotFoundException(id);
        }
        ctx.status(204);
    }

    void cancel(Context ctx) {
        AuditId id = Requests.auditId(ctx.pathParam("id"));
        store.cancel(id, "cancelled by a user");
        json(ctx, AuditJson.audit(store.get(id)));
    }

    /** Runs before the SSE handler starts the stream, so an unknown id or a bad cursor still gets a proper 4xx. */
    void checkEventsRequest(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new Problem(406, "Not acceptable", "this is a Server-Sent-Events stream: send Accept: text/event-stream "
                    + "(EventSource does; with curl add -H 'Accept: text/event-stream')");
        }
        AuditId id = Requests.auditId(ctx.pathParam("id"));
        AuditStatus status = store.status(id).orElseThrow(() -> new AuditNotFoundException(id));
        long after = cursor(ctx);
        // Status first, then events: a terminal status means its terminal event is already committed.
        if (status.isTerminal() && store.eventsAfter(id, after, 1).isEmpty()) {
            // Finished, and this client has all of it: a browser's EventSource reconnects with the final event's id.
            // A stream would stay open with nothing to say; 204 is the answer that makes EventSource stop reconnecting.
            ctx.status(204);
            ctx.skipRemainingHandlers();
        }
    }

    void events(SseClient client) {
        Context ctx = client.ctx();
        AuditId id = Requests.auditId(ctx.pathParam("id"));
        long after = cursor(ctx);
        client.keepAlive();
        streams.subscribe(id, after, new EventStreams.Subscriber() {
            @Override
            public boolean send(AuditEvent e) {
                if (client.terminated()) {
                    return false;
                }
                client.sendEvent(e.type(), Json.write(ClientEvents.data(e)), Long.toString(e.id()));
                return !client.terminated();
            }

            @Override
            public boolean heartbeat() {
                if (client.terminated()) {
                    return false;
                }
                client.sendComment("heartbeat");
                return !client.terminated();
            }

            @Override
            public void close() {
                client.close();
            }
        });
    }

    private static long cursor(Context ctx) {
        String last = ctx.header("Last-Event-ID");
        if (last != null && !last.isBlank()) {
            return Requests.nonNegativeLong("Last-Event-ID", last);
        }
        String after = ctx.queryParam("after");
        return after == null || after.isBlank() ? 0 : Requests.nonNegativeLong("after", after);
    }

    private static Optional<String> param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** The range of dates a history filter takes; beyond it an instant no longer fits the store's milliseconds. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static Instant time(String name, String v, boolean endOfDay) {
        Instant t;
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                t = endOfDay ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1) : d.atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                t = Instant.parse(v);
            }
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name + " must be a date (2026-11-27) or an instant (2026-11-27T10:00:00Z)");
        }
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw Problem.badRequest(name + " must be between 0001-01-01 and 9999-12-31 (got " + Requests.shorten(v) + ")");
        }
        return t;
    }

    /** Answers with a payload record (or a comparison) as written by the one mapper. */
    static void json(Context ctx, Object payload) {
        ctx.contentType("application/json");
        ctx.result(Json.write(payload));
    }
}
