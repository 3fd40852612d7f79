package dev.veritas.capture;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Captures the pages of one audit; one instance per audit, used from one thread. One page is captured at a time,
 * except that a page {@link #begin begun} may wait for its second look while others are captured.
 */
public interface PageCapturer extends AutoCloseable {
    CaptureSource source();

    /** @throws PageCaptureException with a reason a person understands when the page could not be captured */
    PageCapture capture(URI url, PageOptions options, ScreenshotSink sink);

    /**
     * Captures a page up to its first look (everything read at load, its links included) and leaves the rest — the
     * second look, due a few seconds after the page loaded — to {@link Pending#finish}, so that the caller can capture
     * other pages while it is due. Capturers that do not watch pages capture it whole at once.
     *
     * @throws PageCaptureException as {@link #capture} does, when not even the first look could be taken
     */
    default Pending begin(URI url, PageOptions options, ScreenshotSink sink) {
        return Pending.done(capture(url, options, sink));
    }

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

    /**
     * A page captured up to its first look whose second look may still be to come; used on the capturer's thread, between
     * its other captures. Its page stays open until {@link #finish} or {@link #abandon}.
     */
    interface Pending {
        /** The page as first seen: its address, facts and links at load (what the crawl needs to go on). */
        PageCapture firstLook();

        /** How long until the second look is due; zero once it is, or when none is to come. */
        Duration untilDue();

        /** The screenshots it may still take when finished, which other pages must leave it. */
        int screenshotsToCome();

        /**
         * Waits until the second look is due and takes it, with every call under {@code deadline}; closes the page.
         * Never loses the first look: when the rest cannot be done (the browser was replaced meanwhile, the page stopped
         * answering) the first look is returned, cut short with the reason.
         *
         * @throws CaptureStoppedException when the audit was stopped meanwhile
         */
        PageCapture finish(Deadline deadline);

        /** Closes the page without finishing it (the audit is stopping). */
        void abandon();

        /** A page captured whole, with nothing to come. */
        static Pending done(PageCapture page) {
            return new Pending() {
                @Override
                public PageCapture firstLook() {
                    return page;
                }

                @Override
                public Duration untilDue() {
                    return Duration.ZERO;
                }

                @Override
                public int screenshotsToCome() {
                    return 0;
                }

                @Override
                public PageCapture finish(Deadline deadline) {
                    return page;
                }

                @Override
                public void abandon() {
                    // nothing is open
                }
            };
        }
    }

    /** Where screenshots go as they are taken; returns the stored index. */
    @FunctionalInterface
    interface ScreenshotSink {
        int save(String label, URI pageUrl, String mediaType, int width, int height, byte[] bytes);
    }
}
