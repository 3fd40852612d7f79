package dev.veritas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The store's contract ({@code dev.veritas.store}) depends on none of its implementations, so they depend on it and
 * not the other way round: a new store (or a new place for screenshot bytes) is added without touching the contract.
 */
class StorePackagesTest {
    @Test
    void theContractImportsNoImplementationPackage() throws Exception {
        Path contract = Path.of("src/main/java/dev/veritas/store");
        List<String> offending;
        try (Stream<Path> files = Files.list(contract)) {
            offending = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> l.matches("import dev\\.veritas\\.store\\.[a-z]+\\..*;"))
                            .map(l -> p.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(offending).isEmpty();
        assertThat(contract.resolve("AuditStore.java")).exists();
    }
}
