package dev.veritas.eval.pages;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.veritas.capture.network.Network;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the played sites on loopback, HTTPS and plain HTTP, each on a port of its own, and says — as a
 * {@link Network} for this run's engine only — that their host names resolve here and that ports 443 and 80 are
 * those two ports. Every other name resolves nowhere, and a connection to any other port meets a listener that
 * hangs up at once, as a closed port would: nothing the pages load reaches the internet or another service of
 * this machine.
 */
final class CorpusServer implements AutoCloseable {
    private final PlayedSites sites;
    private final InetAddress address;
    private final HttpsServer https;
    private final HttpServer http;
    private final ServerSocket closedPort;
    private final ExecutorService threads;

    private CorpusServer(PlayedSites sites, RunCertificates certificates) throws IOException {
        this.sites = sites;
        this.address = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "eval-pages-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.https = HttpsServer.create(new InetSocketAddress(address, 0), 128);
        this.https.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()));
        this.http = HttpServer.create(new InetSocketAddress(address, 0), 128);
        for (HttpServer s : new HttpServer[] {https, http}) {
            boolean secure = s == https;
            s.createContext("/", ex -> handle(ex, secure));
            s.setExecutor(threads);
            s.start();
        }
        this.closedPort = new ServerSocket(0, 16, address);
        Thread hangUp = new Thread(this::hangUpLoop, "eval-pages-closed-port");
        hangUp.setDaemon(true);
        hangUp.start();
    }

    static CorpusServer start(PlayedSites sites, RunCertificates certificates) {
        try {
            return new CorpusServer(sites, certificates);
        } catch (IOException e) {
            throw new IllegalStateException("could not serve the pages on loopback: " + e.getMessage(), e);
        }
    }

    int httpsPort() {
        return https.getAddress().getPort();
    }

    int httpPort() {
        return http.getAddress().getPort();
    }

    /** The played names resolve to this server, ports 443 and 80 are its two ports; nothing else is reachable. */
    Network network() {
        InetAddress[] here = {address};
        int https443 = httpsPort();
        int http80 = httpPort();
        int closed = closedPort.getLocalPort();
        return new Network(
                host -> {
                    if (sites.hosts().contains(host)) {
                        return here.clone();
                    }
                    throw new UnknownHostException(host + " is not one of the pages played in this run");
                },
                (a, port) -> !a.equals(address) ? closed : port == 443 ? https443 : port == 80 ? http80 : closed,
                false);
    }

    private void handle(HttpExchange ex, boolean secure) throws IOException {
        try (ex; InputStream body = ex.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
            PlayedSites.Response r = sites.respond(ex.getRequestHeaders().getFirst("Host"), secure, ex.getRequestMethod(), ex.getRequestURI());
            for (Map.Entry<String, String> h : r.headers().entrySet()) {
                ex.getResponseHeaders().set(h.getKey(), h.getValue());
            }
            byte[] bytes = r.file().isPresent() ? Files.readAllBytes(r.file().get()) : r.bytes();
            boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
            if (head) {
                ex.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            }
            ex.sendResponseHeaders(r.status(), head || bytes.length == 0 ? -1 : bytes.length);
            if (!head && bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
        }
    }

    private void hangUpLoop() {
        while (!closedPort.isClosed()) {
            try (Socket s = closedPort.accept()) {
                s.setSoLinger(true, 0); // a reset, like a port nobody listens on
            } catch (IOException e) {
                // closed at the end of the run, or the peer went away first
            }
        }
    }

    @Override
    public void close() {
        https.stop(0);
        http.stop(0);
        try {
            closedPort.close();
        } catch (IOException ignored) {
            // already closed
        }
        threads.shutdownNow();
    }
}
