package dev.veritas.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.AuditId;
import dev.veritas.json.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import java.util.Locale;
/** Reading requests strictly: bounded JSON bodies, typed fields, ids of the right shape. Each failure is a 4xx with a detail. */
final class Requests {
    private Requests() {}

    static ObjectNode jsonBody(Context ctx) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            // Requiring JSON also stops cross-site form posts: browsers cannot send it without a CORS preflight.
            throw new Problem(415, "Unsupported media type", "send the request body as JSON with Content-Type: application/json");
        }
        byte[] body = readBounded(ctx);
        JsonNode node;
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            // Trailing text is looked at below, so it gets its own message rather than a parser error about a stray token.
            node = Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(parser);
            if (node != null && !node.isMissingNode() && hasMore(parser)) {
                // readTree stops after the first value: without this, {"url": …} garbage would be accepted.
                throw Problem.badRequest("the request body must be exactly one JSON object, with nothing after it; "
                        + "e.g. {\"url\": \"https://example.com\"}");
            }
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Problem.badRequest("the request body could not be read");
        }
        if (node == null || !node.isObject()) {
            throw Problem.badRequest("the request body must be a JSON object, e.g. {\"url\": \"https://example.com\"}");
        }
        return (ObjectNode) node;
    }

    /** True when anything but whitespace follows the first value, even text that is not JSON at all. */
    private static boolean hasMore(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true;
        }
    }

    private static byte[] readBounded(Context ctx) {
        long declared = ctx.contentLength();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > ServerConfig.MAX_BODY_BYTES) {
                drainModestExcess(in, declared);
                throw Problem.tooLarge("request bodies are limited to 64 KiB (this one is " + declared + " bytes)");
            }
            byte[] bytes = in.readNBytes(ServerConfig.MAX_BODY_BYTES + 1);
            if (bytes.length > ServerConfig.MAX_BODY_BYTES) {
                drainModestExcess(in, Long.MAX_VALUE);
                throw Problem.tooLarge("request bodies are limited to 64 KiB");
            }
            return bytes;
        } catch (IOException e) {
            throw Problem.badRequest("the request body could not be read");
        }
    }

    /**
     * Reads and drops a body that is too large but not absurd, so the client, still sending it, reads our 413 on an open
     * connection: answering mid-upload makes the server close it, and many clients then see a reset instead of the answer.
     * Larger bodies are not worth reading; their senders get the close.
     */
    private static void drainModestExcess(InputStream in, long declared) throws IOException {
        if (declared <= DRAIN_LIMIT_BYTES) {
            long left = DRAIN_LIMIT_BYTES;
            byte[] sink = new byte[8192];
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        }
    }

    private static final long DRAIN_LIMIT_BYTES = 1 << 20;

    /** A string field; absent or null gives empty, any other type is a 400 naming the field. */
    static Optional<String> text(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw Problem.badRequest(field + " must be a string (got " + v.getNodeType().name().toLowerCase(Locale.ROOT) + ")");
        }
        return Optional.of(v.asText());
    }

    static AuditId auditId(String raw) {
        if (!AuditId.isValid(raw)) {
            throw Problem.notFound("no audit with id " + shorten(raw) + "; ids look like vrts_ and 16 hex digits");
        }
        return new AuditId(raw);
    }

    static Optional<Integer> intParam(Context ctx, String name, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw Problem.badRequest(name + " must be between " + min + " and " + max + " (got " + n + ")");
            }
            return Optional.of(n);
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name + " must be a whole number (got '" + shorten(v) + "')");
        }
    }

    static long nonNegativeLong(String name, String v) {
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) {
                throw Problem.badRequest(name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name + " must be an event id (a whole number), got '" + shorten(v) + "'");
        }
    }

    static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }
}
