package dev.veritas.capture;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
/**
 * The time a capture may take, and the way to stop it. One absolute deadline bounds the whole capture; each call a
 * site can slow down takes its timeout from {@link #cap} (the smaller of its own limit and what is left). A call that
 * cannot time out by itself — an evaluation in a page whose scripts never yield — runs under {@link #watch}: if it is
 * still running when its time is up, or when the capture is stopped from outside, a watchdog thread runs the call's
 * {@code onOverrun} (which kills the browser process), and the blocked call then fails.
 *
 * <p>Thread-safe: the capturing thread calls {@link #watch} and {@link #checkpoint}; any thread may {@link #stop}.
 */
public final class Deadline {
    private static final Logger log = LoggerFactory.getLogger(Deadline.class);
    /** How long after its timeout a watched call is given before the watchdog acts: its own timeout should fire first. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "veritas-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final long endNanos;
    private volatile String stopReason;
    private volatile Watched current;
    private volatile Deadline child;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /** A deadline {@code d} from now. */
    public static Deadline in(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos());
    }

    /**
     * A part of this deadline: ends {@code share} from now or with this one, whichever comes first, and is stopped
     * when this one is (a page's share of the audit's time). One part at a time: a new part replaces the last.
     */
    public Deadline part(Duration share) {
        Deadline p = new Deadline(Math.min(endNanos, System.nanoTime() + share.toNanos()));
        child = p;
        String why = stopReason;
        if (why != null) {
            p.stop(why);
        }
        return p;
    }

    /** What is left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    public boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The timeout to give one call: its own limit, or what is left if that is less (at least a millisecond). */
    public Duration cap(Duration limit) {
        Duration left = remaining();
        Duration d = left.compareTo(limit) < 0 ? left : limit;
        return d.isZero() ? Duration.ofMillis(1) : d;
    }

    /** {@link #cap} in milliseconds, as Playwright's options take it. */
    public double capMillis(Duration limit) {
        return cap(limit).toMillis();
    }

    /**
     * Stops the capture: the next {@link #checkpoint} throws, and a watched call in progress is cut short at once.
     * The first reason given is kept.
     */
    public void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        Watched w = current;
        if (w != null) {
            w.overrun("the audit was stopped: " + stopReason);
        }
        Deadline c = child;
        if (c != null) {
            c.stop(reason);
        }
    }

    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** Throws {@link CaptureStoppedException} when the capture was stopped; a safe point between steps. */
    public void checkpoint() {
        String why = stopReason;
        if (why != null) {
            throw new CaptureStoppedException(why);
        }
    }

    /**
     * Runs {@code call}; if it has not returned {@code timeout} (plus a short grace) from now, or when the capture is
     * stopped meanwhile, runs {@code onOverrun} on the watchdog thread to unblock it. A call cut short that way throws
     * {@link CaptureStoppedException} (stopped from outside) or {@link PageCaptureException} of kind
     * {@link PageCaptureException.Kind#CUT_SHORT} naming the call; other failures pass through unchanged.
     */
    public <T> T watch(String what, Duration timeout, Runnable onOverrun, Supplier<T> call) {
        checkpoint();
        Watched w = new Watched(what, onOverrun);
        current = w;
        ScheduledFuture<?> timer = WATCHDOG.schedule(() -> w.overrun(what + " took longer than " + seconds(timeout)),
                timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (stopReason != null) {
                w.overrun("the audit was stopped: " + stopReason); // stopped between the checkpoint and registering
            }
            T result = call.get();
            if (w.why() != null) {
                throw cutShort(w);
            }
            return result;
        } catch (RuntimeException e) {
            if (w.why() != null) {
                throw cutShort(w);
            }
            throw e;
        } finally {
            timer.cancel(false);
            current = null;
        }
    }

    /** {@link #watch} for a call without a result. */
    public void watchRun(String what, Duration timeout, Runnable onOverrun, Runnable call) {
        watch(what, timeout, onOverrun, () -> {
            call.run();
            return null;
        });
    }

    private RuntimeException cutShort(Watched w) {
        String stopped = stopReason;
        if (stopped != null) {
            return new CaptureStoppedException(stopped);
        }
        return new PageCaptureException(PageCaptureException.Kind.CUT_SHORT, "the page stopped answering: " + w.why());
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** One call in progress and, once it overran, why. The overrun action runs at most once. */
    private static final class Watched {
        private final String what;
        private final Runnable onOverrun;
        private String why;

        Watched(String what, Runnable onOverrun) {
            this.what = what;
            this.onOverrun = onOverrun;
        }

        void overrun(String reason) {
            synchronized (this) {
                if (why != null) {
                    return;
                }
                why = reason;
            }
            log.warn("cutting short {}: {}", what, reason);
            onOverrun.run();
        }

        synchronized String why() {
            return why;
        }

        @Override
        public String toString() {
            return what;
        }
    }
}
