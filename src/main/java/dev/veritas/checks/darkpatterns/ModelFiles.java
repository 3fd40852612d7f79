package dev.veritas.checks.darkpatterns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the learned models' plain-text files share: the comment header, the classes line, loading the shipped copy. */
final class ModelFiles {
    interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    /** One data line of a model file: its number in the file and its tab-separated fields. */
    record Line(int number, String[] parts) {
    }

    private ModelFiles() {
    }

    /** The data lines of a model file, in order; blank lines are skipped and {@code #} comment lines go to {@code header}. */
    static List<Line> dataLines(InputStream in, List<String> header) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<Line> lines = new ArrayList<>();
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                header.add(line.substring(1).trim());
                continue;
            }
            lines.add(new Line(no, line.split("\t")));
        }
        return lines;
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
