package dev.veritas.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * One HTML page served at {@code /} on the loopback address over plain HTTP, every other path a 404 without a body:
 * for tests that need a page of their own in a browser or an audit, without a whole test site.
 */
public final class OnePageSite implements AutoCloseable {
    private final HttpServer server;

    private OnePageSite(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code html} (sent as {@code text/html; charset=utf-8}) until closed. */
    public static OnePageSite serve(byte[] html) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            s.createContext("/", ex -> {
                try (ex) {
                    if (!ex.getRequestURI().getPath().equals("/")) {
                        ex.sendResponseHeaders(404, -1);
                        return;
                    }
                    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    ex.sendResponseHeaders(200, html.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(html);
                    }
                }
            });
            s.start();
            return new OnePageSite(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
