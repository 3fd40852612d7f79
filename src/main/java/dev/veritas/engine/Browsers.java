package dev.veritas.engine;

import dev.veritas.capture.browser.Chromium;
import dev.veritas.capture.PageCaptureException;
import dev.veritas.capture.network.TrustConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Chromium per thread that runs audits (Playwright objects must stay on the thread that made them),
 * launched on first use and kept for the next audit; closed when the engine closes.
 */
final class Browsers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Browsers.class);

    private final EngineOptions.BrowserMode mode;
    private final TrustConfig trust;
    private final Path chromium;
    private final ThreadLocal<Chromium> local = new ThreadLocal<>();
    private final List<Chromium> all = new ArrayList<>();

    Browsers(EngineOptions.BrowserMode mode, TrustConfig trust, Path chromium) {
        this.mode = mode;
        this.trust = trust;
        this.chromium = chromium;
    }

    /** The browser for this thread, or why there is none (then the audit runs over plain HTTP). */
    sealed interface Availability permits Available, Unavailable {}

    record Available(Chromium chromium) implements Availability {}

    record Unavailable(String reason) implements Availability {}

    Availability forThisThread() {
        if (mode == EngineOptions.BrowserMode.NEVER) {
            return new Unavailable("browser disabled (--no-browser); auditing without screenshots");
        }
        Chromium mine = local.get();
        if (mine != null && mine.isAlive()) {
            return new Available(mine);
        }
        if (mine != null) {
            closeQuietly(mine);
            local.remove();
        }
        Optional<Path> exe = Chromium.locate(chromium);
        if (exe.isEmpty()) {
            return new Unavailable(Chromium.missingMessage(chromium));
        }
        try {
            Chromium c = Chromium.launch(exe.get(), trust);
            local.set(c);
            synchronized (all) {
                all.add(c);
            }
            return new Available(c);
        } catch (PageCaptureException e) {
            log.warn("{}", e.getMessage());
            return new Unavailable(e.getMessage() + "; auditing without screenshots");
        }
    }

    /**
     * A live browser for this thread, launched anew when the last one died or was killed (the watchdog kills a browser
     * whose page stopped answering). Throws when none can be started.
     */
    Chromium liveForThisThread() {
        Availability a = forThisThread();
        if (a instanceof Available av) {
            return av.chromium();
        }
        throw new PageCaptureException(((Unavailable) a).reason());
    }

    /** Takes {@code c}, launched on this thread, as this thread's browser; one it had before is closed. */
    void adopt(Chromium c) {
        closeForThisThread();
        local.set(c);
        synchronized (all) {
            all.add(c);
        }
    }

    /** Closes this thread's browser (worker threads call this as they stop). */
    void closeForThisThread() {
        Chromium mine = local.get();
        if (mine != null) {
            local.remove();
            synchronized (all) {
                all.remove(mine);
            }
            closeQuietly(mine);
        }
    }

    private static void closeQuietly(Chromium c) {
        try {
            c.close();
        } catch (RuntimeException e) {
            log.debug("closing Chromium: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        List<Chromium> left;
        synchronized (all) {
            left = new ArrayList<>(all);
            all.clear();
        }
        left.forEach(Browsers::closeQuietly);
    }
}
