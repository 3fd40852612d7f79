package dev.veritas.capture.browser;

import com.microsoft.playwright.impl.driver.jar.DriverJar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Playwright's driver — a Node.js binary and its library, 134 MB unpacked — kept unpacked in a directory beside the
 * Veritas jar ({@code target/playwright-driver-VERSION} in a clone), instead of unpacked into a new temporary
 * directory by every process that starts a browser, as Playwright for Java does by default: that cost a fresh
 * {@code veritas audit} about a second of CPU and several seconds on a loaded machine, and a process that was killed
 * left its 134 MB behind in the temporary directory.
 *
 * <p>The first process unpacks it into a temporary directory beside the final one and renames it into place when it is
 * whole (a marker file written last says so), so processes starting at once never see half a driver: the one whose
 * rename comes second throws its copy away. When the directory cannot be written, or anything about the unpacking
 * fails, Playwright is left to its default. {@code -Dplaywright.cli.dir=DIR} (Playwright's own setting) wins.
 */
final class PlaywrightDriver {
    private static final Logger log = LoggerFactory.getLogger(PlaywrightDriver.class);
    /** Where Playwright for Java looks for a driver it need not unpack. */
    static final String CLI_DIR = "playwright.cli.dir";
    private static final String MARKER = ".veritas-complete";
    private static final String VERSION_FILE = "/META-INF/maven/com.microsoft.playwright/driver-bundle/pom.properties";
    private static boolean prepared;

    private PlaywrightDriver() {}

    /** Points Playwright at the unpacked driver, unpacking it first when it is not there yet. Cheap after the first call. */
    static synchronized void prepare() {
        if (prepared || System.getProperty(CLI_DIR) != null) {
            return;
        }
        prepared = true;
        Optional<Path> base = besideTheJar();
        Optional<String> version = version();
        if (base.isEmpty() || version.isEmpty()) {
            return;
        }
        Path dir = base.get().resolve("playwright-driver-" + version.get());
        try {
            if (!Files.isRegularFile(dir.resolve(MARKER))) {
                unpack(base.get(), dir, version.get());
            }
            if (Files.isRegularFile(dir.resolve(MARKER))) {
                System.setProperty(CLI_DIR, dir.toString());
            }
        } catch (IOException | URISyntaxException | RuntimeException | LinkageError e) {
            log.debug("could not keep Playwright's driver unpacked in {} ({}); Playwright unpacks it for this process", dir, e.toString());
        }
    }

    private static void unpack(Path base, Path dir, String version) throws IOException, URISyntaxException {
        if (!Files.isWritable(base)) {
            return;
        }
        long started = System.nanoTime();
        Path tmp = Files.createTempDirectory(base, ".playwright-driver-");
        try {
            DriverJar.installDriverTo(tmp);
            Files.writeString(tmp.resolve(MARKER), version + "\n");
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                log.info("unpacked Playwright's driver {} into {} in {} ms; later starts use it as it is", version, dir,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (FileSystemException e) {
                // Another process put its copy there first (or something else is in the way): the marker tells.
            }
        } finally {
            deleteTree(tmp);
        }
    }

    /** The directory of the jar (or of the classes directory) that Veritas runs from, when it is a directory on disk. */
    private static Optional<Path> besideTheJar() {
        try {
            Path location = Path.of(PlaywrightDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(location.getParent()).filter(Files::isDirectory);
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The version of the driver Playwright would unpack: a directory per version, so an upgrade never uses an old driver. */
    private static Optional<String> version() {
        try (InputStream in = DriverJar.class.getResourceAsStream(VERSION_FILE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            return Optional.ofNullable(p.getProperty("version")).filter(v -> v.matches("[0-9A-Za-z.\\-]+"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // left for mvn clean
                }
            });
        } catch (IOException ignored) {
            // left for mvn clean
        }
    }
}
