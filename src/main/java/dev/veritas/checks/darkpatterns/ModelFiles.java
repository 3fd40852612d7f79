package dev.veritas.checks.darkpatterns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the learned models' plain-text files share: the comment header, the classes line, loading the shipped copy. */
final class ModelFiles {
    interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private ModelFiles() {
    }

    /** The model shipped as this classpath resource, or empty when the build has none. */
    static <T> Optional<T> shipped(String resource, Reader<T> reader) {
        try (InputStream in = ModelFiles.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(reader.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The classes of a {@code classes} line ({@code benign} first, then pattern types by wire name). */
    static List<Optional<PatternType>> classes(String[] parts, int lineNo) throws IOException {
        List<Optional<PatternType>> classes = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String name = parts[i];
            classes.add(name.equals("benign") ? Optional.empty() : Optional.of(PatternType.fromLabel(name)
                    .orElseThrow(() -> new IOException("line " + lineNo + ": unknown class " + name))));
        }
        return classes;
    }

    /** The comment header, the threshold line and the classes line, each ending in a newline. */
    static void writeHead(Writer out, List<String> header, String threshold, List<Optional<PatternType>> classes) throws IOException {
        for (String h : header) {
            out.write("# " + h + "\n");
        }
        out.write("threshold\t" + threshold + "\n");
        out.write("classes");
        for (Optional<PatternType> c : classes) {
            out.write("\t" + c.map(PatternType::wire).orElse("benign"));
        }
        out.write("\n");
    }
}
