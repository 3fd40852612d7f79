package dev.veritas.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import java.io.IOException;
import java.io.UncheckedIOException;
/**
 * Debian's Chromium driven by Playwright, with what every UI test checks on every page: no console errors, no
 * uncaught exceptions, no alert() (a sign of injected script), a screenshot saved under target/ui-screenshots/,
 * and no horizontal scrolling on a 390-pixel-wide phone.
 */
final class BrowserSession implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 900;
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    private final Playwright playwright;
    private final Browser browser;

    BrowserSession(Path chromium) {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")));
    }

    /** A fresh browser context (own localStorage) and page, watched for errors. */
    Watched open() {
        return open(null);
    }

    /** The same in a time zone (an IANA name such as "Etc/GMT-14"), or the machine's when null. */
    Watched open(String timezoneId) {
        Browser.NewContextOptions options = new Browser.NewContextOptions()
                .setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT).setAcceptDownloads(true).setLocale("en-GB");
        if (timezoneId != null) {
            options.setTimezoneId(timezoneId);
        }
        BrowserContext context = browser.newContext(options);
        return new Watched(context, context.newPage());
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** A page and everything it reported: console errors, uncaught exceptions and dialogs. */
    static final class Watched implements AutoCloseable {
        final BrowserContext context;
        final Page page;
        final List<String> errors = new CopyOnWriteArrayList<>();
        final List<String> alerts = new CopyOnWriteArrayList<>();

        Watched(BrowserContext context, Page page) {
            this.context = context;
            this.page = page;
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) {
                    errors.add("console: " + m.text() + " @ " + m.location());
                }
            });
            page.onPageError(e -> errors.add("uncaught: " + e));
            page.onDialog(d -> {
                alerts.add(d.type() + ": " + d.message());
                d.dismiss();
            });
        }

        /** No console error, exception or alert so far, except failed requests with the given HTTP statuses. */
        void assertClean(int... expectedStatuses) {
            assertClean(false, expectedStatuses);
        }

        /** The same, also allowing requests that failed without an answer (a test cut the network on purpose). */
        void assertCleanWithNetworkFailures() {
            assertClean(true);
        }

        private void assertClean(boolean networkFailures, int... expectedStatuses) {
            List<String> unexpected = errors.stream().filter(e -> !expected(e, expectedStatuses))
                    .filter(e -> !(networkFailures && e.contains("Failed to load resource: net::ERR_"))).toList();
            assertThat(unexpected).as("console errors and exceptions on %s", page.url()).isEmpty();
            assertThat(alerts).as("dialogs opened by the page (injected script?)").isEmpty();
        }

        private static boolean expected(String error, int[] statuses) {
            for (int s : statuses) {
                if (Pattern.compile("Failed to load resource: the server responded with a status of " + s + "\\b").matcher(error).find()) {
                    return true;
                }
            }
            return false;
        }

        /** Saves a full-page screenshot as target/ui-screenshots/{name}.png. */
        void screenshot(String name) {
            screenshot(name, true);
        }

        private void screenshot(String name, boolean fullPage) {
            try {
                Files.createDirectories(SCREENSHOTS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(fullPage));
        }

        /** Saves what is on the screen (for dialogs, which sit over the viewport) as target/ui-screenshots/{name}.png. */
        void screenshotViewport(String name) {
            screenshot(name, false);
        }

        /**
         * Shows the page on a 390-pixel-wide phone: nothing may be wider than the screen. Saves {name}-phone.png,
         * then goes back to the desktop size.
         */
        void assertFitsPhone(String name) {
            page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
            try {
                // Two animation frames: the layout of the new width is done.
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
                Object overflow = page.evaluate("() => { const d = document.documentElement;"
                        + " const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > d.clientWidth + 1)"
                        + "   .slice(0, 5).map(e => e.tagName + '.' + e.className);"
                        + " return {scroll: d.scrollWidth, client: d.clientWidth, wide}; }");
                @SuppressWarnings("unchecked")
                Map<String, Object> o = (Map<String, Object>) overflow;
                assertThat(((Number) o.get("scroll")).intValue()).as("page width at 390 px on %s (too wide: %s)", name, o.get("wide"))
                        .isLessThanOrEqualTo(((Number) o.get("client")).intValue());
                screenshot(name + "-phone");
            } finally {
                page.setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT);
            }
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
