package dev.veritas.capture.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Margin;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.veritas.capture.PageCaptureException;
import dev.veritas.capture.network.TrustConfig;

/**
 * Debian's Chromium driven through Playwright. Never downloads a browser. Playwright objects belong to the
 * thread that made them, so each worker thread owns one of these and reuses it across audits.
 */
public final class Chromium implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Chromium.class);

    private final Playwright playwright;
    private final Browser browser;
    private final Path executable;
    private final Optional<ProcessHandle> process;
    private volatile boolean killed;

    private Chromium(Playwright playwright, Browser browser, Path executable, Optional<ProcessHandle> process) {
        this.playwright = playwright;
        this.browser = browser;
        this.executable = executable;
        this.process = process;
    }

    /** The configured Chromium when it is there to run; empty when it is not. */
    public static Optional<Path> locate(Path configured) {
        return Files.isExecutable(configured) ? Optional.of(configured) : Optional.empty();
    }

    /** What to tell a user who has no Chromium where it was looked for. */
    public static String missingMessage(Path p) {
        return "Chromium not found at " + p + " — install it (apt-get install chromium) or set VERITAS_CHROMIUM; auditing without screenshots";
    }

    public static Chromium launch(Path executable, TrustConfig trust) {
        PlaywrightDriver.prepare();
        Playwright pw;
        try {
            pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        } catch (PlaywrightException e) {
            throw new PageCaptureException("could not start the browser driver: " + firstLine(e.getMessage()), e);
        }
        // A mark on the command line by which this browser's process is found again, so that it can be killed from another
        // thread without a Playwright call (Playwright objects belong to the thread that made them).
        String mark = "--veritas-browser=" + UUID.randomUUID();
        List<String> args = new ArrayList<>(List.of(mark,
                // Pages that open windows in a loop get none: the audit looks at the page it asked for.
                "--block-new-web-contents",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--disable-extensions",
                // WebRTC could otherwise send UDP straight to any address, around the guarded proxy
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp", "--webrtc-ip-handling-policy=disable_non_proxied_udp"));
        List<String> spki = trust.spkiHashes();
        if (!spki.isEmpty()) {
            args.add("--ignore-certificate-errors-spki-list=" + String.join(",", spki));
        }
        try {
            Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(args)
                    .setTimeout(30_000));
            return new Chromium(pw, browser, executable, findProcess(mark));
        } catch (PlaywrightException e) {
            pw.close();
            throw new PageCaptureException("could not start Chromium at " + executable + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Prints a self-contained HTML document (a report) to an A4 PDF in a context of its own, with no scripts (a report
     * shows text taken from hostile pages) and no network but {@code data:} URLs: the document embeds all it shows.
     *
     * @throws PageCaptureException when the browser fails or overruns {@code timeout}; the browser should then be replaced
     */
    public byte[] printPdf(String html, Duration timeout) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
             Page page = context.newPage()) {
            context.route("**/*", route -> {
                if (route.request().url().startsWith("data:")) {
                    route.resume();
                } else {
                    route.abort();
                }
            });
            page.setDefaultTimeout(timeout.toMillis());
            page.setContent(html);
            return page.pdf(new Page.PdfOptions().setFormat("A4").setPrintBackground(true)
                    .setMargin(new Margin().setTop("12mm").setBottom("12mm").setLeft("10mm").setRight("10mm")));
        } catch (PlaywrightException e) {
            throw new PageCaptureException("printing the PDF failed in Chromium: " + firstLine(e.getMessage()), e);
        }
    }

    public Browser browser() {
        return browser;
    }

    public Path executable() {
        return executable;
    }

    public boolean isAlive() {
        return !killed && browser.isConnected();
    }

    /** The browser's main process, found by the mark on its command line among this JVM's descendants. */
    private static Optional<ProcessHandle> findProcess(String mark) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(mark)).orElse(false))
                .findFirst();
    }

    /** The browser's process id, when it could be found. */
    public Optional<Long> pid() {
        return process.map(ProcessHandle::pid);
    }

    /**
     * Kills the browser's processes (renderers included) at once. Safe from any thread and without Playwright: the
     * watchdog uses it to unblock a worker whose call into a hung page never returns; that call then fails, and this
     * browser is replaced before the next page.
     */
    public void kill() {
        killed = true;
        process.ifPresentOrElse(p -> {
            // The Playwright driver goes too: a DevTools call waiting on a dead browser is not always failed by the driver,
            // but every call fails at once when the driver's pipe closes.
            Optional<ProcessHandle> driver = p.parent().filter(d -> d.pid() != ProcessHandle.current().pid());
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            driver.ifPresent(ProcessHandle::destroyForcibly);
            log.warn("killed Chromium (pid {}) and its driver to unblock a call into a page that stopped answering", p.pid());
        }, () -> log.error("cannot kill Chromium: its process was not found; the blocked call waits for its own timeout"));
    }

    /** The meaningful first line of a Playwright error, whose text may start with a dump like "Error {\n message='…". */
    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        String text = s.strip();
        int m = text.indexOf("message='");
        if (text.startsWith("Error {") && m >= 0) {
            text = text.substring(m + "message='".length());
        }
        String line = text.split("\n", 2)[0].replaceAll("'$", "");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    @Override
    public void close() {
        try {
            if (!killed) {
                browser.close();
            }
        } catch (PlaywrightException ignored) {
            // already gone
        }
        try {
            playwright.close();
        } catch (PlaywrightException ignored) {
            // the driver went with the browser
        }
        // Whatever the driver could not close (a renderer stuck in a loop) must not outlive us.
        process.ifPresent(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }
}
