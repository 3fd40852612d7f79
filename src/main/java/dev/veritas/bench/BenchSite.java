package dev.veritas.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A site the audit benchmark serves on loopback, so that it measures Veritas and not the internet: the built-in
 * 5-page shop (a countdown script on its home page), the built-in news article ({@link NewsPage}) or a saved page
 * given as a file (its own sub-resources point elsewhere and are not served).
 */
final class BenchSite implements AutoCloseable {
    /** How long the news page's live-updates request is held open, as a real live blog's long poll is. */
    private static final long LIVE_HOLD_MS = 15_000;

    private final HttpServer server;
    private final ExecutorService threads;
    private final String name;

    private BenchSite(String name, Handler handler) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-site");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", ex -> {
            try (ex) {
                handler.handle(ex.getRequestURI().getPath(), ex);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    interface Handler {
        void handle(String path, HttpExchange ex) throws IOException, InterruptedException;
    }

    static BenchSite shop() throws IOException {
        return new BenchSite("built-in 5-page shop", (path, ex) -> {
            String file = path.equals("/") ? "index.html" : path.substring(1);
            byte[] body = null;
            if (file.matches("[a-z]+\\.(html|css|js)")) {
                try (InputStream in = BenchSite.class.getResourceAsStream("shop/" + file)) {
                    body = in == null ? null : in.readAllBytes();
                }
            }
            send(ex, body, file.endsWith(".css") ? "text/css" : file.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8");
        });
    }

    static BenchSite news() throws IOException {
        Map<String, String> fixed = Map.of("/", NewsPage.html(), "/news.css", NewsPage.css(), "/bundle.js", NewsPage.bundle(), "/more", NewsPage.more());
        return new BenchSite("built-in news article (" + fixed.get("/").length() / 1024 + " KB of markup)", (path, ex) -> {
            if (path.equals("/live")) {
                Thread.sleep(LIVE_HOLD_MS); // a long poll: the answer comes when there is news, here never during the audit
                send(ex, "[]".getBytes(StandardCharsets.UTF_8), "application/json");
            } else if (path.equals("/beacon")) {
                ex.sendResponseHeaders(204, -1);
            } else if (path.startsWith("/img/") && path.endsWith(".svg")) {
                send(ex, NewsPage.svg(path).getBytes(StandardCharsets.UTF_8), "image/svg+xml");
            } else {
                String body = fixed.get(path);
                send(ex, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                        path.endsWith(".css") ? "text/css" : path.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8");
            }
        });
    }

    static BenchSite file(Path page) throws IOException {
        if (!Files.isRegularFile(page)) {
            throw new IllegalArgumentException("--page " + page + " is not a file; give a saved HTML page");
        }
        byte[] body = Files.readAllBytes(page);
        return new BenchSite(page + " (" + body.length / 1024 + " KB)", (path, ex) -> send(ex, path.equals("/") ? body : null, "text/html; charset=utf-8"));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    String name() {
        return name;
    }

    private static void send(HttpExchange ex, byte[] body, String type) {
        try {
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
