package dev.veritas.capture;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import dev.veritas.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's Chromium driven through Playwright. Never downloads a browser. Playwright objects belong to the
 * thread that made them, so each worker thread owns one of these and reuses it across audits.
 */
public final class Chromium implements AutoCloseable {
    public static final Path DEFAULT_PATH = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;
    private final Path executable;

    private Chromium(Playwright playwright, Browser browser, Path executable) {
        this.playwright = playwright;
        this.browser = browser;
        this.executable = executable;
    }

    /** The Chromium to use: $VERITAS_CHROMIUM, else /usr/bin/chromium; empty when it is not there. */
    public static Optional<Path> locate() {
        Path p = Env.get("VERITAS_CHROMIUM").map(Path::of).orElse(DEFAULT_PATH);
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    /** What to tell a user who has no Chromium. */
    public static String missingMessage() {
        Path p = Env.get("VERITAS_CHROMIUM").map(Path::of).orElse(DEFAULT_PATH);
        return "Chromium not found at " + p + " — install it (apt-get install chromium) or set VERITAS_CHROMIUM; auditing without screenshots";
    }

    public static Chromium launch(Path executable, TrustConfig trust) {
        Playwright pw;
        try {
            pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        } catch (PlaywrightException e) {
            throw new PageCaptureException("could not start the browser driver: " + firstLine(e.getMessage()), e);
        }
        List<String> args = new ArrayList<>(List.of(
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
            return new Chromium(pw, browser, executable);
        } catch (PlaywrightException e) {
            pw.close();
            throw new PageCaptureException("could not start Chromium at " + executable + ": " + firstLine(e.getMessage()), e);
        }
    }

    public Browser browser() {
        return browser;
    }

    public Path executable() {
        return executable;
    }

    public boolean isAlive() {
        return browser.isConnected();
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
            browser.close();
        } catch (PlaywrightException ignored) {
            // already gone
        }
        playwright.close();
    }
}
