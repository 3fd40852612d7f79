package dev.veritas.report;

import dev.veritas.capture.browser.Chromium;
import dev.veritas.capture.PageCaptureException;
import dev.veritas.capture.network.TrustConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import java.util.concurrent.RejectedExecutionException;
/**
 * Prints HTML reports to PDF with Chromium, so the PDF looks exactly like the HTML report. One browser serves every
 * print, one print at a time, on a thread of its own (Playwright objects belong to the thread that made them); it is
 * started on the first print, replaced when it dies, and closed after a while without work.
 *
 * <p>Prints wait in a bounded queue: a caller first {@link #reserve() reserves} a place — before the report is even
 * rendered — and a full queue is refused at once with {@link Busy}, saying when to try again, instead of piling up
 * browsers or threads. A place is held until its print has really ended, so a print that overruns its deadline still
 * counts against the queue.
 */
public final class PdfPrinter implements AutoCloseable {
    /** Prints that may wait behind the one being printed. */
    public static final int DEFAULT_QUEUE = 4;
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    private static final Duration IDLE_CLOSE = Duration.ofMinutes(5);

    private final Semaphore places;
    private final int capacity;
    private final Duration deadline;
    private final ScheduledExecutorService thread;
    private final AtomicLong launches = new AtomicLong();
    private final AtomicLong printed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** Mean time of a print in milliseconds, for the Retry-After of a refusal; starts with a guess that includes a launch. */
    private volatile double meanMillis = 5_000;
    private volatile boolean closed;

    // Touched only on the printer's thread.
    private Chromium chromium;
    private final Path chromiumPath;
    private long lastUsed;
    private boolean replace;

    /** Thrown when every place in the queue is taken. */
    public static final class Busy extends RuntimeException {
        private final long retryAfterSeconds;

