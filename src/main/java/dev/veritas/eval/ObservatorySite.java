package dev.veritas.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One site described the way the Observatory sees it: the redirect chain from the first request to the final
 * page, the final page's headers (in order, repeats allowed) and body, and the answer to a request carrying
 * an {@code Origin} header. This is the JSON-lines shape the Observatory comparison tools exchange:
 * {@code {"id", "host", "chain": [[url, status], …], "headers": [[name, value], …], "body", "cors": [[name,
 * value], …] | null}}.
 *
 * <p>{@link #toHar()} turns the site into the HAR 1.2 capture a browser would have saved for it, so that a
 * site is graded through exactly the code path of {@code veritas audit --har}.
 */
public record ObservatorySite(String id, String host, List<Hop> chain, List<Header> headers, String body,
                              Optional<List<Header>> cors) {
    /** The Origin the Observatory sends with its CORS request. */
    public static final String CORS_ORIGIN = "https://http-observatory.security.mozilla.org";

    public record Hop(String url, int status) {
        public Hop {
            Objects.requireNonNull(url, "url");
        }
    }

    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public ObservatorySite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(cors, "cors");
        chain = List.copyOf(chain);
        headers = List.copyOf(headers);
        cors = cors.map(List::copyOf);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("site " + id + " has an empty chain; give at least the final page's [url, status]");
        }
    }

    /** Reads one line of a sites file; the message of the exception says which field is wrong. */
    public static ObservatorySite fromJson(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a site is a JSON object with id, host, chain, headers, body and cors");
        }
        String id = node.path("id").asText("");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a site needs a non-empty \"id\"");
        }
        String host = text(node, "host", id);
        List<Hop> chain = new ArrayList<>();
        JsonNode hops = node.path("chain");
        if (!hops.isArray() || hops.isEmpty()) {
            throw new IllegalArgumentException("site " + id + ": \"chain\" must be a non-empty list of [url, status]");
        }
        for (JsonNode hop : hops) {
            if (!hop.isArray() || hop.size() != 2 || !hop.get(0).isTextual() || !hop.get(1).canConvertToInt()) {
                throw new IllegalArgumentException("site " + id + ": every hop of \"chain\" is [url, status], got " + hop);
            }
            chain.add(new Hop(hop.get(0).asText(), hop.get(1).asInt()));
        }
        String body = node.path("body").isTextual() ? node.path("body").asText() : "";
        JsonNode cors = node.path("cors");
        Optional<List<Header>> corsHeaders = cors.isArray() ? Optional.of(headers(cors, id, "cors")) : Optional.empty();
        return new ObservatorySite(id, host, chain, headers(node.path("headers"), id, "headers"), body, corsHeaders);
    }

    private static String text(JsonNode node, String field, String id) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("site " + id + ": \"" + field + "\" must be a non-empty string");
        }
        return value.asText();
    }

    private static List<Header> headers(JsonNode array, String id, String field) {
        List<Header> out = new ArrayList<>();
        if (array.isMissingNode() || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("site " + id + ": \"" + field + "\" must be a list of [name, value]");
        }
        for (JsonNode pair : array) {
            if (!pair.isArray() || pair.size() != 2) {
                throw new IllegalArgumentException("site " + id + ": every entry of \"" + field + "\" is [name, value], got " + pair);
            }
            out.add(new Header(pair.get(0).asText(), pair.get(1).asText()));
        }
        return out;
    }

    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("id", id).put("host", host);
        ArrayNode c = o.putArray("chain");
        chain.forEach(h -> c.addArray().add(h.url()).add(h.status()));
        o.set("headers", pairs(headers));
        o.put("body", body);
        if (cors.isPresent()) {
            o.set("cors", pairs(cors.get()));
        } else {
            o.putNull("cors");
        }
        return o;
    }

    private static ArrayNode pairs(List<Header> headers) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        headers.forEach(h -> a.addArray().add(h.name()).add(h.value()));
        return a;
    }

    /**
     * The HAR a browser saves for this site: one entry per hop (each redirect carrying its {@code Location}),
     * the final page with its headers and content, and, when the site answered one, the request carrying the
     * Observatory's {@code Origin} with its answer.
     */
    public ObjectNode toHar() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode har = f.objectNode();
        ObjectNode log = har.putObject("log");
        log.put("version", "1.2");
        log.putObject("creator").put("name", "veritas observatory sites").put("version", "1");
        ArrayNode entries = log.putArray("entries");
        for (int i = 0; i < chain.size(); i++) {
            Hop hop = chain.get(i);
            boolean last = i == chain.size() - 1;
            ObjectNode entry = entry(entries, hop.url(), "GET", List.of());
            ObjectNode response = entry.putObject("response");
            response.put("status", hop.status());
            if (last) {
                response.set("headers", harHeaders(headers));
                ObjectNode content = response.putObject("content");
                content.put("size", body.length());
                contentType().ifPresent(type -> content.put("mimeType", type));
                content.put("text", body);
                response.put("redirectURL", "");
            } else {
                String next = chain.get(i + 1).url();
                response.set("headers", harHeaders(List.of(new Header("Location", next))));
                response.putObject("content").put("size", 0).put("text", "");
                response.put("redirectURL", next);
            }
        }
        cors.ifPresent(answer -> {
            ObjectNode entry = entry(entries, chain.get(chain.size() - 1).url(), "OPTIONS", List.of(new Header("Origin", CORS_ORIGIN)));
            ObjectNode response = entry.putObject("response");
            response.put("status", 200);
            response.set("headers", harHeaders(answer));
            response.putObject("content").put("size", 0).put("text", "");
            response.put("redirectURL", "");
        });
        return har;
    }

    private Optional<String> contentType() {
        return headers.stream().filter(h -> h.name().toLowerCase(Locale.ROOT).equals("content-type")).map(Header::value).findFirst();
    }

    private static ObjectNode entry(ArrayNode entries, String url, String method, List<Header> requestHeaders) {
        ObjectNode entry = entries.addObject();
        entry.put("startedDateTime", "2026-01-01T00:00:00.000Z");
        ObjectNode request = entry.putObject("request");
        request.put("method", method).put("url", url).put("httpVersion", "HTTP/1.1");
        request.set("headers", harHeaders(requestHeaders));
        return entry;
    }

    private static ArrayNode harHeaders(List<Header> headers) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        headers.forEach(h -> a.addObject().put("name", h.name()).put("value", h.value()));
        return a;
    }
}
