package dev.veritas.engine;

import dev.veritas.capture.CaptureSettings;
import dev.veritas.capture.network.FetchLimits;
import dev.veritas.capture.network.Network;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.veritas.audit.WireEnum;
/**
 * How audits run on this machine: whether private networks may be audited, which extra CA to trust, whether
 * to use the browser, capture settings and fetch limits.
 */
public record EngineOptions(
        boolean allowPrivate,
        Optional<Path> trustCa,
        BrowserMode browser,
        CaptureSettings capture,
        FetchLimits fetch,
        Optional<Integer> httpProbePort,
        Duration lease,
        Network network,
        boolean warmBrowsers) {

    /** auto: Chromium when installed, else plain HTTP; never: always plain HTTP. */
    public enum BrowserMode implements WireEnum { AUTO, NEVER }

    /** Public sites only, the system's CAs, Chromium when installed; the CLI applies flags and VERITAS_* settings over these. */
    public static EngineOptions defaults() {
        return new EngineOptions(false, Optional.empty(), BrowserMode.AUTO,
                CaptureSettings.defaults(), FetchLimits.defaults(), Optional.empty(), Duration.ofSeconds(60), Network.system(), false);
    }

    public EngineOptions withAllowPrivate(boolean v) {
        return new EngineOptions(v, trustCa, browser, capture, fetch, httpProbePort, lease, network, warmBrowsers);
    }

    public EngineOptions withTrustCa(Optional<Path> v) {
        return new EngineOptions(allowPrivate, v, browser, capture, fetch, httpProbePort, lease, network, warmBrowsers);
    }

    public EngineOptions withBrowser(BrowserMode v) {
        return new EngineOptions(allowPrivate, trustCa, v, capture, fetch, httpProbePort, lease, network, warmBrowsers);
    }

    public EngineOptions withCapture(CaptureSettings v) {
        return new EngineOptions(allowPrivate, trustCa, browser, v, fetch, httpProbePort, lease, network, warmBrowsers);
    }

    public EngineOptions withFetch(FetchLimits v) {
        return new EngineOptions(allowPrivate, trustCa, browser, capture, v, httpProbePort, lease, network, warmBrowsers);
    }

    public EngineOptions withHttpProbePort(Optional<Integer> v) {
        return new EngineOptions(allowPrivate, trustCa, browser, capture, fetch, v, lease, network, warmBrowsers);
    }

    /** Names and ports as {@code network} says instead of the machine's DNS (see {@link Network}). */
    public EngineOptions withNetwork(Network v) {
        return new EngineOptions(allowPrivate, trustCa, browser, capture, fetch, httpProbePort, lease, v, warmBrowsers);
    }

    /**
     * Whether each worker starts its browser before its first audit, and again as soon as it is idle after one was
     * killed or died (a server does; one-off commands and tests start it when an audit needs it).
     */
    public EngineOptions withWarmBrowsers(boolean v) {
        return new EngineOptions(allowPrivate, trustCa, browser, capture, fetch, httpProbePort, lease, network, v);
    }
}
