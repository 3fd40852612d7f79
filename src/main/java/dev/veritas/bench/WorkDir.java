package dev.veritas.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary folder inside the data directory, so a benchmark measures the disk the user's audits live on; removed afterwards. */
public final class WorkDir {
    private WorkDir() {}

    @FunctionalInterface
    public interface Body {
        int run(Path dir) throws Exception;
    }

    public static int use(Path base, String prefix, Body body) throws Exception {
        Files.createDirectories(base);
        Path work = Files.createTempDirectory(base, prefix);
        try {
            return body.run(work);
        } finally {
            delete(work);
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
