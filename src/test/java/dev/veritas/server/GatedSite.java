package dev.veritas.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A plain-HTTP site on loopback whose gated pages wait until the test opens their gate, so an audit can be held in
 * the middle of its capture, and then answer either with a page or with something no audit can use.
 */
final class GatedSite implements AutoCloseable {
    private static final String PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Gated</title></head>"
            + "<body><h1>A small honest page</h1><p>Nothing to see.</p></body></html>";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    private static final class Gate {
        final CountDownLatch arrived = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        volatile boolean usable = true;
    }

    private GatedSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    /** A site whose {@code gatedPaths} hold every request until {@link #open}. */
    static GatedSite start(String... gatedPaths) throws IOException {
        GatedSite s = new GatedSite();
        for (String p : gatedPaths) {
            s.gates.put(p, new Gate());
        }
        return s;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Waits until a request for {@code path} is being held. */
    void awaitRequest(String path) throws InterruptedException {
        if (!gates.get(path).arrived.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("nothing asked for " + path + " within 60 s");
        }
    }

    /** Lets held and later requests for {@code path} through: as the page, or as binary content no audit can use. */
    void open(String path, boolean usable) {
        Gate g = gates.get(path);
        g.usable = usable;
        g.open.countDown();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Gate g = gates.get(exchange.getRequestURI().getPath());
            boolean usable = true;
            if (g != null) {
                g.arrived.countDown();
                try {
                    g.open.await();
                } catch (InterruptedException e) {
                    return;
                }
                usable = g.usable;
            }
            byte[] body = usable ? PAGE.getBytes(StandardCharsets.UTF_8) : new byte[] {0, 1, 2, 3};
            exchange.getResponseHeaders().set("Content-Type", usable ? "text/html; charset=utf-8" : "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        gates.values().forEach(g -> g.open.countDown());
        server.stop(0);
        threads.shutdownNow();
    }
}
