package dev.veritas.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import java.net.http.HttpHeaders;
/** Real HTTP calls to a running Veritas server, for tests. */
final class ApiClient {
    final URI base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Optional<String> token;

    ApiClient(int port) {
        this(port, Optional.empty());
    }

    ApiClient(int port, Optional<String> token) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.token = token;
    }

    record Response(int status, String contentType, String body, HttpHeaders headers) {
        JsonNode json() {
            return Json.parse(body);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    Response send(HttpRequest r) {
        try {
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
            return new Response(res.statusCode(), res.headers().firstValue("content-type").orElse(""), res.body(), res.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    String submit(String url, String tier) {
        Response r = post("/api/audits", "{\"url\":\"" + url + "\",\"tier\":\"" + tier + "\"}");
        if (r.status() != 202) {
            throw new IllegalStateException("submit failed: " + r.status() + " " + r.body());
        }
        return r.json().path("id").asText();
    }

    /** One Server-Sent Event. */
    record SseEvent(long id, String type, String data) {}

    /**
     * Reads an audit's event stream from {@code lastEventId} until the terminal event, or until {@code max} events
     * when max > 0 (then the connection is dropped, as a client that goes away).
     */
    List<SseEvent> events(String auditId, long lastEventId, int max) {
        return events(auditId, lastEventId, max, null);
    }

    /** As above, and also stops after the first event of type {@code stopAt} (when not null). */
    List<SseEvent> events(String auditId, long lastEventId, int max, String stopAt) {
        return readEvents(eventsRequest(auditId, lastEventId, false), max, stopAt);
    }

    /** Reads from the start to the terminal event on one connection, handing each event to {@code onEach} as it arrives. */
    List<SseEvent> follow(String auditId, Consumer<SseEvent> onEach) {
        return readEvents(eventsRequest(auditId, 0, false), 0, null, onEach);
    }

    /** Reads to the terminal event, resuming with {@code ?after=} (as a client that cannot send Last-Event-ID). */
    List<SseEvent> eventsAfterQuery(String auditId, long after) {
        return readEvents(eventsRequest(auditId, after, true), 0, null);
    }

    /** Only the status of an events request resuming after {@code after}, by header or by query; the body is not read. */
    int eventsStatus(String auditId, long after, boolean asQuery) {
        try {
            HttpResponse<InputStream> res = http.send(eventsRequest(auditId, after, asQuery).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            res.body().close();
            return res.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder eventsRequest(String auditId, long after, boolean asQuery) {
        String path = "/api/audits/" + auditId + "/events" + (asQuery ? "?after=" + after : "");
        HttpRequest.Builder b = request(path).header("Accept", "text/event-stream").timeout(Duration.ofMinutes(2));
        if (after > 0 && !asQuery) {
            b.header("Last-Event-ID", Long.toString(after));
        }
        return b;
    }

    private List<SseEvent> readEvents(HttpRequest.Builder b, int max, String stopAt) {
        return readEvents(b, max, stopAt, e -> { });
    }

    private List<SseEvent> readEvents(HttpRequest.Builder b, int max, String stopAt, Consumer<SseEvent> onEach) {
        List<SseEvent> out = new ArrayList<>();
        try {
            HttpResponse<InputStream> res = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (res.statusCode() != 200) {
                throw new IllegalStateException("events answered " + res.statusCode());
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
                long id = -1;
                String type = "message";
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            SseEvent event = new SseEvent(id, type, data.toString());
                            out.add(event);
                            onEach.accept(event);
                            if (type.equals("audit_result") || type.equals("audit_error") || type.equals("audit_cancelled")
                                    || (max > 0 && out.size() >= max) || type.equals(stopAt)) {
                                return out;
                            }
                        }
                        id = -1;
                        type = "message";
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = Long.parseLong(line.substring(3).strip());
                    } else if (line.startsWith("event:")) {
                        type = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Follows the stream to the end and returns the audit as the API shows it then. */
    JsonNode awaitEnd(String auditId) {
        events(auditId, 0, 0);
        return get("/api/audits/" + auditId).json();
    }
}
