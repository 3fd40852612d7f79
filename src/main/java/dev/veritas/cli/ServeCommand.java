package dev.veritas.cli;

import dev.veritas.config.Env;
import dev.veritas.engine.EngineOptions;
import dev.veritas.server.ServerConfig;
import dev.veritas.server.VeritasServer;
import dev.veritas.store.AuditStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the API, the web UI and the audit workers. With no flags: SQLite in ./veritas-data, http://127.0.0.1:8080/.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    EngineFlags engineFlags;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", description = "Address to bind. Anything but loopback needs --token. Default: $VERITAS_HOST or 127.0.0.1")
    String host;

    @Option(names = "--port", description = "Port. Default: $VERITAS_PORT or 8080")
    Integer port;

    @Option(names = "--workers", description = "Audits run at the same time. Default: $VERITAS_WORKERS or 2")
    Integer workers;

    @Option(names = "--token", description = "API token; every /api call then needs Authorization: Bearer <token>. Default: $VERITAS_TOKEN")
    String token;

    @Option(names = "--shutdown-grace", description = "Seconds running audits get to finish on shutdown before they are re-queued (default 20)")
    Integer grace;

    @Override
    public Integer call() throws Exception {
        String h = host != null ? host : Env.get("VERITAS_HOST").orElse("127.0.0.1");
        int p = port != null ? port : Env.get("VERITAS_PORT").map(ServeCommand::parsePort).orElse(8080);
        int w = workers != null ? workers : Env.get("VERITAS_WORKERS").map(Integer::parseInt).orElse(2);
        Optional<String> t = Optional.ofNullable(token).or(() -> Env.get("VERITAS_TOKEN"));
        EngineOptions engine = engineFlags.options();
        ServerConfig config = new ServerConfig(h, p, t, w, engine, Duration.ofSeconds(15), Duration.ofSeconds(grace == null ? 20 : grace), List.of());
        AuditStore s = store.open();
        VeritasServer server;
        try {
            server = new VeritasServer(config, s).start();
        } catch (RuntimeException e) {
            s.close();
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("Failed to bind") || msg.contains("Address already in use")) {
                throw new IllegalArgumentException("port " + p + " on " + h + " is already in use; stop the other program or choose another with --port");
            }
            throw e;
        }
        var out = spec.commandLine().getOut();
        out.println("Veritas is running at http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + server.port() + "/  (data: " + store.config().describe() + ")");
        if (dev.veritas.capture.Chromium.locate().isEmpty() && engine.browser() == EngineOptions.BrowserMode.AUTO) {
            out.println(dev.veritas.capture.Chromium.missingMessage());
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "veritas-shutdown"));
        stopped.await();
        return 0;
    }

    private static int parsePort(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("VERITAS_PORT must be a number (got '" + s + "')");
        }
    }
}
