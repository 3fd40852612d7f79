package dev.veritas.capture;

import java.net.URI;
import java.util.Map;

/** Captures one page at a time for an audit; one instance per audit, used from one thread. */
public interface PageCapturer extends AutoCloseable {
    CaptureSource source();

    /** @throws PageCaptureException with a reason a person understands when the page could not be captured */
    PageCapture capture(URI url, PageOptions options, ScreenshotSink sink);

    @Override
    void close();

    /** Where the capture's time went so far, by step, in milliseconds; empty for capturers that do not keep count. */
    default Map<String, Long> stepMillis() {
        return Map.of();
    }

    /**
     * What to do on this page: when to watch it change over time, how many screenshots are left, and the deadline every
     * call on it must keep (the page's own share of the audit's time, stopped with the audit).
     */
    record PageOptions(Watch watch, int screenshotBudget, Deadline deadline) {}

    /**
     * Watching a page (the second look after a delay, the reload probe) costs seconds, so it is spent where it
     * finds something: always on the first page (pop-ups and toasts that appear later), and elsewhere when the
     * page shows a countdown or a live number at load — a fake timer on a checkout page is checked like one on
     * the home page. A deep audit watches every page.
     */
    enum Watch { ALWAYS, IF_TIME_DEPENDENT }

    /** Where screenshots go as they are taken; returns the stored index. */
    @FunctionalInterface
    interface ScreenshotSink {
        int save(String label, URI pageUrl, String mediaType, int width, int height, byte[] bytes);
    }
}
