package dev.veritas.cli;

import dev.veritas.capture.CaptureSettings;
import dev.veritas.config.Env;
import dev.veritas.engine.EngineOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Engine options shared by `audit` and `serve`. */
public final class EngineFlags {
    @Option(names = "--allow-private", description = "Allow auditing private, loopback and link-local addresses (intranets, tests). Default: $VERITAS_ALLOW_PRIVATE or false")
    boolean allowPrivate;

    @Option(names = "--trust-ca", paramLabel = "PEM", description = "Treat certificates issued by this CA (PEM) as valid when judging a site's HTTPS, in the TLS probe and in Chromium (intranets, tests). Default: $VERITAS_TRUST_CA")
    Path trustCa;

    @Option(names = "--second-look", paramLabel = "SECONDS",
            description = "Seconds from a page's load event to the second look that catches timers and late pop-ups (1-30); it comes at "
                    + "least 2 s after the first reading. Default: $VERITAS_SECOND_LOOK or 3")
    Integer secondLook;

    @Option(names = "--no-browser", description = "Audit over plain HTTP without Chromium (no screenshots, no timer probes)")
    boolean noBrowser;

    /** The engine's defaults with VERITAS_ALLOW_PRIVATE and VERITAS_TRUST_CA applied, for commands without these flags. */
    static EngineOptions fromEnvironment() {
        return EngineOptions.defaults().withAllowPrivate(Env.flag("VERITAS_ALLOW_PRIVATE"))
                .withTrustCa(Env.get("VERITAS_TRUST_CA").map(Path::of))
                .withCapture(CaptureSettings.defaults().withChromium(Env.get("VERITAS_CHROMIUM").map(Path::of).orElse(CaptureSettings.DEFAULT_CHROMIUM)));
    }

    public EngineOptions options() {
        EngineOptions o = fromEnvironment();
        if (allowPrivate) {
            o = o.withAllowPrivate(true);
        }
        if (trustCa != null) {
            o = o.withTrustCa(Optional.of(trustCa));
        }
        Optional<Integer> seconds = Optional.ofNullable(secondLook).or(() -> Env.get("VERITAS_SECOND_LOOK").map(EngineFlags::seconds));
        if (seconds.isPresent()) {
            if (seconds.get() < 1 || seconds.get() > 30) {
                throw new IllegalArgumentException("the second look must come 1 to 30 seconds after load (got " + seconds.get() + ")");
            }
            o = o.withCapture(o.capture().withLaterDelay(Duration.ofSeconds(seconds.get())));
        }
        if (noBrowser || Env.get("VERITAS_BROWSER").filter(v -> v.equalsIgnoreCase("never")).isPresent()) {
            o = o.withBrowser(EngineOptions.BrowserMode.NEVER);
        }
        return o;
    }

    private static int seconds(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("VERITAS_SECOND_LOOK must be a whole number of seconds (got \"" + text + "\")");
        }
    }
}
