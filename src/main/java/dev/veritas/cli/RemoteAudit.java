package dev.veritas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.config.Env;
import dev.veritas.json.AuditJson;
import dev.veritas.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * `veritas audit URL --server http://host:port`: submits the audit to a running server and follows its event
 * stream with the same progress bar; if the stream drops, reconnects with Last-Event-ID and loses nothing.
 */
final class RemoteAudit {
    private final URI server;
    private final Optional<String> token;
    private final PrintWriter err;
    private final boolean terminal;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    RemoteAudit(String server, String token, PrintWriter err, boolean terminal) {
        String s = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        try {
            this.server = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server must be a URL like http://127.0.0.1:8080 (got '" + server + "')");
        }
        if (this.server.getScheme() == null || this.server.getHost() == null) {
            throw new IllegalArgumentException("--server must be a URL like http://127.0.0.1:8080 (got '" + server + "')");
        }
        this.token = Optional.ofNullable(token).or(() -> Env.get("VERITAS_TOKEN"));
        this.err = err;
        this.terminal = terminal;
    }

    /** How long the look for a local server may take: a refused connection answers at once, a live server in milliseconds. */
    private static final Duration PROBE = Duration.ofMillis(800);

    /**
     * A Veritas server answering on this machine's loopback at $VERITAS_PORT (default 8080), if there is one: an audit
     * run there starts in a warm browser instead of launching the JVM's own. Only a server that says it is Veritas and
     * healthy counts; anything else (nothing listening, another program, a degraded server) means "run it here".
     */
    static Optional<String> localServer() {
        int port;
        try {
            port = Env.get("VERITAS_PORT").map(p -> Integer.parseInt(p.strip())).orElse(8080);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        String base = "http://127.0.0.1:" + port;
        HttpClient probe = HttpClient.newBuilder().connectTimeout(PROBE).build();
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + "/api/health")).timeout(PROBE).GET();
        Env.get("VERITAS_TOKEN").ifPresent(t -> r.header("Authorization", "Bearer " + t));
        try {
            HttpResponse<String> h = probe.send(r.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = h.statusCode() == 200 ? Json.parse(h.body()) : Json.object();
            return body.path("service").asText("").equals("veritas-api") && body.path("status").asText("").equals("ok")
                    ? Optional.of(base) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    int run(String url, Tier tier, VerdictMode mode, boolean json, PrintWriter out) throws IOException, InterruptedException {
        HttpResponse<String> submitted = send(request("/api/audits").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(new AuditJson.Request(url, tier, mode)))).build());
        if (submitted.statusCode() != 202) {
            throw new IllegalArgumentException("the server refused the audit: " + problem(submitted));
        }
        String id = Json.parse(submitted.body()).path("id").asText();
        err.println("submitted " + id + " to " + server);
        ProgressView view = new ProgressView(err, terminal);
        follow(id, view);
        view.finish();
        HttpResponse<String> done = send(request("/api/audits/" + id).GET().build());
        if (done.statusCode() != 200) {
            throw new IllegalStateException("could not fetch the finished audit: " + problem(done));
        }
        JsonNode audit = Json.parse(done.body());
        if (json) {
            out.println(Json.pretty(audit));
        } else {
            new AuditReportText(out).summary(audit);
        }
        out.flush();
        String status = audit.path("status").asText();
        if (status.equals("failed")) {
            err.println("veritas: the audit failed: " + audit.path("error_message").asText());
        }
        return status.equals("completed") ? 0 : 1;
    }

    /** Follows the SSE stream until its terminal event, reconnecting from the last id seen if it drops. */
    private void follow(String id, ProgressView view) throws InterruptedException {
        long lastId = 0;
        int failures = 0;
        while (true) {
            HttpRequest.Builder req = request("/api/audits/" + id + "/events").header("Accept", "text/event-stream").GET();
            if (lastId > 0) {
                req.header("Last-Event-ID", Long.toString(lastId));
            }
            try {
                HttpResponse<InputStream> r = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("the event stream answered " + r.statusCode());
                }
                try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    String line;
                    String event = "message";
                    StringBuilder data = new StringBuilder();
                    long eventId = -1;
                    while ((line = in.readLine()) != null) {
                        if (line.isEmpty()) {
                            if (data.length() > 0) {
                                view.on(event, Json.parse(data.toString()));
                                if (eventId > 0) {
                                    lastId = eventId;
                                }
                                if (event.equals("audit_result") || event.equals("audit_error") || event.equals("audit_cancelled")) {
                                    return;
                                }
                            }
                            event = "message";
                            data.setLength(0);
                            eventId = -1;
                        } else if (line.startsWith("id:")) {
                            eventId = Long.parseLong(line.substring(3).strip());
                        } else if (line.startsWith("event:")) {
                            event = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).strip());
                        }
                    }
                }
                failures = 0;
            } catch (IOException e) {
                if (++failures > 10) {
                    throw new IllegalStateException("lost the connection to " + server + " (" + e.getMessage() + ")");
                }
                Thread.sleep(Math.min(5000, 250L * failures)); // back off before reconnecting
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofMinutes(30));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    private HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalArgumentException("no Veritas server answers at " + server + "; start one with `veritas serve`");
        }
    }

    private static String problem(HttpResponse<String> r) {
        try {
            JsonNode p = Json.parse(r.body());
            return r.statusCode() + " " + p.path("detail").asText(p.path("title").asText(r.body()));
        } catch (RuntimeException e) {
            return r.statusCode() + " " + r.body();
        }
    }
}
