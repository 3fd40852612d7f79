package dev.veritas.store;

import dev.veritas.audit.Require;
import java.util.Optional;

/** A screenshot to store. The store names the file; nothing here becomes a path except through it. */
public record NewScreenshot(int index, String label, Optional<String> pageUrl, String mediaType, int width, int height, byte[] bytes) {
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    public NewScreenshot {
        Require.between("index", index, 0, 10_000);
        Require.text("label", label, 100);
        Require.present("page_url", pageUrl);
        Require.present("media_type", mediaType);
        if (!mediaType.equals("image/png") && !mediaType.equals("image/jpeg") && !mediaType.equals("image/webp")) {
            throw new IllegalArgumentException("media_type must be image/png, image/jpeg or image/webp (got " + mediaType + ")");
        }
        Require.nonNegative("width", width);
        Require.nonNegative("height", height);
        Require.present("bytes", bytes);
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("screenshot must be 1 byte to 50 MB (got " + bytes.length + " bytes)");
        }
    }
}
