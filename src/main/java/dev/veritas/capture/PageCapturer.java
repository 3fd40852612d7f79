package dev.veritas.capture;

import java.net.URI;
import java.time.Instant;

/** Captures one page at a time for an audit; one instance per audit, used from one thread. */
public interface PageCapturer extends AutoCloseable {
    CaptureSource source();

    /** @throws PageCaptureException with a reason a person understands when the page could not be captured */
    PageCapture capture(URI url, PageOptions options, ScreenshotSink sink);

    @Override
    void close();

    /** What to do on this page: the timer probes (first page only), how many screenshots are left, and the deadline. */
    record PageOptions(boolean temporalProbes, int screenshotBudget, Instant deadline) {}

    /** Where screenshots go as they are taken; returns the stored index. */
    @FunctionalInterface
    interface ScreenshotSink {
        int save(String label, URI pageUrl, String mediaType, int width, int height, byte[] bytes);
    }
}
