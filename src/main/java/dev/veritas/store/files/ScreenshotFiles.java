package dev.veritas.store.files;

import dev.veritas.audit.AuditId;
import dev.veritas.store.StoreUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import java.nio.channels.Channels;
import java.nio.file.InvalidPathException;
/**
 * Screenshot files under {@code <data>/screenshots/<audit-id>/}. Names are made here from the audit id
 * (a checked shape), a number and a slug; a stored relative path is resolved only if it stays under the root.
 */
public final class ScreenshotFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path root;

    public ScreenshotFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The file written, relative to the root, with its digest and size. */
    public record StoredFile(String relativePath, String sha256, long sizeBytes) {}

    /**
     * Writes through a temporary file and an atomic rename, so a reader never sees half an image. Each write
     * gets a name of its own (a random part after the number and slug): a write the store then refuses, e.g.
     * a duplicate index, can be deleted without touching the file an earlier screenshot already recorded.
     */
    public StoredFile write(AuditId auditId, int index, String label, String mediaType, byte[] bytes) {
        Path target = root.resolve(newKey(auditId, index, label, mediaType));
        Path dir = target.getParent();
        requireInsideRoot(target);
        Path temp = null;
        try {
            if (Files.isSymbolicLink(dir)) {
                // A link planted where the audit's folder belongs could send the image anywhere on disk.
                throw new IllegalArgumentException("screenshot path would leave the screenshot folder: " + dir + " is a symbolic link");
            }
            Files.createDirectories(dir);
            if (!dir.toRealPath().startsWith(root.toRealPath())) {
                throw new IllegalArgumentException("screenshot path would leave the screenshot folder: " + dir);
            }
            temp = Files.createTempFile(dir, ".tmp-", ".part");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            temp = null;
            syncDirectory(dir);
            return new StoredFile(root.relativize(target).toString().replace('\\', '/'), sha256(bytes), bytes.length);
        } catch (IOException e) {
            throw new StoreUnavailableException("could not write screenshot to " + dir + ": " + describe(e)
                    + " — check that the data directory is writable and the disk has space", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a stray .part file is harmless and removed with the audit
                }
            }
        }
    }

    /** The rename is durable only once the folder's entry is on disk: otherwise a power cut could keep the row and lose the file. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot open or sync a folder; the file itself is already synced
        }
    }

    /**
     * A new name for a screenshot, {@code <audit-id>/<index>-<slug>-<random>.<ext>}: the relative path of its file here,
     * and the key it is recorded under wherever else its bytes are kept.
     */
    public static String newKey(AuditId auditId, int index, String label, String mediaType) {
        return auditId.value() + "/" + String.format(Locale.ROOT, "%04d-%s-%08x.%s", index, slug(label), RANDOM.nextInt(), extension(mediaType));
    }

    /** Resolves a stored relative path; empty if it would leave the root or the file is gone. */
    public Optional<Path> resolve(String relativePath) {
        if (relativePath == null || relativePath.isBlank() || relativePath.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Path candidate;
        try {
            candidate = root.resolve(relativePath).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (!candidate.startsWith(root) || candidate.equals(root)) {
            return Optional.empty();
        }
        try {
            // A symlink planted inside the root must not lead outside it either.
            Path real = candidate.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                return Optional.empty();
            }
            return Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Deletes an audit's folder and everything in it. */
    public void deleteAll(AuditId auditId) {
        Path dir = root.resolve(auditId.value());
        requireInsideRoot(dir);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (DirectoryNotEmptyException | NoSuchFileException ignored) {
                    // raced with another delete; the folder goes with the last file
                }
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("could not delete screenshots in " + dir + ": " + describe(e), e);
        }
    }

    /** Deletes one file that was written but never recorded (its audit vanished meanwhile). */
    public void deleteQuietly(String relativePath) {
        resolve(relativePath).ifPresent(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // an orphan image is harmless; it goes with its audit's folder
            }
        });
    }

    private void requireInsideRoot(Path p) {
        if (!p.normalize().startsWith(root)) {
            throw new IllegalArgumentException("screenshot path would leave the screenshot folder: " + p);
        }
    }

    static String slug(String label) {
        String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.isEmpty()) {
            s = "shot";
        }
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/webp" -> "webp";
            default -> throw new IllegalArgumentException("unsupported media type " + mediaType);
        };
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String describe(IOException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (msg.contains("No space left")) {
            return "the disk is full";
        }
        return msg;
    }
}
