package dev.veritas.cli;

import dev.veritas.config.Env;
import dev.veritas.engine.EngineOptions;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Engine options shared by `audit` and `serve`. */
public final class EngineFlags {
    @Option(names = "--allow-private", description = "Allow auditing private, loopback and link-local addresses (intranets, tests). Default: $VERITAS_ALLOW_PRIVATE or false")
    boolean allowPrivate;

    @Option(names = "--trust-ca", paramLabel = "PEM", description = "Also trust this CA certificate (PEM) in the HTTP client and Chromium. Default: $VERITAS_TRUST_CA")
    Path trustCa;

    @Option(names = "--no-browser", description = "Audit over plain HTTP without Chromium (no screenshots, no timer probes)")
    boolean noBrowser;

    public EngineOptions options() {
        EngineOptions o = EngineOptions.defaults();
        if (allowPrivate) {
            o = o.withAllowPrivate(true);
        }
        if (trustCa != null) {
            o = o.withTrustCa(Optional.of(trustCa));
        }
        if (noBrowser || Env.get("VERITAS_BROWSER").filter(v -> v.equalsIgnoreCase("never")).isPresent()) {
            o = o.withBrowser(EngineOptions.BrowserMode.NEVER);
        }
        return o;
    }
}
