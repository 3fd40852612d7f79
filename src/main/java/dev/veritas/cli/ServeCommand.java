package dev.veritas.cli;

import dev.veritas.capture.browser.Chromium;
import dev.veritas.config.Env;
import dev.veritas.engine.EngineOptions;
import dev.veritas.server.NodeRole;
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
        description = {"Run the API, the web UI and the audit workers. With no flags: SQLite in ./veritas-data, http://127.0.0.1:8080/.",
                "In a cluster, --role api nodes serve the API and the UI, --role worker nodes run audits; all share one PostgreSQL (--database-url)."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    EngineFlags engineFlags;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", description = "Address to bind. Anything but loopback needs --token. Default: $VERITAS_HOST or 127.0.0.1")
    String host;

    // Numbers are read as text and checked here, so a wrong value gets one line naming the flag or variable and
    // what it takes, like every other bad input, instead of a parser message and the whole usage.
    @Option(names = "--port", paramLabel = "<port>", description = "Port (0 picks a free one). Default: $VERITAS_PORT or 8080")
    String port;

    @Option(names = "--workers", paramLabel = "<n>", description = "Audits run at the same time, 1 to 64. Default: $VERITAS_WORKERS or 2")
    String workers;

    @Option(names = "--token", description = "API token; every /api call then needs Authorization: Bearer <token>. Default: $VERITAS_TOKEN")
    String token;

    @Option(names = "--role", paramLabel = "<role>",
            description = "all (API, UI and workers: one node does everything), api (API and UI, no workers, no browser) or worker "
                    + "(runs audits; answers only /api/health and /api/metrics). api and worker need --database-url. Default: $VERITAS_ROLE or all")
    String role;

    @Option(names = "--shutdown-grace", paramLabel = "<seconds>",
            description = "Seconds running audits get to finish on shutdown before they are re-queued (default 20)")
    String grace;

    @Override
    public Integer call() throws Exception {
        String h = host != null ? host : Env.get("VERITAS_HOST").orElse("127.0.0.1");
        int p = number("--port", port, "VERITAS_PORT", 8080, 0, 65535, "a port number from 0 to 65535 (0 picks a free one)");
        int w = number("--workers", workers, "VERITAS_WORKERS", 2, 1, 64, "a whole number of audits to run at once, from 1 to 64");
        int g = number("--shutdown-grace", grace, null, 20, 0, 3600, "a whole number of seconds from 0 to 3600");
        Optional<String> t = Optional.ofNullable(token).or(() -> Env.get("VERITAS_TOKEN"));
        NodeRole r = role();
        EngineOptions engine = engineFlags.options().withWarmBrowsers(true);
        ServerConfig config = new ServerConfig(h, p, t, w, engine, Duration.ofSeconds(15), Duration.ofSeconds(g), List.of(), r);
        if (r.needsSharedStore() && store.config().databaseUrl().isEmpty()) {
            throw new IllegalArgumentException("--role " + r.wire() + " needs --database-url (or VERITAS_DATABASE_URL): API and worker nodes "
                    + "share one PostgreSQL; the embedded SQLite file serves one node only, which --role all is for");
        }
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
        String node = r == NodeRole.ALL ? "" : "role: " + r.wire() + ", ";
        out.println("Veritas is running at http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + server.port() + "/  (" + node + "data: "
                + store.config().describe() + ")");
        // An API node runs no audits: it does not look for a browser, so it can run where there is none.
        if (r.runsAudits() && engine.browser() == EngineOptions.BrowserMode.AUTO && Chromium.locate(engine.capture().chromium()).isEmpty()) {
            out.println(Chromium.missingMessage(engine.capture().chromium()));
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

    private NodeRole role() {
        String source = role != null ? "--role" : "VERITAS_ROLE";
        Optional<String> raw = Optional.ofNullable(role).or(() -> Env.get("VERITAS_ROLE"));
        try {
            return raw.map(NodeRole::parse).orElse(NodeRole.ALL);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " " + e.getMessage());
        }
    }

    /** The flag's value, else the environment variable's (when there is one), else the default; checked against its range. */
    private static int number(String flag, String flagValue, String env, int dflt, int min, int max, String expected) {
        String source = flag;
        String raw = flagValue;
        if (raw == null && env != null) {
            raw = Env.get(env).orElse(null);
            source = env;
        }
        if (raw == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with what was expected
        }
        String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        throw new IllegalArgumentException(source + " must be " + expected + "; got '" + shown + "'");
    }
}