        Busy(int capacity, long retryAfterSeconds) {
            super("the PDF printer is busy with " + capacity + " exports; try again in " + retryAfterSeconds
                    + " s, or export --format html, which needs no browser");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public PdfPrinter(Path chromiumPath) {
        this(DEFAULT_QUEUE, DEFAULT_DEADLINE, chromiumPath);
    }

    /** @param queue prints that may wait behind the one being printed (0: only one at a time, none waiting) */
    public PdfPrinter(int queue, Duration deadline, Path chromiumPath) {
        this.chromiumPath = chromiumPath;
        if (queue < 0) {
            throw new IllegalArgumentException("the PDF queue must not be negative");
        }
        this.capacity = queue + 1;
        this.places = new Semaphore(capacity);
        this.deadline = deadline;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "veritas-pdf");
            t.setDaemon(true);
            return t;
        });
        long idle = IDLE_CLOSE.toMillis();
        thread.scheduleWithFixedDelay(this::closeIfIdle, idle, idle / 5, TimeUnit.MILLISECONDS);
    }

    /** Prints one report with a printer of its own (for the CLI), which is closed afterwards. */
    public static byte[] printOnce(String html, Path chromiumPath) {
        try (PdfPrinter printer = new PdfPrinter(0, DEFAULT_DEADLINE, chromiumPath); Ticket ticket = printer.reserve()) {
            return ticket.print(html);
        }
    }

    /** The Chromium this printer runs. */
    public Path chromiumPath() {
        return chromiumPath;
    }

    /** Takes a place in the queue, or throws {@link Busy} at once when there is none. */
    public Ticket reserve() {
        if (closed) {
            throw new IllegalStateException("the PDF printer is shut down");
        }
        if (!places.tryAcquire()) {
            refused.incrementAndGet();
            throw new Busy(capacity, retryAfterSeconds());
        }
        return new Ticket();
    }

    /** A place in the queue: print with it once, and close it (closing an unused ticket gives the place back). */
    public final class Ticket implements AutoCloseable {
        private final AtomicBoolean handedOver = new AtomicBoolean();
        private final AtomicBoolean released = new AtomicBoolean();

        private Ticket() {}

        /**
         * Prints the HTML and returns the PDF. Throws {@link IllegalStateException} with a reason a person can act on
         * when Chromium is missing, fails, or the print takes longer than the deadline.
         */
        public byte[] print(String html) {
            if (!handedOver.compareAndSet(false, true)) {
                throw new IllegalStateException("a ticket prints once");
            }
            AtomicBoolean started = new AtomicBoolean();
            Future<byte[]> job;
            try {
                job = thread.submit(() -> {
                    started.set(true);
                    try {
                        return printOnThread(html);
                    } finally {
                        release(); // the place is free only when the browser is
                    }
                });
            } catch (RejectedExecutionException e) {
                release();
                throw new IllegalStateException("the PDF printer is shut down");
            }
            try {
                return job.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (job.cancel(false) && !started.get()) {
                    release(); // it never reached the browser
                }
                thread.execute(() -> replace = true);
                throw new IllegalStateException("printing the PDF took longer than " + deadline.toSeconds()
                        + " s; try again later, or export --format html");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while printing the PDF");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                throw c instanceof IllegalStateException ise ? ise
                        : new IllegalStateException("printing the PDF failed: " + (c == null ? "unknown error" : c.getMessage()), c);
            }
        }

        private void release() {
            if (released.compareAndSet(false, true)) {
                places.release();
            }
        }

        @Override
        public void close() {
            if (!handedOver.get()) {
                release();
            }
        }
    }

    private byte[] printOnThread(String html) {
        long t0 = System.nanoTime();
        Chromium browser = browser();
        try {
            byte[] pdf = browser.printPdf(html, deadline);
            printed.incrementAndGet();
            meanMillis = meanMillis * 0.8 + (System.nanoTime() - t0) / 1e6 * 0.2;
            return pdf;
        } catch (PageCaptureException e) {
            replace = true;
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            lastUsed = System.nanoTime();
        }
    }

    /** The browser, launched on first use and again when the last one died or overran a deadline. */
    private Chromium browser() {
        if (chromium != null && (replace || !chromium.isAlive())) {
            closeBrowser();
        }
        replace = false;
        if (chromium == null) {
            Optional<Path> exe = Chromium.locate(chromiumPath);
            if (exe.isEmpty()) {
                throw new IllegalStateException("PDF export needs Chromium: " + Chromium.missingMessage(chromiumPath).replace("; auditing without screenshots", "")
                        + " (or export --format html)");
            }
            try {
                chromium = Chromium.launch(exe.get(), TrustConfig.system());
            } catch (PageCaptureException e) {
                throw new IllegalStateException("PDF export could not start Chromium: " + e.getMessage(), e);
            }
            launches.incrementAndGet();
        }
        return chromium;
    }

    private void closeIfIdle() {
        if (chromium != null && System.nanoTime() - lastUsed > IDLE_CLOSE.toNanos()) {
            closeBrowser();
        }
    }

    private void closeBrowser() {
        try {
            chromium.close();
        } catch (RuntimeException ignored) {
            // already gone
        }
        chromium = null;
    }

    /** Browsers launched so far: one for many prints, unless one died or sat idle. */
    public long launches() {
        return launches.get();
    }

    public long printed() {
        return printed.get();
    }

    /** Prints refused because the queue was full. */
    public long refused() {
        return refused.get();
    }

    /** Places taken now: the print under way and those waiting. */
    public int inUse() {
        return capacity - places.availablePermits();
    }

    public int capacity() {
        return capacity;
    }

    private long retryAfterSeconds() {
        return Math.max(1, Math.min(120, (long) Math.ceil(meanMillis * capacity / 1000.0)));
    }

    /** Closes the browser and stops the thread, letting prints already queued finish for up to 10 s. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        thread.execute(() -> {
            if (chromium != null) {
                closeBrowser();
            }
        });
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
