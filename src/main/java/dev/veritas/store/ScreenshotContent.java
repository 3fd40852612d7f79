package dev.veritas.store;

import dev.veritas.audit.Screenshot;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stored screenshot and its bytes, read on demand as a stream: an image is served without being held whole in
 * memory, wherever it is kept.
 */
public record ScreenshotContent(Screenshot screenshot, Source source) {

    /** Opens the image's bytes; the caller closes the stream. */
    public InputStream open() throws IOException {
        return source.open();
    }

    /** The bytes of one stored image. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }
}
