package dev.veritas.capture;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How pages are captured: the delay from a page's load event to its second look (timers, late pop-ups), the browser
 * window, how long a page may take to load, and which Chromium to run.
 */
public record CaptureSettings(Duration laterDelay, int viewportWidth, int viewportHeight, Duration navigationTimeout, int jpegQuality,
                              int maxFullPageHeight, Path chromium) {
    /** Debian's Chromium, where its package installs it. */
    public static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");

    public static CaptureSettings defaults() {
        return new CaptureSettings(Duration.ofSeconds(3), 1280, 800, Duration.ofSeconds(20), 80, 8000, DEFAULT_CHROMIUM);
    }

    public CaptureSettings withChromium(Path executable) {
        return new CaptureSettings(laterDelay, viewportWidth, viewportHeight, navigationTimeout, jpegQuality, maxFullPageHeight, executable);
    }

    public CaptureSettings withLaterDelay(Duration d) {
        return new CaptureSettings(d, viewportWidth, viewportHeight, navigationTimeout, jpegQuality, maxFullPageHeight, chromium);
    }

    public CaptureSettings withNavigationTimeout(Duration d) {
        return new CaptureSettings(laterDelay, viewportWidth, viewportHeight, d, jpegQuality, maxFullPageHeight, chromium);
    }
}
