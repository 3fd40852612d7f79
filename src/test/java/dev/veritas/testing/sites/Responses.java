package dev.veritas.testing.sites;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers for answering an exchange; HEAD requests get the headers and no body. */
final class Responses {
    private Responses() {}

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (isHead(exchange)) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        // A zero length means "chunked" to HttpServer; -1 means "no body".
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void html(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        html(exchange, status, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Moved</title>"
                + "</head><body><p>Moved to <a href=\"" + location + "\">" + location + "</a>.</p></body></html>\n");
    }

    static void notFound(HttpExchange exchange) throws IOException {
        html(exchange, 404, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Page not found"
                + "</title></head><body><h1>Page not found</h1><p><a href=\"/\">Back to the home page</a></p>"
                + "</body></html>\n");
    }

    static boolean isHead(HttpExchange exchange) {
        return "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
    }
}
