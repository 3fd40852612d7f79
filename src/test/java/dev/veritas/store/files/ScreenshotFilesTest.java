package dev.veritas.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veritas.audit.AuditId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stored paths come from the database, which other processes can write: none of them may reach outside the root. */
class ScreenshotFilesTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    @TempDir
    Path dir;
    Path root;
    Path outside;
    ScreenshotFiles files;
    AuditId id = AuditId.random();

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(dir.resolve("data/screenshots"));
        outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("secret.png"), "not yours");
        Files.writeString(dir.resolve("data/x"), "beside the root");
        files = new ScreenshotFiles(root);
    }

    @Test
    void aWrittenFileResolvesToItselfUnderTheRoot() {
        ScreenshotFiles.StoredFile f = files.write(id, 0, "Home page", "image/png", PNG);
        assertThat(f.relativePath()).startsWith(id.value() + "/0000-home-page-").endsWith(".png");
        assertThat(files.resolve(f.relativePath())).hasValueSatisfying(p -> assertThat(p).startsWith(root).hasBinaryContent(PNG));
    }

    /** Each of these names a file that exists: only the root check keeps resolve from returning it. */
    @Test
    void resolveRefusesRelativePathsThatClimbOut() {
        assertThat(dir.resolve("data/x")).exists();
        assertThat(files.resolve("../x")).isEmpty();
        assertThat(files.resolve(id.value() + "/../../x")).isEmpty();
        assertThat(files.resolve("../../elsewhere/secret.png")).isEmpty();
    }

    @Test
    void resolveRefusesAbsolutePaths() {
        assertThat(files.resolve(outside.resolve("secret.png").toString())).isEmpty();
        assertThat(files.resolve(dir.resolve("data/x").toAbsolutePath().toString())).isEmpty();
    }

    @Test
    void resolveRefusesSymbolicLinksThatLeadOut() throws Exception {
        Path folder = Files.createDirectories(root.resolve(id.value()));
        Files.createSymbolicLink(folder.resolve("0000-shot-00000000.png"), outside.resolve("secret.png"));
        Files.createSymbolicLink(root.resolve(AuditId.random().value()), outside);
        assertThat(files.resolve(id.value() + "/0000-shot-00000000.png")).isEmpty();
        try (Stream<Path> links = Files.list(root)) {
            Path linkedFolder = links.filter(Files::isSymbolicLink).findFirst().orElseThrow();
            assertThat(files.resolve(linkedFolder.getFileName() + "/secret.png")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../elsewhere/evil", "/etc/passwd", "..", "a/../../b"})
    void aLabelCannotSteerTheWriteOutOfTheAuditsFolder(String label) throws Exception {
        ScreenshotFiles.StoredFile f = files.write(id, 3, label, "image/png", PNG);
        assertThat(f.relativePath()).startsWith(id.value() + "/0003-").doesNotContain("..");
        assertThat(root.resolve(f.relativePath())).hasBinaryContent(PNG);
        try (Stream<Path> all = Files.list(outside)) {
            assertThat(all).containsExactly(outside.resolve("secret.png"));
        }
    }

    @Test
    void writeRefusesAnAuditFolderThatIsALinkLeadingOut() throws Exception {
        Files.createSymbolicLink(root.resolve(id.value()), outside);
        assertThatThrownBy(() -> files.write(id, 0, "shot", "image/png", PNG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("would leave the screenshot folder");
        try (Stream<Path> all = Files.list(outside)) {
            assertThat(all).containsExactly(outside.resolve("secret.png"));
        }
    }

    @Test
    void deletingAnAuditWhoseFolderIsALinkLeavesTheLinkedFilesAlone() throws Exception {
        Files.createSymbolicLink(root.resolve(id.value()), outside);
        files.deleteAll(id);
        assertThat(outside.resolve("secret.png")).hasContent("not yours");
    }
}
