package dev.veritas.checks.phishing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads labelled address files: a header {@code url,label}, then one address per line with label
 * 1 (phishing) or 0 (legitimate). An address containing commas or quotes is quoted as in RFC 4180.
 */
public final class LabelledUrlCsv {
    private LabelledUrlCsv() {}

    /** What is wrong with a file, phrased for the person who has to fix it. */
    public static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        public FormatException(String message) {
            super(message);
        }
    }

    public static List<LabelledUrl> read(Path file) throws FormatException {
        if (!Files.isRegularFile(file)) {
            throw new FormatException("cannot read " + file + ": no such file; pass the path of a CSV with columns url,label");
        }
        // InputStreamReader replaces undecodable bytes instead of failing: odd bytes are part of the data.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null) {
                throw new FormatException(file + " is empty; expected a header line 'url,label' followed by rows");
            }
            String h = header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (!h.equals("url,label")) {
                throw new FormatException(file + ": the first line must be the header 'url,label' (got '"
                        + shorten(header.strip()) + "')");
            }
            List<LabelledUrl> rows = new ArrayList<>();
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                rows.add(parse(file, line, number));
            }
            if (rows.isEmpty()) {
                throw new FormatException(file + " has a header but no rows; add lines like 'https://example.com/,0'");
            }
            return rows;
        } catch (NoSuchFileException e) {
            throw new FormatException("cannot read " + file + ": no such file; pass the path of a CSV with columns url,label");
        } catch (IOException e) {
            throw new FormatException("cannot read " + file + ": " + e.getMessage() + "; check the path and its permissions");
        }
    }

    static LabelledUrl parse(Path file, String line, int number) throws FormatException {
        String url;
        String rest;
        if (line.startsWith("\"")) {
            StringBuilder b = new StringBuilder();
            int i = 1;
            boolean closed = false;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        b.append('"');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    i++;
                    break;
                }
                b.append(c);
                i++;
            }
            if (!closed) {
                throw new FormatException(where(file, number) + "the quoted address is never closed; end it with '\"'");
            }
            url = b.toString();
            rest = line.substring(i);
            if (!rest.startsWith(",")) {
                throw new FormatException(where(file, number) + "expected ',' and a label after the quoted address");
            }
            rest = rest.substring(1);
        } else {
            int comma = line.lastIndexOf(',');
            if (comma < 0) {
                throw new FormatException(where(file, number) + "expected 'url,label' but found no comma in '"
                        + shorten(line) + "'");
            }
            url = line.substring(0, comma);
            rest = line.substring(comma + 1);
        }
        String label = rest.strip();
        if (!label.equals("0") && !label.equals("1")) {
            throw new FormatException(where(file, number) + "the label must be 0 (legitimate) or 1 (phishing), got '"
                    + shorten(label) + "'");
        }
        if (url.isBlank()) {
            throw new FormatException(where(file, number) + "the address is empty");
        }
        return new LabelledUrl(url, label.equals("1"), number);
    }

    private static String where(Path file, int line) {
        return file + " line " + line + ": ";
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}
