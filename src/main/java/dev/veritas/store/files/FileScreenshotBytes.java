package dev.veritas.store.files;

import dev.veritas.audit.AuditId;
import dev.veritas.audit.Screenshot;
import dev.veritas.store.NewScreenshot;
import dev.veritas.store.ScreenshotContent;
import dev.veritas.store.jdbc.ScreenshotBytes;
import dev.veritas.store.jdbc.Tx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screenshot bytes in files beside the database (the embedded store): written and synced before the audit's
 * transaction, removed after the commit that deletes their rows.
 */
public final class FileScreenshotBytes implements ScreenshotBytes {
    private static final Logger log = LoggerFactory.getLogger(FileScreenshotBytes.class);
    private final ScreenshotFiles files;

    public FileScreenshotBytes(ScreenshotFiles files) {
        this.files = files;
    }

    public ScreenshotFiles files() {
        return files;
    }

    @Override
    public Staged stage(AuditId id, NewScreenshot shot) {
        ScreenshotFiles.StoredFile f = files.write(id, shot.index(), shot.label(), shot.mediaType(), shot.bytes());
        return new Staged(f.relativePath(), f.sha256(), f.sizeBytes());
    }

    @Override
    public void record(Tx tx, long screenshotRowId, NewScreenshot shot) {
        // the file is already written
    }

    @Override
    public void discard(Staged staged) {
        files.deleteQuietly(staged.key());
    }

    @Override
    public void removed(List<String> keys) {
        keys.forEach(files::deleteQuietly);
    }

    @Override
    public void auditDeleted(AuditId id) {
        files.deleteAll(id);
    }

    @Override
    public Optional<ScreenshotContent.Source> source(Screenshot screenshot, long screenshotRowId) {
        return files.resolve(screenshot.filePath()).map(p -> () -> Files.newInputStream(p));
    }

    @Override
    public void removeOrphans(Predicate<AuditId> exists) {
        Path root = files.root();
        if (!Files.isDirectory(root)) {
            return;
        }
        List<AuditId> candidates;
        try (Stream<Path> dirs = Files.list(root)) {
            candidates = dirs.map(p -> p.getFileName().toString()).filter(AuditId::isValid).map(AuditId::new).toList();
        } catch (IOException e) {
            log.warn("could not list screenshot folder {}: {}", root, e.getMessage());
            return;
        }
        for (AuditId id : candidates) {
            if (!exists.test(id)) {
                files.deleteAll(id);
                log.info("removed screenshots of deleted audit {}", id);
            }
        }
    }

    @Override
    public long countMissing(Statement st) throws SQLException {
        long missing = 0;
        try (ResultSet rs = st.executeQuery("SELECT file_path FROM audit_screenshots")) {
            while (rs.next()) {
                if (files.resolve(rs.getString(1)).isEmpty()) {
                    missing++;
                }
            }
        }
        return missing;
    }

    @Override
    public String where() {
        return "files under " + files.root();
    }
}
