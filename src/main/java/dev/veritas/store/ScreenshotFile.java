package dev.veritas.store;

import dev.veritas.audit.Screenshot;
import java.nio.file.Path;

/** A stored screenshot and the file that holds it. */
public record ScreenshotFile(Screenshot screenshot, Path path) {}
