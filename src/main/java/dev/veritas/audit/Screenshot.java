package dev.veritas.audit;

import java.time.Instant;
import java.util.Optional;

/** Metadata of a stored screenshot; the image itself lives on disk at {@code filePath} under the screenshot root. */
public record Screenshot(
        int index,
        String label,
        Optional<String> pageUrl,
        String filePath,
        String mediaType,
        int width,
        int height,
        long sizeBytes,
        String sha256,
        Instant createdAt) {

    public Screenshot {
        Require.between("index", index, 0, 10_000);
        Require.text("label", label, 100);
        Require.present("page_url", pageUrl);
        Require.text("file_path", filePath, 500);
        Require.text("media_type", mediaType, 100);
        Require.nonNegative("width", width);
        Require.nonNegative("height", height);
        Require.nonNegative("size_bytes", sizeBytes);
        Require.text("sha256", sha256, 64);
        Require.present("created_at", createdAt);
    }
}
