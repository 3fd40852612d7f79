package dev.veritas.capture.browser;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a {@link ChromiumPageCapturer}'s time went, step by step, summed over the pages of one audit: what the
 * audit benchmark prints, and what the capture phase's event carries so that a slow audit can be explained.
 * Written and read on the audit's own thread.
 */
public final class ChromiumTimings {
    /** The steps, in the order a page goes through them. */
    public static final String BROWSER_START = "browser_start";
    public static final String CONTEXT = "context";
    public static final String NAVIGATION = "navigation";
    public static final String LOAD = "load";
    public static final String SETTLE = "settle";
    public static final String EXTRACTION = "extraction";
    public static final String SCREENSHOTS = "screenshots";
    public static final String SECOND_LOOK = "second_look";
    public static final String RELOAD = "reload";
    public static final String CLOSE = "close";

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    ChromiumTimings() {
        for (String s : new String[] {BROWSER_START, CONTEXT, NAVIGATION, LOAD, SETTLE, EXTRACTION, SCREENSHOTS, SECOND_LOOK, RELOAD, CLOSE}) {
            nanos.put(s, 0L);
        }
    }

    void add(String step, long startNanos) {
        nanos.merge(step, System.nanoTime() - startNanos, Long::sum);
    }

    /** Milliseconds per step so far, in page order. */
    public Map<String, Long> millis() {
        Map<String, Long> m = new LinkedHashMap<>();
        nanos.forEach((k, v) -> m.put(k, v / 1_000_000));
        return m;
    }
}
