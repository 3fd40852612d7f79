package dev.veritas.testing.sites;

import com.sun.net.httpserver.HttpExchange;
import dev.veritas.eval.pages.ContentTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Serves a site's folder: a path names a file, a directory (its {@code index.html}) or, without extension, an
 * {@code .html} file ({@code /cart} is {@code cart.html}), so pages have the clean URLs real shops use and a crawler
 * meets no redirect on the way. Anything else, and configuration files, get a 404 page.
 */
final class StaticFiles {
    private final Path root;

    StaticFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if ("OPTIONS".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD, OPTIONS");
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD, OPTIONS");
            Responses.html(exchange, 405, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Method not allowed</title></head><body><p>This page cannot take a " + method
                    + " request.</p></body></html>\n");
            return;
        }
        Optional<Path> file = resolve(exchange.getRequestURI().getPath());
        if (file.isEmpty()) {
            Responses.notFound(exchange);
            return;
        }
        long size = Files.size(file.get());
        exchange.getResponseHeaders().set("Content-Type", ContentTypes.forFile(file.get().getFileName().toString()));
        if (Responses.isHead(exchange)) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
        try (InputStream in = Files.newInputStream(file.get()); OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
    }

    /** The file a request path names, if it is inside the site folder and meant to be served. */
    Optional<Path> resolve(String path) {
        if (path == null || !path.startsWith("/") || path.indexOf('\0') >= 0 || path.contains("\\")) {
            return Optional.empty();
        }
        Path candidate = root.resolve(path.substring(1)).normalize();
        if (!candidate.startsWith(root)) {
            return Optional.empty();
        }
        for (Path part : root.relativize(candidate)) {
            if (!part.toString().isEmpty() && SiteConfig.isHidden(part)) {
                return Optional.empty();
            }
        }
        if (Files.isDirectory(candidate)) {
            return regularFile(candidate.resolve("index.html"));
        }
        if (Files.isRegularFile(candidate)) {
            return Optional.of(candidate);
        }
        if (!path.endsWith("/") && !candidate.equals(root)) {
            return regularFile(candidate.resolveSibling(candidate.getFileName() + ".html"));
        }
        return Optional.empty();
    }

    private static Optional<Path> regularFile(Path path) {
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }
}
