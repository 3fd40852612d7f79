package dev.veritas.capture;

import java.time.Duration;

/**
 * How pages are captured: the delay before the second look (timers, late pop-ups), the browser window,
 * and how long a page may take to load.
 */
public record CaptureSettings(Duration laterDelay, int viewportWidth, int viewportHeight, Duration navigationTimeout, int jpegQuality,
                              int maxFullPageHeight) {
    public static CaptureSettings defaults() {
        return new CaptureSettings(Duration.ofSeconds(3), 1280, 800, Duration.ofSeconds(20), 80, 8000);
    }

    public CaptureSettings withLaterDelay(Duration d) {
        return new CaptureSettings(d, viewportWidth, viewportHeight, navigationTimeout, jpegQuality, maxFullPageHeight);
    }

    public CaptureSettings withNavigationTimeout(Duration d) {
        return new CaptureSettings(laterDelay, viewportWidth, viewportHeight, d, jpegQuality, maxFullPageHeight);
    }
}
