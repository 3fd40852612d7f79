package dev.veritas.server;

import dev.veritas.audit.Require;
import dev.veritas.engine.EngineOptions;
import dev.veritas.hosts.UrlHost;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How `veritas serve` runs: where it listens, who may call it, how many audits run at once. */
public record ServerConfig(
        String host,
        int port,
        Optional<String> token,
        int workers,
        EngineOptions engine,
        Duration heartbeat,
        Duration shutdownGrace,
        List<String> corsOrigins,
        NodeRole role) {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    public ServerConfig {
        Require.text("host", host);
        // Bound where a browser would connect: 127.1 and 0177.0.0.1 are 127.0.0.1 (the JDK reads the latter as 177.0.0.1).
        if (UrlHost.parseBareOrBracketed(host) instanceof UrlHost.Ip ip) {
            host = ip.text();
        }
        Require.between("port", port, 0, 65535);
        Require.between("workers", workers, 1, 64);
        token = token.filter(t -> !t.isBlank());
        token.ifPresent(t -> {
            if (t.length() < 16) {
                throw new IllegalArgumentException("the API token must be at least 16 characters; generate one with: openssl rand -hex 24");
            }
        });
        if (!isLoopback(host) && token.isEmpty()) {
            throw new IllegalArgumentException("binding to " + host + " exposes Veritas beyond this machine; give an API token with --token "
                    + "(or VERITAS_TOKEN), or bind to 127.0.0.1");
        }
        corsOrigins = List.copyOf(corsOrigins);
        Require.present("role", role);
    }

    /** A node that does everything (the API, the UI and the workers). */
    public ServerConfig(String host, int port, Optional<String> token, int workers, EngineOptions engine, Duration heartbeat,
            Duration shutdownGrace, List<String> corsOrigins) {
        this(host, port, token, workers, engine, heartbeat, shutdownGrace, corsOrigins, NodeRole.ALL);
    }

    /** Whether the host is this machine only: a loopback address, localhost, or a name whose addresses all are. */
    public static boolean isLoopback(String host) {
        UrlHost h = UrlHost.parseBareOrBracketed(host);
        if (h instanceof UrlHost.Ip ip) {
            return ip.address().isLoopbackAddress();
        }
        if (h instanceof UrlHost.Invalid) {
            return false;
        }
        if (h.text().equals("localhost")) {
            return true;
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(h.text());
            return Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public static ServerConfig local(int port, EngineOptions engine) {
        return new ServerConfig("127.0.0.1", port, Optional.empty(), 2, engine, Duration.ofSeconds(15), Duration.ofSeconds(20), List.of());
    }

    public ServerConfig withToken(String t) {
        return new ServerConfig(host, port, Optional.ofNullable(t), workers, engine, heartbeat, shutdownGrace, corsOrigins, role);
    }

    public ServerConfig withWorkers(int n) {
        return new ServerConfig(host, port, token, n, engine, heartbeat, shutdownGrace, corsOrigins, role);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, token, workers, engine, heartbeat, shutdownGrace, corsOrigins, role);
    }

    public ServerConfig withHeartbeat(Duration d) {
        return new ServerConfig(host, port, token, workers, engine, d, shutdownGrace, corsOrigins, role);
    }

    public ServerConfig withShutdownGrace(Duration d) {
        return new ServerConfig(host, port, token, workers, engine, heartbeat, d, corsOrigins, role);
    }

    public ServerConfig withRole(NodeRole r) {
        return new ServerConfig(host, port, token, workers, engine, heartbeat, shutdownGrace, corsOrigins, r);
    }
}
